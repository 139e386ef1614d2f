import assert from "node:assert/strict";
import {
  cuped,
  sampleRatioMismatch,
  simulateExperiment,
  twoProportionZTest,
} from "@lib/experiment/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { betaDraw } from "@lib/experiment/_beta.ts";
import { assertClose } from "../_util/assert_close.ts";

const sum = (x: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
};
const meanWhere = (x: ArrayLike<number>, keep: (i: number) => boolean) => {
  let s = 0, n = 0;
  for (let i = 0; i < x.length; i++) if (keep(i)) (s += x[i]), n++;
  return s / n;
};

Deno.test("simulateExperiment() is reproducible from its seed", () => {
  const a = simulateExperiment({ users: 3000, days: 14 }, { seed: 1 });
  const b = simulateExperiment({ users: 3000, days: 14 }, { seed: 1 });
  const c = simulateExperiment({ users: 3000, days: 14 }, { seed: 2 });
  assert.deepEqual(a.logs.converted, b.logs.converted);
  assert.deepEqual(a.daily, b.daily);
  assert.notDeepEqual(a.users.propensity, c.users.propensity);
});

Deno.test("simulateExperiment() tables agree with each other", () => {
  const sim = simulateExperiment({ users: 5000, days: 21, treatmentEffect: 0.1 }, { seed: 3 });
  const { users, logs, daily } = sim;
  assert.equal(users.userId.length, 5000);
  assert.equal(sim.lostUsers, 0);
  assert.equal(logs.day.length, sum(users.activeDays));
  assert.equal(sum(daily.controlActive) + sum(daily.treatmentActive), logs.day.length);
  assert.equal(
    sum(daily.controlConversions) + sum(daily.treatmentConversions),
    sum(users.conversions),
  );
  assert.equal(sum(logs.converted), sum(users.conversions));
  assertClose(sum(daily.controlRevenue) + sum(daily.treatmentRevenue), sum(users.revenue), {
    rel: 1e-9,
  });
  const treated = sum(users.arm);
  assert.equal(sum(daily.treatmentNew), treated);
  assert.equal(sum(daily.controlNew), 5000 - treated);
  for (let i = 0; i < 5000; i++) {
    assert.ok(users.entryDay[i] >= 0 && users.entryDay[i] < 7);
    assert.ok(users.activeDays[i] >= 1 && users.activeDays[i] <= 21 - users.entryDay[i]);
  }
  assert.ok(logs.revenue.every((r, k) => (r > 0) === (logs.converted[k] === 1)));
  assert.deepEqual(Array.from(daily.day), Array.from({ length: 21 }, (_, d) => d));
  assertClose(daily.controlRate[3], daily.controlConversions[3] / daily.controlActive[3], {
    rel: 1e-12,
  });
});

Deno.test("simulateExperiment() draws Beta propensities with the requested moments", () => {
  // Beta(κm, κ(1 − m)): mean m = 0.05, variance m(1 − m)/(κ + 1) = 0.0475/11.
  const sim = simulateExperiment({ users: 40000, days: 1 }, { seed: 4 });
  const p = sim.users.propensity, m = sum(p) / p.length;
  const v = sum(Array.from(p, (x) => (x - m) ** 2)) / (p.length - 1);
  assertClose(m, 0.05, { abs: 0.001 });
  assertClose(v, 0.0475 / 11, { rel: 0.05 });
  // Shape below 1 (the U^{1/a} branch): Beta(0.5, 9.5) has mean 0.05, variance 0.0475/11.
  const rng = createRng(5);
  const draws = Array.from({ length: 40000 }, () => betaDraw(rng, 0.5, 9.5));
  const dm = sum(draws) / draws.length;
  assertClose(dm, 0.05, { abs: 0.001 });
  assertClose(sum(draws.map((x) => (x - dm) ** 2)) / (draws.length - 1), 0.0475 / 11, {
    rel: 0.05,
  });
});

Deno.test("simulateExperiment() A/A test shows neither an effect nor an SRM", () => {
  const sim = simulateExperiment({ users: 20000, days: 14 }, { seed: 6 });
  const { arm, conversions } = sim.users;
  const treated = sum(arm), control = arm.length - treated;
  assert.equal(sampleRatioMismatch([control, treated], [0.5, 0.5]).significant, false);
  const converted = (g: number) =>
    Array.from(conversions).filter((c, i) => arm[i] === g && c > 0).length;
  const r = twoProportionZTest({ conversions: converted(0), users: control }, {
    conversions: converted(1),
    users: treated,
  });
  assert.ok(r.pValue > 0.01, `p = ${r.pValue}`);
});

