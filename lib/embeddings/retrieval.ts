import { inverse, Matrix } from "ml-matrix";
import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";
import { type DenseMatrix, topKCosine } from "../vectors/mod.ts";

/** Recall@k and NDCG@k averaged over users, with the per-user values for intervals. */
export interface RetrievalScores {
  /** Mean over users of |retrieved ∩ relevant| / |relevant|. */
  recall: number;
  /** Mean over users of DCG@k / ideal DCG@k with binary relevance. */
  ndcg: number;
  /** Recall of each user. */
  recallPerUser: number[];
  /** NDCG of each user. */
  ndcgPerUser: number[];
}

/**
 * Scores ranked lists against held-out relevant items: recall@k and NDCG@k with binary
 * relevance, $\text{DCG@}k = \sum_{r=1}^{k} \text{rel}_r / \log_2(r + 1)$.
 *
 * @param ranked Each user's retrieved items, best first (at least `k` each).
 * @param relevant Each user's held-out items (non-empty).
 * @param options `k`.
 * @returns {@link RetrievalScores}.
 * @throws {RangeError} If the user counts differ, a list is shorter than `k` or a user has no relevant item.
 * @example One hit at rank 2 of 2 relevant items: recall 1/2, NDCG (1/log₂3) / (1 + 1/log₂3)
 * ```ts
 * import assert from "node:assert/strict";
 * import { retrievalScores } from "@lib/embeddings/mod.ts";
 * const s = retrievalScores([Int32Array.of(7, 3, 9)], [Int32Array.of(3, 5)], { k: 3 });
 * assert.equal(s.recall, 0.5);
 * assert.ok(Math.abs(s.ndcg - (1 / Math.log2(3)) / (1 + 1 / Math.log2(3))) < 1e-12);
 * ```
 */
export function retrievalScores(
  ranked: readonly Int32Array[],
  relevant: readonly Int32Array[],
  options: { k: number },
): RetrievalScores {
  const context = "compute retrievalScores";
  const { k } = options ?? {};
  assertInteger(k, "k", context, { min: 1 });
  if (ranked.length !== relevant.length) {
    raise(
      "range",
      context,
      `ranked and relevant must have the same length, got ${ranked.length} and ${relevant.length}`,
    );
  }
  const recallPerUser: number[] = [], ndcgPerUser: number[] = [];
  ranked.forEach((list, u) => {
    if (list.length < k) {
      raise("range", context, `ranked[${u}] has ${list.length} items, fewer than k=${k}`);
    }
    const rel = new Set(relevant[u]);
    if (rel.size === 0) raise("range", context, `relevant[${u}] is empty`);
    let hits = 0, dcg = 0, ideal = 0;
    for (let r = 0; r < k; r++) {
      if (rel.has(list[r])) {
        hits++;
        dcg += 1 / Math.log2(r + 2);
      }
      if (r < rel.size) ideal += 1 / Math.log2(r + 2);
    }
    recallPerUser.push(hits / rel.size);
    ndcgPerUser.push(dcg / ideal);
  });
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  return { recall: mean(recallPerUser), ndcg: mean(ndcgPerUser), recallPerUser, ndcgPerUser };
}

/**
 * Each user's top `k` items by cosine between user and item vectors (through `topKCosine`),
 * skipping the items the user already has. With `score: "dot"` the ranking is by dot product
 * instead (matrix factorisation scores), reduced to cosine search by the classic trick of
 * appending $\sqrt{M^2 - \lVert x\rVert^2}$ to every item vector ($M$ the largest item norm) and 0
 * to every user vector: all items then have norm $M$, so the cosine orders items by $q^\top x$
 * (Bachrach et al. 2014).
 *
 * @param userVectors `users × d`.
 * @param itemVectors `items × d`.
 * @param seen Items to skip, per user.
 * @param options `k`, and `score` (@default "cosine").
 * @returns `k` item ids per user, best first.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { retrieveUnseen } from "@lib/embeddings/mod.ts";
 * import { fromRows } from "@lib/vectors/mod.ts";
 * const items = fromRows([[1, 0], [0.9, 0.1], [0, 1]]);
 * const [list] = retrieveUnseen(fromRows([[1, 0]]), items, [Int32Array.of(0)], { k: 2 });
 * assert.deepEqual([...list], [1, 2]);
 * ```
 */
export function retrieveUnseen(
  userVectors: DenseMatrix,
  itemVectors: DenseMatrix,
  seen: readonly Int32Array[],
  options: { k: number; score?: "cosine" | "dot" },
): Int32Array[] {
  const context = "retrieve unseen items";
  const { k, score = "cosine" } = options ?? {};
  if (seen.length !== userVectors.rows) {
    raise(
      "range",
      context,
      `seen must have one list per user, got ${seen.length} and ${userVectors.rows}`,
    );
  }
  const extra = seen.reduce((m, s) => Math.max(m, s.length), 0);
  assertInteger(k, "k", context, { min: 1, max: itemVectors.rows - extra });
  const want = k + extra;
  const [queries, catalogue] = score === "dot"
    ? _dotAsCosine(userVectors, itemVectors)
    : [userVectors, itemVectors];
  const { indices } = topKCosine(queries, catalogue, { k: want });
  return seen.map((s, u) => {
    const skip = new Set(s);
    const out = new Int32Array(k);
    for (let r = 0, n = 0; n < k; r++) {
      const i = indices[u * want + r];
      if (!skip.has(i)) out[n++] = i;
    }
    return out;
  });
}

