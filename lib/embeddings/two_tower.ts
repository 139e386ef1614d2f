import { tf } from "../tf/mod.ts";
import { assertFiniteNumber, assertInteger, assertOneOf, raise } from "../_shared/validate.ts";
import { permutation, type RandomOptions, resolveRng, type Rng } from "../random/mod.ts";
import { assertDenseMatrix, type DenseMatrix } from "../vectors/mod.ts";

/** Options of {@link trainTwoTower}. */
export interface TwoTowerOptions extends RandomOptions {
  /** Length of user and item vectors. @default 32 */
  dim?: number;
  /** Hidden layer width of the item tower. @default 64 */
  hidden?: number;
  /** `"softmax"`: in-batch softmax over cosines / temperature; `"contrastive"`: cosine contrastive loss. @default "softmax" */
  loss?: "softmax" | "contrastive";
  /** Softmax temperature τ. @default 0.1 */
  temperature?: number;
  /** Subtract $\log q_i$ from the in-batch softmax logits (`"softmax"` only). @default true */
  logQCorrection?: boolean;
  /** Contrastive margin m: negatives are pushed below cosine m. @default 0.2 */
  margin?: number;
  /** Passes over the interactions. @default 10 */
  epochs?: number;
  /** Interactions per step (and in-batch negatives + 1). @default 256 */
  batchSize?: number;
  /** Adam learning rate. @default 0.01 */
  learningRate?: number;
}

/** A trained two-tower model's outputs. */
export interface TwoTowerModel {
  /** Unit-length user vectors, `users × dim`. */
  userVectors: DenseMatrix;
  /** Unit-length item vectors from the item tower, `items × dim`. */
  itemVectors: DenseMatrix;
  /** Mean training loss of each epoch. */
  losses: number[];
}

function glorot(rows: number, cols: number, rng: Rng): tf.Variable {
  const sd = Math.sqrt(2 / (rows + cols));
  return tf.variable(
    tf.tensor2d(Float32Array.from({ length: rows * cols }, () => rng.normal(0, sd)), [rows, cols]),
  );
}

/**
 * Trains a two-tower retrieval model on (user, item) interactions: a **user tower** (a learnt
 * vector per user) and an **item tower** (an MLP on the item's features: one ReLU layer, then a
 * linear layer), both normalised to unit length so that the score is the cosine
 * $s(u, i) = \hat e_u^\top \hat e_i$. Two losses:
 *
 * - `"softmax"` (in-batch negatives): for a batch of $B$ pairs, each user's own item against the
 *   other $B - 1$ items of the batch, with logits $s(u_b, i_c)/\tau - \log q_{i_c}$ and
 *   $L = -\frac1B \sum_b \log \operatorname{softmax}_c(\text{logits}_{b})_{b}$; $q_i$ is item $i$'s share of
 *   the interactions. Popular items are in-batch negatives more often than a uniform sample
 *   would make them; the $\log q$ correction (Yi et al. 2019) undoes that bias
 *   (`logQCorrection: false` leaves it out);
 * - `"contrastive"`: pull the cosine of observed pairs to 1 and push a shuffled pair's below the
 *   margin $m$: $L = \frac1B \sum_b \tfrac12 (1 - s(u_b, i_b))^2 + \tfrac12 \max(0, s(u_b, i_{\pi(b)}) - m)^2$.
 *
 * Items never seen in training still get a vector from their features (no cold-start hole).
 * Retrieve with `topKCosine(userVectors, itemVectors, …)`.
 *
 * @param users User id of each interaction.
 * @param items Item id of each interaction (same length).
 * @param itemFeatures `items × features` matrix (row = item id).
 * @param options See {@link TwoTowerOptions}; `seed` or `rng` seeds weights and batch order.
 * @returns A {@link TwoTowerModel} (plain arrays; no tensor is left behind).
 * @throws {RangeError} On mismatched lengths, ids out of range or options out of range.
 * @see notebooks/05_embeddings.ipynb
 * @example Two users who like different items end up nearest to their own items
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainTwoTower } from "@lib/embeddings/mod.ts";
 * import { fromRows, topKCosine } from "@lib/vectors/mod.ts";
 * import { setupTf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const features = fromRows([[1, 0], [0.9, 0.1], [0, 1], [0.1, 0.9]]);
 * const users = Int32Array.of(0, 0, 1, 1), items = Int32Array.of(0, 1, 2, 3);
 * const m = await trainTwoTower(users, items, features, { epochs: 60, batchSize: 4, dim: 4, hidden: 8, seed: 1 });
 * assert.deepEqual([...topKCosine(m.userVectors, m.itemVectors, { k: 1 }).indices].map((i) => i < 2), [true, false]);
 * ```
 */