Deno.test("simulateExperiment() applies the treatment effect, novelty decay and seasonality", () => {
  const sim = simulateExperiment(
    {
      users: 40000,
      days: 28,
      treatmentEffect: 0.2,
      noveltyEffect: 1,
      noveltyHalfLife: 2,
      churnRate: 0,
    },
    { seed: 7 },
  );
  const { daily } = sim;
  const ratio = (from: number, to: number) => {
    let tc = 0, ta = 0, cc = 0, ca = 0;
    for (let d = from; d < to; d++) {
      tc += daily.treatmentConversions[d];
      ta += daily.treatmentActive[d];
      cc += daily.controlConversions[d];
      ca += daily.controlActive[d];
    }
    return (tc / ta) / (cc / ca);
  };
  // After three weeks the novelty term 2^{−age/2} is below 0.001: only the +20% remains.
  assertClose(ratio(21, 28), 1.2, { abs: 0.05 });
  assert.ok(ratio(0, 3) > 1.6, `early ratio ${ratio(0, 3)}`);
  // Saturday/Sunday multipliers 0.85 and 0.8 against 1 on Monday–Thursday.
  const weekend = (daily.controlConversions[19] + daily.controlConversions[20]) /
    (daily.controlActive[19] + daily.controlActive[20]);
  const weekday = (daily.controlConversions[14] + daily.controlConversions[15]) /
    (daily.controlActive[14] + daily.controlActive[15]);
  assertClose(weekend / weekday, 0.825, { abs: 0.06 });
});

Deno.test("simulateExperiment() treatment can change retention (churn)", () => {
  const sim = simulateExperiment({ users: 20000, days: 28, churnRate: 0.05, churnEffect: -0.5 }, {
    seed: 8,
  });
  const { arm, activeDays, churned } = sim.users;
  const treatedDays = meanWhere(activeDays, (i) => arm[i] === 1);
  const controlDays = meanWhere(activeDays, (i) => arm[i] === 0);
  assert.ok(treatedDays > controlDays + 2, `${treatedDays} vs ${controlDays}`);
  assert.ok(meanWhere(churned, (i) => arm[i] === 1) < meanWhere(churned, (i) => arm[i] === 0));
});

Deno.test("simulateExperiment() logging bug causes an SRM and biases the treatment arm", () => {
  const sim = simulateExperiment({ users: 50000, days: 7, srmLossRate: 0.05 }, { seed: 9 });
  const { arm, propensity } = sim.users;
  const treated = sum(arm), control = arm.length - treated;
  assertClose(sim.lostUsers, 0.05 * (treated + sim.lostUsers), { rel: 0.1 });
  assert.equal(arm.length, 50000 - sim.lostUsers);
  assert.ok(sampleRatioMismatch([control, treated], [0.5, 0.5]).pValue < 1e-6);
  assert.ok(
    meanWhere(propensity, (i) => arm[i] === 1) > meanWhere(propensity, (i) => arm[i] === 0),
  );
});

Deno.test("simulateExperiment() pre-period conversions are a useful CUPED covariate", () => {
  const sim = simulateExperiment({ users: 20000, days: 14, churnRate: 0 }, { seed: 10 });
  const r = cuped(sim.users.conversions, sim.users.preConversions);
  assert.ok(r.varianceReduction > 0.15, `ρ² = ${r.varianceReduction}`);
  assert.ok(r.theta > 0);
});

Deno.test("simulateExperiment() rejects out-of-range options and a missing seed", () => {
  const bad: [Record<string, unknown>, RegExp][] = [
    [{ users: 1 }, /users must be at least 2, got 1/],
    [{ days: 0 }, /days must be at least 1, got 0/],
    [{ treatmentShare: 1 }, /treatmentShare must be strictly between 0 and 1, got 1/],
    [{ days: 5, arrivalDays: 6 }, /arrivalDays must be at most 5, got 6/],
    [{ baselineRate: 0 }, /baselineRate must be strictly between 0 and 1, got 0/],
    [{ concentration: 0 }, /concentration must be positive, got 0/],
    [{ treatmentEffect: -2 }, /treatmentEffect must be at least -1, got -2/],
    [{ noveltyHalfLife: 0 }, /noveltyHalfLife must be positive, got 0/],
    [{ churnRate: 0.8, churnEffect: 0.5 }, /churnRate·\(1 \+ churnEffect\) must be at most 1/],
    [{ dayOfWeekMultipliers: [1, 1, 1] }, /dayOfWeekMultipliers must be 7 non-negative numbers/],
    [{ srmLossRate: 0.6 }, /srmLossRate must be at most 0.5, got 0.6/],
    [{ revenueLogSd: -1 }, /revenueLogSd must be at least 0, got -1/],
  ];
  for (const [options, message] of bad) {
    assert.throws(
      () => simulateExperiment(options, { seed: 1 }),
      { name: "RangeError", message },
      JSON.stringify(options),
    );
  }
  assert.throws(() => simulateExperiment({}, {}), {
    name: "TypeError",
    message:
      "Cannot run simulateExperiment: pass a seed or rng in the options (randomness is always seeded)",
  });
});
