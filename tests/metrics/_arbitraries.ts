/**
 * fast-check generators of metric inputs, one per input type of the metric
 * registry, plus helpers to permute samples and build perfect predictions.
 */
import fc from "fast-check";
import assert from "node:assert/strict";
import { assertClose } from "../_util/assert_close.ts";
import { permutation } from "@lib/random/mod.ts";
import type { ItemId, MetricInput, MetricInputs } from "@lib/metrics/mod.ts";

/** A score drawn from a few values (to create ties) or from a wide range. */
export const score = fc.oneof(
  fc.integer({ min: 0, max: 4 }).map((v) => v / 4),
  fc.double({ min: -10, max: 10, noNaN: true }),
);

/** A probability: often exactly 0, 0.5 or 1, otherwise any value in [0, 1]. */
export const probability = fc.oneof(
  fc.constantFrom(0, 0.5, 1),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

const sized = <T>(n: number, arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: n, maxLength: n });

/** Binary labels of length n with both classes present. */
const bothClasses = (n: number) =>
  sized(n, fc.integer({ min: 0, max: 1 })).map((y) => [0, 1, ...y.slice(2)]);

/**
 * A query: relevance grades 0–3 and scores, 4–12 documents, at least one
 * relevant (recall, AP and RR of a query without relevant documents are
 * undefined; their conventions have tests of their own).
 */
const query = fc.integer({ min: 4, max: 12 }).chain((n) =>
  fc.tuple(
    sized(n, fc.integer({ min: 0, max: 3 })).map((g) => (g.some((v) =>
        v > 0
      )
      ? g
      : [1, ...g.slice(1)])
    ),
    sized(n, score),
  )
);

/** An item id: a small integer or a short string, so that lists share ids. */
const itemId = fc.oneof(fc.integer({ min: 0, max: 15 }), fc.constantFrom("a", "b", "c", "d"));

/**
 * A query as ids: 1–5 relevant ids and a ranked list of 0–10 distinct ids
 * (partly relevant, partly not, missing some relevant ids).
 */
const rankedIdQuery = fc.tuple(
  fc.uniqueArray(itemId, { minLength: 1, maxLength: 5 }),
  fc.uniqueArray(itemId, { minLength: 0, maxLength: 10 }),
);

/** Inputs for each registry input type (samples: 2–40). */
export function inputs<I extends MetricInput>(input: I): fc.Arbitrary<MetricInputs[I]> {
  const arbs: { [J in MetricInput]: fc.Arbitrary<MetricInputs[J]> } = {
    labels: fc.integer({ min: 2, max: 40 }).chain((n) =>
      fc.tuple(sized(n, fc.integer({ min: -1, max: 3 })), sized(n, fc.integer({ min: -1, max: 3 })))
    ),
    binaryLabels: fc.integer({ min: 2, max: 40 }).chain((n) =>
      fc.tuple(bothClasses(n), sized(n, fc.integer({ min: 0, max: 1 })))
    ),
    binaryScores: fc.integer({ min: 2, max: 40 }).chain((n) =>
      fc.tuple(bothClasses(n), sized(n, score))
    ),
    probabilities: fc.integer({ min: 2, max: 40 }).chain((n) =>
      fc.tuple(bothClasses(n), sized(n, probability))
    ),
    probabilityMatrix: fc.integer({ min: 2, max: 30 }).chain((n) =>
      fc.tuple(
        sized(n, fc.integer({ min: 0, max: 2 })),
        sized(n, sized(3, fc.integer({ min: 0, max: 8 }))).map((rows) =>
          rows.map((r) => {
            const w = r.map((v, j) => (j === 0 ? v + 1 : v));
            const s = w.reduce((a, b) => a + b, 0);
            return w.map((v) => v / s);
          })
        ),
      )
    ),
    relevance: query,
    queries: fc.array(query, { minLength: 1, maxLength: 6 }).map((qs) =>
      [qs.map((q) => q[0]), qs.map((q) => q[1])] as [number[][], number[][]]
    ),
    rankedIds: rankedIdQuery,
    rankedIdQueries: fc.array(rankedIdQuery, { minLength: 1, maxLength: 6 }).map((qs) =>
      [qs.map((q) => q[0]), qs.map((q) => q[1])] as [ItemId[][], ItemId[][]]
    ),
    regression: fc.integer({ min: 2, max: 40 }).chain((n) =>
      fc.tuple(
        sized(n, fc.double({ min: -100, max: 100, noNaN: true })),
        sized(n, fc.double({ min: -100, max: 100, noNaN: true })),
      )
    ),
  };
  return arbs[input] as fc.Arbitrary<MetricInputs[I]>;
}

/**
 * Inputs whose perfect prediction reaches the registry's `best` value:
 * every query has exactly `k` relevant documents (so P@k and R@k can both
 * be 1); other input types as {@link inputs}.
 */
