import assert from "node:assert/strict";
import fc from "fast-check";
import { dcgAtK, ndcgAtK } from "@lib/metrics/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { dcgOfRanking, meanOverTieOrders } from "./_brute_force.ts";
import { throwsWith } from "./_throws.ts";

// scikit-learn's dcg_score / ndcg_score docstrings.
const TRUE_RELEVANCE = [10, 0, 0, 1, 5];
const SCORES = [0.1, 0.2, 0.3, 4, 70];
// Ideal order 10, 5, 1, 0, 0: IDCG = 10 + 5/log₂3 + 1/2.
const IDCG = 10 + 5 / Math.log2(3) + 0.5;

Deno.test("dcgAtK() matches scikit-learn's dcg_score docstring (9.49…, 5.63…, 7.5)", () => {
  // Ranked grades 5, 1, 0, 0, 10: 5 + 1/log₂3 + 10/log₂6 = 9.4995…
  assertClose(dcgAtK(TRUE_RELEVANCE, SCORES), 5 + 1 / Math.log2(3) + 10 / Math.log2(6));
  assertClose(dcgAtK(TRUE_RELEVANCE, SCORES, { k: 2 }), 5 + 1 / Math.log2(3)); // 5.63
  // Ties: scores [1, 0, 0, 0, 1] put 10 and 5 first, each with gain (10 + 5)/2.
  assert.equal(dcgAtK(TRUE_RELEVANCE, [1, 0, 0, 0, 1], { k: 1 }), 7.5);
});

Deno.test("ndcgAtK() matches scikit-learn's ndcg_score docstring (0.6956940443813076)", () => {
  assertClose(ndcgAtK(TRUE_RELEVANCE, SCORES), 0.6956940443813076, { rel: 1e-15 });
  // Scores [.05, 1.1, 1., .5, .0] rank grades 0, 0, 1, 10, 5: 0.49…
  const scores = [0.05, 1.1, 1.0, 0.5, 0.0];
  const dcg = 0.5 + 10 / Math.log2(5) + 5 / Math.log2(6);
  assertClose(ndcgAtK(TRUE_RELEVANCE, scores), dcg / IDCG);
  assert.equal(ndcgAtK(TRUE_RELEVANCE, scores).toFixed(2), "0.49");
  // k = 4: the 10 at rank 4 still counts, the 5 at rank 5 does not; 0.35.
  assertClose(ndcgAtK(TRUE_RELEVANCE, scores, { k: 4 }), (0.5 + 10 / Math.log2(5)) / IDCG);
  assert.equal(ndcgAtK(TRUE_RELEVANCE, TRUE_RELEVANCE, { k: 4 }), 1);
  // Ties at k = 1: (10/10 + 5/10) / 2 = 0.75.
  assert.equal(ndcgAtK(TRUE_RELEVANCE, [1, 0, 0, 0, 1], { k: 1 }), 0.75);
});

Deno.test("dcgAtK() reproduces Järvelin & Kekäläinen's DCG' example (b = 2)", () => {
  // Järvelin & Kekäläinen (2002), TOIS 20(4), sect. 2: G' = <3, 2, 3, 0, 0, 1, 2, 2, 3, 0>,
  // DCG' = <3, 5, 6.89, 6.89, 6.89, 7.28, 7.99, 8.66, 9.61, 9.61>. Their discount is 1 at
  // ranks 1 and 2 and 1/log₂ i from rank 2 on; ours is 1/log₂(i + 1). So their DCG'[n] is
  // G'[1] plus our DCG@(n − 1) of G'[2 … n] (the list shifted up one rank).
  const g = [3, 2, 3, 0, 0, 1, 2, 2, 3, 0];
  const published = [3, 5, 6.89, 6.89, 6.89, 7.28, 7.99, 8.66, 9.61, 9.61];
  const tail = g.slice(1), tailScores = tail.map((_, i) => -i);
  published.forEach((value, n) => {
    const ours = n === 0 ? g[0] : g[0] + dcgAtK(tail, tailScores, { k: n });
    assertClose(ours, value, { abs: 0.005 }, `DCG'[${n + 1}]`);
  });
});

Deno.test("dcgAtK() with exponential gain uses 2^rel − 1", () => {
  assertClose(dcgAtK([3, 2], [2, 1], { gain: "exponential" }), 7 + 3 / Math.log2(3));
  // Reversed order: the ideal DCG over the achieved one.
  const ndcg = ndcgAtK([3, 2], [1, 2], { gain: "exponential" });
  assertClose(ndcg, (3 + 7 / Math.log2(3)) / (7 + 3 / Math.log2(3)));
});

