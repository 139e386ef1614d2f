import assert from "node:assert/strict";
import { equivalenceTest, nonInferiorityTest, welchTTest } from "@lib/experiment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// R's sleep data (Student 1908); the control is group 2, the treatment group 1,
// so Δ̂ = −1.58. Reference values: SciPy 1.17,
// ttest_ind(g1, g2 − m, equal_var=False, alternative="greater") (and "less" with g2 + m),
// which is the definition of each one-sided test (Schuirmann 1987).
const g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

Deno.test("nonInferiorityTest() matches SciPy's one-sided Welch test on shifted data", () => {
  const cases = [
    [1, -0.683083424773655, 0.7483198114409817],
    [3, 1.6723766606527413, 0.055978914532244496],
    [4, 2.85010670336594, 0.005361624103159107],
  ];
  for (const [m, t, p] of cases) {
    const r = nonInferiorityTest(g2, g1, { margin: m });
    assertClose(r.statistic, t, { rel: 1e-10 });
    assertClose(r.pValue, p, { rel: 1e-8 });
    assertClose(r.df, 17.776473516178495, { rel: 1e-10 });
    assert.equal(r.nonInferior, p <= 0.05);
    assert.equal(r.effect.upper, Infinity);
    assert.equal(r.effect.lower > -m, r.nonInferior); // bound above −m ⇔ rejection
  }
});

Deno.test("nonInferiorityTest() with lower-is-better tests Δ < m", () => {
  const r = nonInferiorityTest(g2, g1, { margin: 1, higherIsBetter: false });
  assertClose(r.statistic, -3.0385435102000504, { rel: 1e-10 });
  assertClose(r.pValue, 0.003570669173662909, { rel: 1e-8 });
  assert.equal(r.effect.lower, -Infinity);
  assert.ok(r.nonInferior && r.effect.upper < 1);
});

Deno.test("equivalenceTest() is the larger of the two one-sided p-values", () => {
  for (const [m, p] of [[2, 0.31345362597515725], [4, 0.005361624103159107]]) {
    const r = equivalenceTest(g2, g1, { margin: m });
    assertClose(r.pValue, p, { rel: 1e-8 });
    assert.equal(r.equivalent, p <= 0.05);
  }
  // Its interval is the 1 − 2α = 90% Welch interval (SciPy: −3.0534, −0.1066).
  const r = equivalenceTest(g2, g1, { margin: 4 });
  assertClose(r.effect.lower, -3.053381497331607, { rel: 1e-9 });
  assertClose(r.effect.upper, -0.10661850266839323, { rel: 1e-8 });
  const w = welchTTest(g2, g1, { alpha: 0.1 });
  assertClose(r.effect.lower, w.effect.lower, { rel: 1e-12 });
});

Deno.test("equivalence needs a narrow interval where non-inferiority needs one side", () => {
  // Equal sizes and variances: n = 6 per arm gives ν = 10 and t_{0.95,10} = 1.8125
  // (t tables; SciPy t.ppf(0.95, 10) = 1.8124611228). Δ̂ = 0.5, SE = √(3.5/6 + 3.5/6).
  const a = [1, 2, 3, 4, 5, 6], b = a.map((x) => x + 0.5);
  const se = Math.sqrt(2 * 3.5 / 6);
  const ni = nonInferiorityTest(a, b, { margin: 1 });
  assertClose(ni.statistic, 1.5 / se, { rel: 1e-12 });
  assertClose(ni.effect.lower, 0.5 - 1.8124611228107335 * se, { rel: 1e-9 });
  const eq = equivalenceTest(a, b, { margin: 1 });
  assertClose(eq.upperStatistic, -0.5 / se, { rel: 1e-12 });
  assert.ok(!eq.equivalent);
});

Deno.test("nonInferiorityTest() and equivalenceTest() validate their input", () => {
  assert.throws(() => nonInferiorityTest(g2, g1, { margin: 0 }), {
    name: "RangeError",
    message: /Cannot run nonInferiorityTest: margin must be/,
  });
  assert.throws(() => nonInferiorityTest([1], g1, { margin: 1 }), {
    name: "RangeError",
    message: "Cannot run nonInferiorityTest: control must have at least 2 values, got 1",
  });
  assert.throws(() => nonInferiorityTest(g2, g1, { margin: 1, alpha: 1 }), RangeError);
  assert.throws(
    () => nonInferiorityTest(g2, g1, null as unknown as { margin: number }),
    TypeError,
  );
  assert.throws(() => equivalenceTest([1, 1], [1, 1], { margin: 1 }), {
    name: "RangeError",
    message: "Cannot run equivalenceTest: control and treatment must not both be constant",
  });
  assert.throws(() => equivalenceTest(g2, g1, { margin: 1, alpha: 0.5 }), {
    name: "RangeError",
    message: "Cannot run equivalenceTest: alpha must be below 0.5, got 0.5",
  });
  assert.throws(() => equivalenceTest(g2, [1, NaN], { margin: 1 }), RangeError);
});
