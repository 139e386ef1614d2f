/**
 * One shard of `runShardedJob`: holds its slice of the items after "load",
 * scores it on every "score" and reports the compute time it measured itself
 * (so the caller can subtract it from the round trip to get the overhead).
 *
 * @module
 */
import { _accumulate, type FlatTree } from "../models/forest/flat_tree.ts";
import type { ShardLoad, ShardReply } from "./_shard_protocol.ts";

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: ShardReply, transfer?: Transferable[]): void;
};

let score: (() => Float64Array) | undefined;

function load(message: ShardLoad): () => Float64Array {
  if (message.kind === "spin") {
    const { items, perItemMs } = message;
    return () => {
      const end = performance.now() + items * perItemMs;
      while (performance.now() < end) { /* the synthetic per-item cost */ }
      return new Float64Array(0);
    };
  }
  const { trees, nOutputs, nFeatures, data } = message;
  const n = data.length / nFeatures;
  const rows = Array.from(
    { length: n },
    (_, i) => data.subarray(i * nFeatures, (i + 1) * nFeatures),
  );
  const model: FlatTree[] = trees;
  return () => {
    const out = new Float64Array(n * nOutputs);
    _accumulate(model, rows, nOutputs, out);
    for (let i = 0; i < out.length; i++) out[i] /= model.length;
    return out;
  };
}

scope.onmessage = (event: MessageEvent) => {
  try {
    const message = event.data;
    if (message.type === "load") {
      score = load(message);
      scope.postMessage({ type: "ready" });
    } else if (message.type === "score") {
      if (score === undefined) throw new Error("the shard was asked to score before loading");
      const start = performance.now();
      const outputs = score();
      const computeMs = performance.now() - start;
      scope.postMessage({ type: "scored", computeMs, outputs }, [outputs.buffer]);
    }
  } catch (error) {
    scope.postMessage({
      type: "error",
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
