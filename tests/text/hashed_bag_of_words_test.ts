import assert from "node:assert/strict";
import fc from "fast-check";
import { fnv1a32, hashedBagOfWords } from "@lib/text/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

const D = 16;
const bucket = (t: string) => fnv1a32(t) % D;

Deno.test("hashedBagOfWords() counts tokens in their FNV-1a buckets", () => {
  const docs = [["spam", "spam", "eggs"], ["eggs"]];
  const { values, numRows, numFeatures } = hashedBagOfWords(docs, {
    dimensions: D,
    weighting: "count",
    normalize: "none",
  });
  assert.equal(numRows, 2);
  assert.equal(numFeatures, D);
  const expected = new Float32Array(2 * D);
  expected[bucket("spam")] += 2;
  expected[bucket("eggs")] += 1;
  expected[D + bucket("eggs")] += 1;
  assert.deepEqual(values, expected);
});

Deno.test("hashedBagOfWords() weights: binary presence, log(1 + count)", () => {
  const docs = [["a", "a", "a"]];
  const opts = { dimensions: D, normalize: "none" } as const;
  assert.equal(hashedBagOfWords(docs, { ...opts, weighting: "binary" }).values[bucket("a")], 1);
  assertClose(
    hashedBagOfWords(docs, { ...opts, weighting: "log" }).values[bucket("a")],
    Math.log(4),
    {
      rel: 1e-6,
    },
  );
});

Deno.test("hashedBagOfWords() with l2 normalisation gives unit rows, and zero rows for empty documents", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 20 }), {
        minLength: 1,
        maxLength: 10,
      }),
      (docs) => {
        const { values } = hashedBagOfWords(docs, { dimensions: D });
        docs.forEach((doc, d) => {
          const norm = values.subarray(d * D, (d + 1) * D).reduce((s, v) => s + v * v, 0);
          assertClose(norm, doc.length === 0 ? 0 : 1, { abs: 1e-5 });
        });
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("hashedBagOfWords() with one dimension puts every token into the same bucket", () => {
  const { values } = hashedBagOfWords([["x", "y", "z"]], {
    dimensions: 1,
    weighting: "count",
    normalize: "none",
  });
  assert.deepEqual([...values], [3]);
});

Deno.test("hashedBagOfWords() rejects bad input", () => {
  const context = "Cannot build hashed bag-of-words features";
  assert.throws(() => hashedBagOfWords([["a"]], { dimensions: 0 }), {
    name: "RangeError",
    message: `${context}: dimensions must be at least 1, got 0`,
  });
  assert.throws(() => hashedBagOfWords(["a b" as unknown as string[]]), {
    name: "TypeError",
    message: `${context}: documents[0] must be an array of tokens`,
  });
  assert.throws(() => hashedBagOfWords([[1 as unknown as string]]), {
    name: "TypeError",
    message: `${context}: documents[0] must hold strings, got number`,
  });
  assert.throws(() => hashedBagOfWords([["a"]], { weighting: "tfidf" as "log" }), {
    name: "RangeError",
    message: `${context}: weighting must be one of "binary", "count", "log", got "tfidf"`,
  });
});