export function perfectableInputs<I extends MetricInput>(
  input: I,
  k: number,
): fc.Arbitrary<MetricInputs[I]> {
  const exactlyK = fc.integer({ min: k + 1, max: 12 }).chain((n) =>
    fc.tuple(
      sized(k, fc.integer({ min: 1, max: 3 })).map((rel) => [...rel, ...new Array(n - k).fill(0)]),
      sized(n, score),
    )
  );
  if (input === "relevance") return exactlyK as unknown as fc.Arbitrary<MetricInputs[I]>;
  const exactlyKIds = fc.tuple(
    fc.uniqueArray(itemId, { minLength: k, maxLength: k }),
    fc.uniqueArray(itemId, { minLength: 0, maxLength: 10 }),
  );
  if (input === "rankedIds") return exactlyKIds as unknown as fc.Arbitrary<MetricInputs[I]>;
  if (input === "rankedIdQueries") {
    return fc.array(exactlyKIds, { minLength: 1, maxLength: 5 }).map((
      qs,
    ) => [qs.map((q) => q[0]), qs.map((q) => q[1])]) as unknown as fc.Arbitrary<MetricInputs[I]>;
  }
  if (input === "queries") {
    return fc.array(exactlyK, { minLength: 1, maxLength: 5 }).map((
      qs,
    ) => [qs.map((q) => q[0]), qs.map((q) => q[1])]) as unknown as fc.Arbitrary<MetricInputs[I]>;
  }
  return inputs(input);
}

const permute = <T>(values: ArrayLike<T>, order: Int32Array): T[] =>
  Array.from(order, (i) => values[i]);

/**
 * Id lists under the changes that must not matter: the relevant set in
 * another order, and every id renamed by the same one-to-one map (numbers
 * and strings swap); the ranked order is kept.
 */
function renamedIds(relevant: ItemId[], ranked: ItemId[], seed: number): [ItemId[], ItemId[]] {
  const rename = (id: ItemId) => (typeof id === "number" ? `n${id}` : id.charCodeAt(0) + 1000);
  return [
    permute(relevant.map(rename), permutation(relevant.length, { seed })),
    ranked.map(rename),
  ];
}

/** The same samples (queries: and documents) in another order, given a seed. */
export function permuted<I extends MetricInput>(
  input: I,
  data: MetricInputs[I],
  seed: number,
): MetricInputs[I] {
  const [a, b] = data as [ArrayLike<unknown>, ArrayLike<unknown>];
  const order = permutation(a.length, { seed });
  if (input === "rankedIds") {
    return renamedIds(a as ItemId[], b as ItemId[], seed) as unknown as MetricInputs[I];
  }
  if (input === "rankedIdQueries") {
    const pairs = Array.from(
      order,
      (q) => renamedIds((a as ItemId[][])[q], (b as ItemId[][])[q], seed + q + 1),
    );
    return [pairs.map((p) => p[0]), pairs.map((p) => p[1])] as unknown as MetricInputs[I];
  }
  if (input === "queries") {
    const qa = permute(a as number[][], order), qb = permute(b as number[][], order);
    const inner = qa.map((q, i) => permutation(q.length, { seed: seed + i + 1 }));
    const out = [qa.map((q, i) => permute(q, inner[i])), qb.map((q, i) => permute(q, inner[i]))];
    return out as unknown as MetricInputs[I];
  }
  return [permute(a, order), permute(b, order)] as MetricInputs[I];
}

/** The perfect prediction for the true values of each input type. */
export function perfect<I extends MetricInput>(input: I, data: MetricInputs[I]): MetricInputs[I] {
  const [yTrue] = data as [ArrayLike<number> & unknown[], unknown];
  switch (input) {
    case "probabilityMatrix":
      return [
        yTrue,
        Array.from(yTrue, (c) => [0, 1, 2].map((j) => (j === c ? 1 : 0))),
      ] as unknown as MetricInputs[I];
    case "queries":
      return [
        yTrue,
        (yTrue as unknown as number[][]).map((q) => [...q]),
      ] as unknown as MetricInputs[I];
    case "rankedIds": {
      // every relevant id first, then the retrieved ids that are not relevant
      const [relevant, ranked] = data as unknown as [ItemId[], ItemId[]];
      return [relevant, [
        ...relevant,
        ...ranked.filter((id) => !relevant.includes(id)),
      ]] as unknown as MetricInputs[I];
    }
    case "rankedIdQueries": {
      const [relevant, ranked] = data as unknown as [ItemId[][], ItemId[][]];
      const best = relevant.map((r, q) => [...r, ...ranked[q].filter((id) => !r.includes(id))]);
      return [relevant, best] as unknown as MetricInputs[I];
    }
    default:
      return [yTrue, Array.from(yTrue)] as MetricInputs[I];
  }
}

/** Recursive closeness of numbers inside arrays and plain objects. */
export function assertDeepClose(actual: unknown, expected: unknown, path = "value"): void {
  if (typeof expected === "number") {
    assert.equal(typeof actual, "number", `${path} should be a number`);
    assertClose(actual as number, expected, { rel: 1e-9, abs: 1e-12 }, path);
  } else if (Array.isArray(expected) || ArrayBuffer.isView(expected)) {
    const e = expected as ArrayLike<unknown>, a = actual as ArrayLike<unknown>;
    assert.equal(a.length, e.length, `${path}: lengths differ`);
    for (let i = 0; i < e.length; i++) assertDeepClose(a[i], e[i], `${path}[${i}]`);
  } else if (expected !== null && typeof expected === "object") {
    const keys = Object.keys(expected as object);
    assert.deepEqual(Object.keys(actual as object), keys, `${path}: keys differ`);
    for (const key of keys) {
      assertDeepClose(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
    }
  } else {
    assert.deepEqual(actual, expected, path);
  }
}
