import assert from "node:assert/strict";
import { PCA } from "ml-pca";
import { type DenseMatrix, fromRows, pca, projectPca } from "@lib/vectors/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// Lindsay I. Smith, "A tutorial on Principal Components Analysis" (2002), section 3.1: ten
// 2-D points; covariance eigenvalues 1.28402771 and 0.0490833989; the leading eigenvector is
// (−0.677873399, −0.735178656) (our sign convention makes it positive), and the first point
// (2.5, 2.4) projects to −0.827970186 on it (so +0.827970186 with our sign).
const X = [2.5, 0.5, 2.2, 1.9, 3.1, 2.3, 2, 1, 1.5, 1.1];
const Y = [2.4, 0.7, 2.9, 2.2, 3.0, 2.7, 1.6, 1.1, 1.6, 0.9];
// Float64 storage: the tutorial's decimals are not exact in float32.
const SMITH: DenseMatrix = {
  data: Float64Array.from(X.flatMap((x, i) => [x, Y[i]])),
  rows: 10,
  cols: 2,
};

Deno.test("pca() reproduces Lindsay Smith's worked example", () => {
  const model = pca(SMITH, { nComponents: 2, seed: 1 });
  assertClose(model.explainedVariance, [1.28402771, 0.0490833989], { rel: 1e-8 });
  const total = 1.28402771 + 0.0490833989;
  assertClose(model.explainedVarianceRatio, [1.28402771 / total, 0.0490833989 / total], {
    rel: 1e-8,
  });
  assertClose(model.components.data.subarray(0, 2), [0.677873399, 0.735178656], { rel: 1e-8 });
  assertClose(model.projection.data[0], 0.827970186, { rel: 1e-8 });
  assertClose(model.mean, [1.81, 1.91], { rel: 1e-12 });
});

function lowRank(n: number, d: number, seed: number): DenseMatrix {
  // Rows from a 5-dimensional latent space with decreasing scales, plus small noise.
  const rng = createRng(seed);
  const basis = Array.from({ length: 5 }, () => Array.from({ length: d }, () => rng.normal()));
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const z = basis.map((_, c) => rng.normal(0, 8 / (c + 1)));
    for (let j = 0; j < d; j++) {
      data[i * d + j] = basis.reduce((s, b, c) => s + z[c] * b[j], 0) + rng.normal(0, 0.1);
    }
  }
  return { data, rows: n, cols: d };
}

Deno.test("pca() agrees with ml-pca's exact SVD when it searches fewer directions than columns", () => {
  const m = lowRank(120, 40, 3);
  const model = pca(m, { nComponents: 4, oversampling: 4, seed: 9 });
  const rows = Array.from(
    { length: m.rows },
    (_, i) => Array.from(m.data.subarray(i * 40, i * 40 + 40)),
  );
  const ref = new PCA(rows);
  assertClose(model.explainedVarianceRatio, ref.getExplainedVariance().slice(0, 4), { rel: 1e-6 });
  const vectors = ref.getEigenvectors();
  for (let c = 0; c < 4; c++) {
    let dot = 0;
    for (let j = 0; j < 40; j++) dot += model.components.data[c * 40 + j] * vectors.get(j, c);
    assertClose(Math.abs(dot), 1, { rel: 1e-6 });
  }
});

Deno.test("pca() components are orthonormal and projections have the component variances", () => {
  const m = lowRank(60, 12, 5);
  const model = pca(m, { nComponents: 3, seed: 2 });
  const w = model.components.data;
  for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      let dot = 0;
      for (let j = 0; j < 12; j++) dot += w[a * 12 + j] * w[b * 12 + j];
      assertClose(dot, a === b ? 1 : 0, { abs: 1e-9 });
    }
    let ss = 0;
    for (let i = 0; i < 60; i++) ss += model.projection.data[i * 3 + a] ** 2;
    assertClose(ss / 59, model.explainedVariance[a], { rel: 1e-9 });
  }
  assert.deepEqual(projectPca(model, m), model.projection);
});

Deno.test("pca() and projectPca() reject bad input", () => {
  assert.throws(
    () => pca(SMITH, { nComponents: 3, seed: 1 }),
    /nComponents must be at most 2, got 3/,
  );
  assert.throws(
    () => pca(fromRows([[1, 2]]), { nComponents: 1, seed: 1 }),
    /at least 2 rows, got 1/,
  );
  assert.throws(
    () => pca(fromRows([[1, 2], [1, 2]]), { nComponents: 1, seed: 1 }),
    /every row of matrix is the same/,
  );
  assert.throws(() => pca(SMITH, { nComponents: 1 }), /pass a seed or rng/);
  const model = pca(SMITH, { nComponents: 1, seed: 1 });
  assert.throws(
    () => projectPca(model, fromRows([[1, 2, 3]])),
    /matrix must have 2 columns like the model, got 3/,
  );
});
