import assert from "node:assert/strict";
import { binnedJensenShannon, jensenShannonDistance, klDivergence } from "@lib/debug/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// Reference values from SciPy 1.17.1:
//   scipy.stats.entropy(p, q, base) and scipy.spatial.distance.jensenshannon(p, q, base).
Deno.test("klDivergence() matches scipy.stats.entropy", () => {
  assertClose(klDivergence([0.1, 0.4, 0.5], [0.3, 0.3, 0.4]), 0.11678337577100631, { rel: 1e-12 });
  assertClose(klDivergence([1, 2, 3, 4], [4, 3, 2, 1], { base: 2 }), 0.6584962500721155, {
    rel: 1e-12,
  });
  assertClose(klDivergence([0.5, 0.5, 0], [0.2, 0.2, 0.6], { base: 10 }), 0.3979400086720376, {
    rel: 1e-12,
  });
  assert.equal(klDivergence([0.5, 0.5], [1, 0]), Infinity);
});

Deno.test("jensenShannonDistance() matches scipy.spatial.distance.jensenshannon", () => {
  assertClose(jensenShannonDistance([0.1, 0.4, 0.5], [0.3, 0.3, 0.4]), 0.18035965602712561, {
    rel: 1e-12,
  });
  assertClose(jensenShannonDistance([1, 2, 3, 4], [4, 3, 2, 1], { base: 2 }), 0.3918681606471551, {
    rel: 1e-12,
  });
  assertClose(jensenShannonDistance([0.5, 0.5, 0], [0, 0.1, 0.9]), 0.7469797975180145, {
    rel: 1e-12,
  });
});

Deno.test("jensenShannonDistance() is symmetric and bounded by 1 bit", () => {
  const p = [0.2, 0.3, 0.5], q = [0.6, 0.1, 0.3];
  assert.equal(jensenShannonDistance(p, q), jensenShannonDistance(q, p));
  assertClose(jensenShannonDistance([1, 0, 0], [0, 0, 1], { base: 2 }), 1);
  assertClose(jensenShannonDistance([1, 0], [0, 1]), Math.sqrt(Math.log(2)));
});

Deno.test("binnedJensenShannon() is 0 for identical samples", () => {
  const x = Array.from({ length: 50 }, (_, i) => i);
  assert.equal(binnedJensenShannon(x, x), 0);
});

Deno.test("klDivergence() and jensenShannonDistance() reject bad input", () => {
  assert.throws(() => klDivergence([1, 2], [1]), {
    message: "Cannot compute klDivergence: p and q must have the same length, got 2 and 1",
  });
  assert.throws(() => klDivergence([1, -1], [1, 1]), {
    message: "Cannot compute klDivergence: p[1] must be non-negative, got -1",
  });
  assert.throws(() => jensenShannonDistance([0, 0], [1, 1]), {
    message: "Cannot compute jensenShannonDistance: p must have a positive sum",
  });
  assert.throws(() => jensenShannonDistance([1], [1], { base: 1 }), {
    message:
      "Cannot compute jensenShannonDistance: base must be a positive number other than 1, got 1",
  });
});