/** Appends √(M² − ‖x‖²) to items and 0 to users, so that cosine order = dot-product order. */
export function _dotAsCosine(users: DenseMatrix, items: DenseMatrix): [DenseMatrix, DenseMatrix] {
  const d = items.cols;
  const norms = Array.from({ length: items.rows }, (_, i) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += items.data[i * d + j] ** 2;
    return s;
  });
  const max = Math.max(...norms);
  const x = new Float32Array(items.rows * (d + 1));
  norms.forEach((n, i) => {
    x.set(items.data.subarray(i * d, (i + 1) * d), i * (d + 1));
    x[i * (d + 1) + d] = Math.sqrt(Math.max(0, max - n)) + 1e-6;
  });
  const q = new Float32Array(users.rows * (d + 1));
  for (let u = 0; u < users.rows; u++) q.set(users.data.subarray(u * d, (u + 1) * d), u * (d + 1));
  return [{ data: q, rows: users.rows, cols: d + 1 }, { data: x, rows: items.rows, cols: d + 1 }];
}

/**
 * Matrix factorisation of the binary user–item matrix $R$ by alternating least squares with all
 * cells weighted equally: $\min_{U, V} \lVert R - U V^\top \rVert^2 + \lambda(\lVert U\rVert^2 + \lVert V\rVert^2)$,
 * alternating $U = R V (V^\top V + \lambda I)^{-1}$ and $V = R^\top U (U^\top U + \lambda I)^{-1}$.
 * The classic collaborative-filtering baseline: items only get a vector from who watched them.
 *
 * @param train Items of each user.
 * @param nItems Number of items.
 * @param options `dim` (@default 32), `regularization` λ (@default 1), `iterations` (@default 8), `seed` or `rng`.
 * @returns User and item factors.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { alsFactorize } from "@lib/embeddings/mod.ts";
 * const { userVectors, itemVectors } = alsFactorize([Int32Array.of(0, 1), Int32Array.of(2)], 3, { dim: 2, seed: 1 });
 * assert.deepEqual([userVectors.rows, itemVectors.rows, itemVectors.cols], [2, 3, 2]);
 * ```
 */
export function alsFactorize(
  train: readonly Int32Array[],
  nItems: number,
  options: RandomOptions & { dim?: number; regularization?: number; iterations?: number },
): { userVectors: DenseMatrix; itemVectors: DenseMatrix } {
  const context = "factorise by ALS";
  const { dim = 32, regularization = 1, iterations = 8 } = options ?? {};
  assertInteger(nItems, "nItems", context, { min: 1 });
  assertInteger(dim, "dim", context, { min: 1 });
  assertFiniteNumber(regularization, "regularization", context, { min: 0 });
  assertInteger(iterations, "iterations", context, { min: 1 });
  const rng = resolveRng(options, context);
  const nUsers = train.length;
  // R is sparse (a few items per user): keep each user's distinct items and multiply by R and
  // Rᵀ through them instead of through a dense users × items matrix.
  const rows = train.map((items, u) => {
    items.forEach((i) => {
      if (i < 0 || i >= nItems) {
        raise("range", context, `train[${u}] has item ${i}, outside 0 … ${nItems - 1}`);
      }
    });
    return [...new Set(items)];
  });
  let v = Matrix.from1DArray(
    nItems,
    dim,
    Array.from({ length: nItems * dim }, () => rng.normal(0, 0.1)),
  );
  let u = Matrix.zeros(nUsers, dim);
  const rTimes = (m: Matrix) => { // R m
    const out = Matrix.zeros(nUsers, dim);
    rows.forEach((items, row) => {
      for (const i of items) {
        for (let j = 0; j < dim; j++) out.set(row, j, out.get(row, j) + m.get(i, j));
      }
    });
    return out;
  };
  const rTransposeTimes = (m: Matrix) => { // Rᵀ m
    const out = Matrix.zeros(nItems, dim);
    rows.forEach((items, row) => {
      for (const i of items) {
        for (let j = 0; j < dim; j++) out.set(i, j, out.get(i, j) + m.get(row, j));
      }
    });
    return out;
  };
  const solve = (other: Matrix, product: Matrix) =>
    product.mmul(inverse(other.transpose().mmul(other).add(Matrix.eye(dim).mul(regularization))));
  for (let it = 0; it < iterations; it++) {
    u = solve(v, rTimes(v));
    v = solve(u, rTransposeTimes(u));
  }
  // A user or item with no interactions has a zero vector; nudge it so that cosines exist.
  const pack = (m: Matrix) => {
    const data = Float32Array.from(m.to1DArray());
    for (let row = 0; row < m.rows; row++) {
      let zero = true;
      for (let j = 0; j < dim; j++) if (data[row * dim + j] !== 0) zero = false;
      if (zero) data[row * dim] = 1e-6;
    }
    return { data, rows: m.rows, cols: dim };
  };
  return { userVectors: pack(u), itemVectors: pack(v) };
}
