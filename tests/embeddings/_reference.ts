import {
  type SkipGramBatch,
  skipGramLoss,
  skipGramStep,
  type SparseOptimizer,
} from "@lib/embeddings/mod.ts";
import { setupTf, tf } from "@lib/tf/mod.ts";
import { createRng } from "@lib/random/mod.ts";

export const VOCAB = 7, DIM = 4, K = 2;

/** A tiny seeded batch with repeated words, so that duplicate rows must be summed. */
export function tinyBatch(seed: number, pairs = 6): SkipGramBatch {
  const rng = createRng(seed);
  const draw = (n: number) => Int32Array.from({ length: n }, () => rng.int(0, VOCAB));
  return { centers: draw(pairs), contexts: draw(pairs), negatives: draw(pairs * K) };
}

/** Seeded starting values of the input and output tables, `[VOCAB, DIM]` each. */
export function initialTables(): { input: number[]; output: number[] } {
  const rng = createRng(11);
  const draw = () => Array.from({ length: VOCAB * DIM }, () => rng.normal(0, 0.3));
  return { input: draw(), output: draw() };
}

/** Final tables and the mean loss per pair of each batch. */
export interface RunResult {
  input: number[];
  output: number[];
  losses: number[];
}

/**
 * The reference: dense autodiff on the cpu backend. The loss is computed from gathers of the
 * whole tables, so tfjs differentiates through `gather` (an UnsortedSegmentSum over the
 * vocabulary) and a dense optimiser updates every row.
 */
export async function denseReference(
  batches: SkipGramBatch[],
  optimizer: () => tf.Optimizer,
): Promise<RunResult> {
  await setupTf({ backend: "cpu" });
  try {
    const init = initialTables();
    const input = tf.tidy(() => tf.variable(tf.tensor2d(init.input, [VOCAB, DIM])));
    const output = tf.tidy(() => tf.variable(tf.tensor2d(init.output, [VOCAB, DIM])));
    const opt = optimizer();
    const losses: number[] = [];
    for (const { centers, contexts, negatives } of batches) {
      const b = centers.length;
      const targets: number[] = [];
      for (let i = 0; i < b; i++) {
        targets.push(contexts[i], ...negatives.subarray(i * K, (i + 1) * K));
      }
      const loss = opt.minimize(
        () => {
          const v = tf.gather(input, tf.tensor1d(centers, "int32"));
          const u = tf.reshape(tf.gather(output, tf.tensor1d(targets, "int32")), [b, K + 1, DIM]);
          return skipGramLoss(v, u);
        },
        true,
        [input, output],
      )!;
      losses.push(loss.dataSync()[0] / b);
      loss.dispose();
    }
    const result = {
      input: Array.from(input.dataSync()),
      output: Array.from(output.dataSync()),
      losses,
    };
    tf.dispose([input, output]);
    opt.dispose();
    return result;
  } finally {
    await setupTf();
  }
}

/** The same training with skipGramStep and a sparse optimiser on the default backend. */
export function sparseRun(batches: SkipGramBatch[], optimizer: SparseOptimizer): RunResult {
  const init = initialTables();
  const input = tf.tidy(() => tf.variable(tf.tensor2d(init.input, [VOCAB, DIM])));
  const output = tf.tidy(() => tf.variable(tf.tensor2d(init.output, [VOCAB, DIM])));
  const losses = batches.map((batch) => skipGramStep({ input, output }, batch, optimizer));
  const result = {
    input: Array.from(input.dataSync()),
    output: Array.from(output.dataSync()),
    losses,
  };
  tf.dispose([input, output]);
  optimizer.dispose();
  return result;
}
