import assert from "node:assert/strict";
import {
  driftChart,
  driftFalseAlarmRates,
  driftReport,
  ksTwoSample,
  populationStabilityIndex,
} from "@lib/debug/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

const rng = createRng(3);
const normal = (n: number, mean = 0) => Array.from({ length: n }, () => rng.normal(mean, 1));

Deno.test("driftReport() flags the shifted feature only and agrees with the statistics", () => {
  const ref = { a: normal(1000), b: normal(1000) };
  const live = { a: normal(1000, 0.8), b: normal(1000) };
  const report = driftReport(ref, live);
  assert.deepEqual(report.map((r) => r.feature), ["a", "b"]);
  assert.deepEqual(report[0].alarms, { psi: true, ks: true, js: true });
  assert.deepEqual(report[1].alarms, { psi: false, ks: false, js: false });
  assert.equal(report[0].psi, populationStabilityIndex(ref.a, live.a).psi);
  assert.equal(report[0].ksPValue, ksTwoSample(ref.a, live.a).pValue);
});

Deno.test("driftFalseAlarmRates() gives KS about alpha without drift", () => {
  const [r] = driftFalseAlarmRates({ x: normal(1500) }, { liveSize: 500, repeats: 400, seed: 9 });
  // 400 splits at alpha = 0.05: the rate's binomial sd is 0.011.
  assert.ok(r.ks > 0.01 && r.ks < 0.09, `ks false-alarm rate ${r.ks}`);
  assert.equal(r.psi, 0); // PSI noise at these sizes is ≈ 9·(1/500 + 1/1000) = 0.027 < 0.25
});

Deno.test("driftReport() gives the asymptotic critical D of the KS alarm", () => {
  const [r] = driftReport({ x: normal(100) }, { x: normal(100) });
  // c(0.05) = 1.358 (Smirnov's table, e.g. Massey 1951, JASA 46, Table 1), × √(200/10⁴).
  assertClose(r.ksCritical, 1.3581 * Math.sqrt(0.02), { rel: 1e-4 });
  const [s] = driftReport({ x: normal(400) }, { x: normal(100) }, { ksAlpha: 0.01 });
  assertClose(s.ksCritical, 1.6276 * Math.sqrt(500 / 40000), { rel: 1e-4 }); // c(0.01) = 1.628
});

Deno.test("driftFalseAlarmRates() resamples at sizes larger than the reference", () => {
  const [r] = driftFalseAlarmRates({ x: normal(600) }, {
    liveSize: 1200,
    referenceSize: 600,
    sampling: "bootstrap",
    repeats: 200,
    seed: 2,
    ksMethod: "asymp",
  });
  // Ties from resampling make KS conservative: at most about alpha (binomial sd 0.015).
  assert.ok(r.ks <= 0.09, `ks false-alarm rate ${r.ks}`);
  assert.equal(r.psi, 0);
  const small = driftFalseAlarmRates({ x: normal(600) }, {
    liveSize: 30,
    referenceSize: 30,
    sampling: "bootstrap",
    repeats: 200,
    seed: 2,
  })[0];
  assert.ok(small.psi > 0.5, `PSI crosses 0.25 by chance with 30 values: ${small.psi}`);
});

Deno.test("driftChart() draws each statistic's own threshold", () => {
  const x = normal(200);
  const fig = driftChart(driftReport({ x, y: x }, { x: x.map((v) => v + 1), y: x }), {
    psiThreshold: 0.2,
  });
  const trace = (name: string) => fig.data.find((t) => t.name === name)!;
  assert.deepEqual(trace("PSI moderate shift (0.1)").y, [0.1, 0.1]);
  assert.deepEqual(trace("PSI alarm (0.2)").y, [0.2, 0.2]);
  assert.deepEqual(trace("JS alarm (0.1)").y, [0.1, 0.1]);
  // Both features have 200 values on each side: c(0.05)·√(400/200²) (Massey 1951, Table 1).
  const critical = trace("KS critical D (alarm)").y as number[];
  critical.forEach((d) => assertClose(d, 1.3581 * Math.sqrt(0.01), { rel: 1e-4 }));
  assert.equal(fig.layout.shapes.length, 0); // no labelled lines to overlap the bars
});

Deno.test("driftFalseAlarmRates() is reproducible from the seed", () => {
  const x = normal(300);
  assert.deepEqual(
    driftFalseAlarmRates({ x }, { liveSize: 100, repeats: 20, seed: 4 }),
    driftFalseAlarmRates({ x }, { liveSize: 100, repeats: 20, seed: 4 }),
  );
});

Deno.test("driftReport(), driftFalseAlarmRates() and driftChart() reject bad input", () => {
  assert.throws(() => driftReport({ a: [1, 2, 3] }, { b: [1] }, { bins: 2 }), {
    message: 'Cannot compute driftReport: live must have the feature "a"',
  });
  assert.throws(() => driftReport({}, {}), {
    message: "Cannot compute driftReport: reference must have at least one feature",
  });
  assert.throws(() => driftReport({ a: [1, 2] }, { a: [1] }, { ksAlpha: 1 }), {
    message: "Cannot compute driftReport: ksAlpha must be strictly between 0 and 1, got 1",
  });
  assert.throws(() => driftFalseAlarmRates({ a: [1, 2, 3] }, { liveSize: 2, seed: 1 }), {
    message:
      'Cannot compute driftFalseAlarmRates: reference "a" must have at least liveSize + bins = 12 values, got 3',
  });
  assert.throws(() => driftFalseAlarmRates({ a: normal(50) }, { liveSize: 10 }), TypeError);
  assert.throws(
    () => driftFalseAlarmRates({ a: normal(50) }, { liveSize: 10, referenceSize: 20, seed: 1 }),
    { message: 'Cannot compute driftFalseAlarmRates: referenceSize needs sampling: "bootstrap"' },
  );
  assert.throws(
    () =>
      driftFalseAlarmRates({ a: normal(50) }, {
        liveSize: 10,
        sampling: "every" as "split",
        seed: 1,
      }),
    RangeError,
  );
  assert.throws(
    () => driftChart(driftReport({ a: normal(50) }, { a: normal(50) }), { jsThreshold: -1 }),
    RangeError,
  );
  assert.throws(() => driftChart([]), {
    message: "Cannot build driftChart: report must be a non-empty array of driftReport rows",
  });
});