export async function trainTwoTower(
  users: Int32Array,
  items: Int32Array,
  itemFeatures: DenseMatrix,
  options: TwoTowerOptions,
): Promise<TwoTowerModel> {
  const context = "train a two-tower model";
  assertDenseMatrix(itemFeatures, "itemFeatures", context);
  const {
    dim = 32,
    hidden = 64,
    loss = "softmax",
    temperature = 0.1,
    logQCorrection = true,
    margin = 0.2,
    epochs = 10,
    batchSize = 256,
    learningRate = 0.01,
  } = options ?? {};
  assertInteger(dim, "dim", context, { min: 1 });
  assertInteger(hidden, "hidden", context, { min: 1 });
  assertOneOf(loss, ["softmax", "contrastive"], "loss", context);
  assertFiniteNumber(temperature, "temperature", context, { min: 1e-6 });
  if (typeof logQCorrection !== "boolean") {
    raise("type", context, "logQCorrection must be a boolean");
  }
  assertFiniteNumber(margin, "margin", context, { min: -1, max: 1 });
  assertInteger(epochs, "epochs", context, { min: 1 });
  assertInteger(batchSize, "batchSize", context, { min: 2 });
  assertFiniteNumber(learningRate, "learningRate", context, { min: 0 });
  if (!(users instanceof Int32Array) || !(items instanceof Int32Array)) {
    raise("type", context, "users and items must be Int32Arrays");
  }
  if (users.length !== items.length || users.length < 2) {
    raise(
      "range",
      context,
      `users and items must have the same length (≥ 2), got ${users.length} and ${items.length}`,
    );
  }
  let nUsers = 0;
  for (let k = 0; k < users.length; k++) {
    if (users[k] < 0) {
      raise("range", context, `users[${k}] must be a non-negative id, got ${users[k]}`);
    }
    if (items[k] < 0 || items[k] >= itemFeatures.rows) {
      raise("range", context, `items[${k}] = ${items[k]} has no row in itemFeatures`);
    }
    nUsers = Math.max(nUsers, users[k] + 1);
  }
  const rng = resolveRng(options, context);
  const f = itemFeatures.cols;
  const userTable = tf.variable(
    tf.tensor2d(Float32Array.from({ length: nUsers * dim }, () => rng.normal(0, 0.1)), [
      nUsers,
      dim,
    ]),
  );
  const w1 = glorot(f, hidden, rng), b1 = tf.variable(tf.zeros([hidden]));
  const w2 = glorot(hidden, dim, rng), b2 = tf.variable(tf.zeros([dim]));
  const features = tf.tensor2d(Float32Array.from(itemFeatures.data), [itemFeatures.rows, f]);
  const share = new Float32Array(itemFeatures.rows);
  for (const i of items) share[i] += 1 / items.length;
  const logQ = tf.tensor1d(share.map((q) => logQCorrection ? Math.log(Math.max(q, 1e-12)) : 0));
  const itemTower = (x: tf.Tensor2D) =>
    tf.tidy(() => {
      const h = tf.relu(tf.add(tf.matMul(x, w1), b1));
      const e = tf.add(tf.matMul(h, w2), b2);
      return tf.div(e, tf.add(tf.norm(e, 2, 1, true), 1e-8)) as tf.Tensor2D;
    });
  const userTower = (ids: tf.Tensor1D) =>
    tf.tidy(() => {
      const e = tf.gather(userTable, ids);
      return tf.div(e, tf.add(tf.norm(e, 2, 1, true), 1e-8)) as tf.Tensor2D;
    });
  const optimizer = tf.train.adam(learningRate);
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = permutation(users.length, { rng });
    let total = 0, steps = 0;
    for (let start = 0; start + 1 < users.length; start += batchSize) {
      const idx = order.subarray(start, Math.min(start + batchSize, users.length));
      const b = idx.length;
      const u = tf.tensor1d(Int32Array.from(idx, (k) => users[k]), "int32");
      const itemIds = Int32Array.from(idx, (k) => items[k]);
      const itemIdsTensor = tf.tensor1d(itemIds, "int32");
      const x = tf.gather(features, itemIdsTensor) as tf.Tensor2D;
      const value = optimizer.minimize(
        () => {
          const eu = userTower(u), ei = itemTower(x);
          if (loss === "softmax") {
            const logits = tf.sub(
              tf.div(tf.matMul(eu, ei, false, true), temperature),
              tf.gather(logQ, itemIdsTensor),
            );
            return tf.losses.softmaxCrossEntropy(
              tf.oneHot(tf.range(0, b, 1, "int32"), b),
              logits,
            ) as tf.Scalar;
          }
          const pos = tf.sum(tf.mul(eu, ei), 1);
          const neg = tf.sum(
            tf.mul(
              eu,
              tf.concat([tf.slice(ei, [1, 0], [b - 1, dim]), tf.slice(ei, [0, 0], [1, dim])]),
            ),
            1,
          );
          return tf.mean(tf.add(tf.square(tf.sub(1, pos)), tf.square(tf.relu(tf.sub(neg, margin)))))
            .mul(0.5) as tf.Scalar;
        },
        true,
        [userTable, w1, b1, w2, b2],
      )!;
      total += value.dataSync()[0];
      steps++;
      tf.dispose([value, u, x, itemIdsTensor]);
    }
    losses.push(total / steps);
    await Promise.resolve();
  }
  const ids = tf.range(0, nUsers, 1, "int32") as tf.Tensor1D;
  const eu = userTower(ids), ei = itemTower(features);
  const result = {
    userVectors: { data: eu.dataSync() as Float32Array, rows: nUsers, cols: dim },
    itemVectors: { data: ei.dataSync() as Float32Array, rows: itemFeatures.rows, cols: dim },
    losses,
  };
  tf.dispose([ids, eu, ei, features, logQ, userTable, w1, b1, w2, b2]);
  optimizer.dispose();
  return result;
}