Deno.test("ndcgAtK() is 0 without relevant documents, and k > n means all documents", () => {
  assert.equal(ndcgAtK([0, 0, 0], [0.3, 0.2, 0.1]), 0);
  assert.equal(ndcgAtK([2], [0.3]), 1);
  assert.equal(ndcgAtK([0], [0.3]), 0);
  assert.equal(ndcgAtK(TRUE_RELEVANCE, SCORES, { k: 50 }), ndcgAtK(TRUE_RELEVANCE, SCORES));
  assert.equal(
    ndcgAtK(new Uint8Array(TRUE_RELEVANCE), new Float32Array([1, 2, 3, 4, 5])),
    ndcgAtK(TRUE_RELEVANCE, [1, 2, 3, 4, 5]),
  );
});

const smallQuery = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.tuple(
    fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
    fc.integer({ min: 1, max: 7 }),
  )
);

Deno.test("dcgAtK() with ties is the mean DCG over every order of the tied documents", () => {
  fc.assert(
    fc.property(smallQuery, ([grades, scores, k]) => {
      const expected = meanOverTieOrders(grades, scores, (ranked) => dcgOfRanking(ranked, k));
      assertClose(dcgAtK(grades, scores, { k }), expected);
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("ndcgAtK() of the ideal order is 1 whenever a document is relevant", () => {
  fc.assert(
    fc.property(smallQuery, ([grades, , k]) => {
      const value = ndcgAtK(grades, grades, { k });
      assertClose(value, grades.some((g) => g > 0) ? 1 : 0);
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("ndcgAtK() rejects negative grades, bad k and an unknown gain", () => {
  throwsWith(
    () => ndcgAtK([1, -1], [0.2, 0.1]),
    RangeError,
    "Cannot compute ndcgAtK: yTrue[1] must be a non-negative relevance grade, got -1",
  );
  throwsWith(
    () => ndcgAtK([1, 0], [0.2, 0.1], { k: 0 }),
    RangeError,
    "Cannot compute ndcgAtK: k must be at least 1, got 0",
  );
  throwsWith(
    () => dcgAtK([1, 0], [0.2, 0.1], { k: 2.5 }),
    RangeError,
    "Cannot compute dcgAtK: k must be an integer, got 2.5",
  );
  throwsWith(
    () => ndcgAtK([1, 0], [0.2, 0.1], { gain: "log" as "linear" }),
    RangeError,
    'Cannot compute ndcgAtK: gain must be one of "linear", "exponential", got "log"',
  );
  throwsWith(
    () => dcgAtK([2000, 0], [0.2, 0.1], { gain: "exponential" }),
    RangeError,
    "Cannot compute dcgAtK: yTrue[0] = 2000 overflows the exponential gain 2^rel − 1",
  );
});

Deno.test("ndcgAtK() rejects mismatched, empty and non-finite inputs", () => {
  throwsWith(
    () => ndcgAtK([1, 0, 2], [0.2, 0.1]),
    RangeError,
    "Cannot compute ndcgAtK: yTrue and yScore must have the same length, got 3 and 2",
  );
  throwsWith(() => ndcgAtK([], []), RangeError, "Cannot compute ndcgAtK: yTrue must not be empty");
  throwsWith(
    () => ndcgAtK([1, 0], [Infinity, 0.1]),
    RangeError,
    "Cannot compute ndcgAtK: yScore[0] must be finite, got Infinity",
  );
});

/** Tie-averaged DCG@k by a direct sort-and-group implementation. */
function referenceDcg(grades: number[], scores: number[], k: number): number {
  const order = grades.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let total = 0;
  for (let start = 0; start < order.length && start < k;) {
    let end = start;
    while (end < order.length && scores[order[end]] === scores[order[start]]) end++;
    const meanGain = order.slice(start, end).reduce((s, i) => s + grades[i], 0) / (end - start);
    for (let p = start; p < Math.min(end, k); p++) total += meanGain / Math.log2(p + 2);
    start = end;
  }
  return total;
}

Deno.test("dcgAtK() on long lists agrees with a sort-and-group reference for every k", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 50, max: 300 }).chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: 0, max: 40 }), { minLength: n, maxLength: n }),
          fc.integer({ min: 1, max: 120 }),
        )
      ),
      ([grades, scores, k]) => {
        assertClose(dcgAtK(grades, scores, { k }), referenceDcg(grades, scores, k));
      },
    ),
    { seed: 42, numRuns: 100 },
  );
});
