import assert from "node:assert/strict";
import { negativeSamplingLoss } from "@lib/embeddings/mod.ts";
import { _createKernel } from "../../lib/embeddings/_kernel.ts";
import { _cbowUpdate, _skipGramUpdate } from "../../lib/embeddings/_sgns_update.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// Vocabulary of 6 words, vectors of length 6 padded to rows of 8 floats.
const V = 6, DIM = 6, STRIDE = 8, OUT = V * STRIDE, M = 2 * OUT, E = M + STRIDE;

function setup(kind: "wasm" | "js", seed: number) {
  const k = _createKernel(E + STRIDE, kind);
  const rng = createRng(seed);
  for (let w = 0; w < 2 * V; w++) {
    for (let j = 0; j < DIM; j++) k.f32[w * STRIDE + j] = rng.normal(0, 0.5);
  }
  const row = (base: number, w: number) =>
    Array.from(k.f32.subarray(base + w * STRIDE, base + w * STRIDE + DIM));
  return { k, row };
}

/** Central finite difference of f at x along every coordinate (float64). */
function numericGradient(f: (x: number[]) => number, x: number[], eps = 1e-5): number[] {
  return x.map((_, j) => {
    const up = [...x], down = [...x];
    up[j] += eps;
    down[j] -= eps;
    return (f(up) - f(down)) / (2 * eps);
  });
}

const TARGETS = Int32Array.of(1, 4, 5); // observed word 1, noise words 4 and 5
const ALPHA = 0.05;

for (const kind of ["wasm", "js"] as const) {
  Deno.test(`skip-gram update (${kind}) moves every vector by −α × the numerical gradient`, () => {
    const { k, row } = setup(kind, 1);
    const h = row(0, 2), u = [1, 4, 5].map((w) => row(OUT, w));
    const loss = (hh: number[], uu: number[][]) => negativeSamplingLoss(hh, uu[0], uu.slice(1));
    _skipGramUpdate(k, 2, OUT, TARGETS, 3, STRIDE, ALPHA, E);
    const dh = numericGradient((x) => loss(x, u), h);
    assertClose(row(0, 2).map((v, j) => (v - h[j]) / -ALPHA), dh, { abs: 2e-5 });
    u.forEach((ut, t) => {
      const du = numericGradient((x) => loss(h, u.map((o, s) => (s === t ? x : o))), ut);
      assertClose(row(OUT, TARGETS[t]).map((v, j) => (v - ut[j]) / -ALPHA), du, { abs: 2e-5 });
    });
    // Untouched rows and the padding stay as they were.
    assert.deepEqual(Array.from(k.f32.subarray(DIM, STRIDE)), [0, 0]);
    assert.equal(k.f32[2 * STRIDE + DIM], 0);
  });

  Deno.test(`CBOW update (${kind}) follows the numerical gradient (word2vec's un-divided convention)`, () => {
    const { k, row } = setup(kind, 2);
    const contexts = Int32Array.of(0, 2, 3);
    const v = [0, 2, 3].map((w) => row(0, w)), u = [1, 4, 5].map((w) => row(OUT, w));
    const mean = (vs: number[][]) =>
      vs[0].map((_, j) => vs.reduce((s, x) => s + x[j], 0) / vs.length);
    const loss = (vs: number[][], uu: number[][]) =>
      negativeSamplingLoss(mean(vs), uu[0], uu.slice(1));
    _cbowUpdate(k, contexts, 3, OUT, TARGETS, 3, STRIDE, ALPHA, M, E);
    v.forEach((vc, c) => {
      const dv = numericGradient((x) => loss(v.map((o, s) => (s === c ? x : o)), u), vc);
      // Each context vector moves by −α ∂L/∂h = −α · 3 · ∂L/∂v_c.
      assertClose(row(0, contexts[c]).map((x, j) => (x - vc[j]) / -ALPHA), dv.map((g) => 3 * g), {
        abs: 2e-5,
      });
    });
    u.forEach((ut, t) => {
      const du = numericGradient((x) => loss(v, u.map((o, s) => (s === t ? x : o))), ut);
      assertClose(row(OUT, TARGETS[t]).map((x, j) => (x - ut[j]) / -ALPHA), du, { abs: 2e-5 });
    });
  });
}

for (const kind of ["wasm", "js"] as const) {
  Deno.test(`skip-gram update (${kind}) takes the hand-derived step of word2vec.c`, () => {
    // h = e₁, observed word's u₁ = 0, noise word's u₄ = (ln 3) e₁, the other noise word's u₅ = 0.
    // σ(h·u₁) = σ(0) = 1/2 → g₁ = α(1 − 1/2) = α/2;  σ(h·u₄) = σ(ln 3) = 3/4 → g₄ = −3α/4;
    // σ(h·u₅) = 1/2 → g₅ = −α/2.  Then u₁ ← α/2 e₁, u₄ ← (ln 3 − 3α/4) e₁, u₅ ← −α/2 e₁ and
    // h ← h + g₁u₁ + g₄u₄ + g₅u₅ (old u's) = (1 − (3α/4) ln 3) e₁.
    const k = _createKernel(E + STRIDE, kind);
    const e1 = (base: number, w: number, x: number) => (k.f32[base + w * STRIDE] = x);
    e1(0, 2, 1);
    e1(OUT, 4, Math.log(3));
    _skipGramUpdate(k, 2, OUT, TARGETS, 3, STRIDE, ALPHA, E);
    const first = (base: number, w: number) =>
      Array.from(k.f32.subarray(base + w * STRIDE, base + w * STRIDE + DIM));
    const along = (x: number) => [x, 0, 0, 0, 0, 0];
    assertClose(first(0, 2), along(1 - 0.75 * ALPHA * Math.log(3)), { abs: 1e-7 });
    assertClose(first(OUT, 1), along(ALPHA / 2), { abs: 1e-7 });
    assertClose(first(OUT, 4), along(Math.log(3) - 0.75 * ALPHA), { abs: 1e-7 });
    assertClose(first(OUT, 5), along(-ALPHA / 2), { abs: 1e-7 });
  });
}

Deno.test("negativeSamplingLoss() matches softplus by hand and rejects mismatched lengths", () => {
  // h·u = 1 (observed), h·n = −2 (noise): log(1 + e^−1) + log(1 + e^−2).
  assertClose(
    negativeSamplingLoss([1, 0], [1, 5], [[-2, 3]]),
    Math.log1p(Math.exp(-1)) + Math.log1p(Math.exp(-2)),
    { rel: 1e-14 },
  );
  assert.throws(
    () => negativeSamplingLoss([1, 0], [1, 5, 2], []),
    /Cannot compute negativeSamplingLoss: h and positive must have the same length, got 2 and 3/,
  );
});

Deno.test("the wasm and js kernels compute the same dot products and updates", () => {
  const a = _createKernel(32, "wasm"), b = _createKernel(32, "js");
  const rng = createRng(3);
  for (let i = 0; i < 32; i++) a.f32[i] = b.f32[i] = rng.normal();
  assertClose(a.dot(0, 8, 8), b.dot(0, 8, 8), { rel: 1e-6 });
  a.axpy2(0, 8, 16, 0.3, 8);
  b.axpy2(0, 8, 16, 0.3, 8);
  a.axpy(24, 0, -2, 8);
  b.axpy(24, 0, -2, 8);
  assertClose(Array.from(a.f32), Array.from(b.f32), { rel: 1e-6, abs: 1e-7 });
});
