import assert from "node:assert/strict";
import { ksTwoSample } from "@lib/debug/mod.ts";
import { _kolmogorovSf } from "@lib/debug/drift/_kolmogorov.ts";
import { assertClose } from "../_util/assert_close.ts";

// Deterministic samples, written identically in Python for the reference values:
//   a(n, s, c) = [((i*0.6180339887498949) % 1)*c + s for i in range(1, n+1)]
//   b(n, s, c) = [((i*0.41421356237309515) % 1)*c + s for i in range(1, n+1)]
const a = (n: number, s = 0, c = 1) =>
  Array.from({ length: n }, (_, k) => ((k + 1) * 0.6180339887498949 % 1) * c + s);
const b = (n: number, s = 0, c = 1) =>
  Array.from({ length: n }, (_, k) => ((k + 1) * 0.41421356237309515 % 1) * c + s);

// Reference values: scipy.stats.ks_2samp(a(n1), b(n2, s, c), method=m), SciPy 1.17.1.
const cases: [number, number, number, number, "auto" | "exact" | "asymp", number, number][] = [
  [50, 50, 0.1, 1, "exact", 0.14, 0.7166468440414822],
  [50, 50, 0.1, 1, "asymp", 0.14, 0.6603324116985557],
  [30, 45, 0, 1.2, "exact", 0.18888888888888888, 0.503153792822461],
  [30, 45, 0, 1.2, "asymp", 0.18888888888888888, 0.4842473150280011],
  [200, 170, 0.05, 1, "exact", 0.05382352941176471, 0.9358148347042899],
  [200, 170, 0.05, 1, "asymp", 0.053823529411764715, 0.9394424695612797],
  [1000, 800, 0.03, 1, "exact", 0.033, 0.7058197963195002],
  [1000, 800, 0.03, 1, "asymp", 0.033, 0.7061061631009271],
  [300, 300, 0.2, 1, "exact", 0.20666666666666667, 5.0749555303276145e-06],
  [300, 300, 0.2, 1, "asymp", 0.20666666666666667, 4.2664498423117535e-06],
  [60, 25, 0.5, 1, "exact", 0.5566666666666666, 1.3869440931291686e-05],
  [60, 25, 0.5, 1, "asymp", 0.5566666666666666, 8.87235189837868e-06],
  [12000, 500, 0.02, 1, "auto", 0.02366666666666667, 0.9449610201387928],
];

for (const [n1, n2, s, c, method, d, p] of cases) {
  Deno.test(`ksTwoSample() matches scipy ks_2samp for n=${n1},${n2}, method=${method}`, () => {
    const r = ksTwoSample(a(n1), b(n2, s, c), { method });
    assertClose(r.statistic, d, { rel: 1e-12 });
    assertClose(r.pValue, p, { rel: 1e-9 });
  });
}

Deno.test("ksTwoSample() resolves auto to exact up to 10,000 values and to asymp above", () => {
  assert.equal(ksTwoSample(a(50), b(50)).method, "exact");
  assert.equal(ksTwoSample(a(12000), b(500)).method, "asymp");
});

Deno.test("ksTwoSample() exact: D = 1 for separated samples of 3 has p = 2/C(6,3)", () => {
  // Only the two orderings aaabbb and bbbaaa of the 20 reach D = 1.
  const r = ksTwoSample([1, 2, 3], [4, 5, 6], { method: "exact" });
  assert.equal(r.statistic, 1);
  assertClose(r.pValue, 2 / 20);
});

Deno.test("ksTwoSample() handles ties and identical samples (D = 0, p = 1)", () => {
  assert.deepEqual(ksTwoSample([1, 1, 2], [2, 1, 1]), { statistic: 0, pValue: 1, method: "exact" });
  // scipy.stats.ks_2samp([0,0,1,1], [0,1,1,1]) → statistic 0.25, pvalue 1.0
  const r = ksTwoSample([0, 0, 1, 1], [0, 1, 1, 1]);
  assert.equal(r.statistic, 0.25);
  assertClose(r.pValue, 1);
});

Deno.test("ksTwoSample() does not depend on the order of the values", () => {
  const x = a(40), y = b(37, 0.1);
  const r1 = ksTwoSample(x, y), r2 = ksTwoSample([...x].reverse(), [...y].reverse());
  assert.deepEqual(r1, r2);
});

Deno.test("ksTwoSample() rejects bad input", () => {
  assert.throws(() => ksTwoSample([], [1]), {
    name: "RangeError",
    message: "Cannot compute ksTwoSample: a must not be empty",
  });
  assert.throws(() => ksTwoSample([1], [NaN]), {
    message: "Cannot compute ksTwoSample: b[0] must be finite, got NaN",
  });
  assert.throws(
    // @ts-expect-error: testing a wrong method
    () => ksTwoSample([1], [2], { method: "fast" }),
    {
      message:
        'Cannot compute ksTwoSample: method must be one of "auto", "exact", "asymp", got "fast"',
    },
  );
});

// Reference values: scipy.stats.kstwo.sf(x, n), SciPy 1.17.1; the cases reach every branch
// (Ruben–Gambino ends, Durbin matrix, Smirnov tail, Pelz–Good).
const kstwo: [number, number, number][] = [
  [10, 0.3, 0.27053557479999946],
  [100, 0.05, 0.9532159710635725],
  [100, 0.15, 0.019839242125643017],
  [100, 0.3, 1.7719869892662917e-08],
  [500, 0.03, 0.7473166700457021],
  [500, 0.08, 0.0031305058199356268],
  [5000, 0.01, 0.6954557253913853],
  [20000, 0.009, 0.07785289326070222],
  [200000, 0.003, 0.0545369786611305],
  [50, 0.6, 9.634070456142374e-18],
  [400, 0.001, 1.0],
  [7, 0.99, 2.0000000000000123e-14],
];
for (const [n, x, p] of kstwo) {
  Deno.test(`_kolmogorovSf() matches scipy kstwo.sf(${x}, ${n})`, () => {
    assertClose(_kolmogorovSf(n, x), p, { rel: 1e-8 });
  });
}
