import assert from "node:assert/strict";
import {
  cochranQ,
  launchDecision,
  overallEvaluationCriterion,
  segmentEffects,
  splitByArm,
  welchTTest,
} from "@lib/experiment/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("cochranQ() matches the inverse-variance formula (SciPy χ² tail)", () => {
  // θ = (0.1, 0.3, 0.2, 0.25), SE = (0.05, 0.1, 0.08, 0.04): pooled 0.2009756,
  // Q = 6.5612805, p = chi2.sf(Q, 3) = 0.0872768 (SciPy 1.17).
  const r = cochranQ([0.1, 0.3, 0.2, 0.25], [0.05, 0.1, 0.08, 0.04]);
  assertClose(r.pooled, 0.20097560975609757, { rel: 1e-12 });
  assertClose(r.q, 6.561280487804877, { rel: 1e-12 });
  assertClose(r.pValue, 0.08727683032330733, { rel: 1e-8 });
  assert.equal(r.df, 3);
});

Deno.test("cochranQ() p-values are about uniform when the estimates share one value", () => {
  const rng = createRng(2);
  let rejected = 0;
  for (let rep = 0; rep < 1000; rep++) {
    const se = [0.1, 0.2, 0.3, 0.4, 0.5];
    if (cochranQ(se.map((s) => rng.normal(1, s)), se).pValue <= 0.05) rejected++;
  }
  assert.ok(Math.abs(rejected / 1000 - 0.05) < 0.021, `rate ${rejected / 1000}`); // 3 sd
});

Deno.test("segmentEffects() runs Welch per segment and tests the lifts' heterogeneity", () => {
  const rng = createRng(4), values: number[] = [], arm: number[] = [], segment: string[] = [];
  for (let i = 0; i < 8000; i++) {
    const heavy = i % 2, treated = rng.random() < 0.5 ? 1 : 0;
    const lift = heavy ? 0.02 : 0.3; // the light users gain much more
    values.push(rng.poisson((heavy ? 5 : 1) * (1 + lift * treated)));
    arm.push(treated), segment.push(heavy ? "heavy" : "light");
  }
  const r = segmentEffects(values, arm, segment);
  assert.deepEqual(r.segments.map((s) => s.segment), ["heavy", "light"]); // sorted by label
  const light = r.segments[1];
  const rows = segment.map((s, i) => (s === "light" ? i : -1)).filter((i) => i >= 0);
  const w = welchTTest(
    splitByArm(rows.map((i) => values[i]), rows.map((i) => arm[i])).control,
    splitByArm(rows.map((i) => values[i]), rows.map((i) => arm[i])).treatment,
  );
  assertClose(light.pValue, w.pValue, { rel: 1e-12 });
  assert.deepEqual(light.relativeEffect, w.relativeEffect);
  assertClose(light.relativeStandardError, w.relativeStandardError!, { rel: 1e-12 });
  assert.equal(light.users, 4000);
  assert.ok(r.heterogeneity.pValue < 0.01, `Q p = ${r.heterogeneity.pValue}`);
});

Deno.test("segmentEffects() and cochranQ() validate their input", () => {
  assert.throws(() => cochranQ([1], [1]), {
    name: "RangeError",
    message: "Cannot compute cochranQ: needs at least 2 estimates, got 1",
  });
  assert.throws(() => cochranQ([1, 2], [1, 0]), {
    name: "RangeError",
    message: "Cannot compute cochranQ: standardErrors[1] must be positive, got 0",
  });
  assert.throws(() => segmentEffects([1, 2, 3, 4], [0, 1, 0, 1], ["a", "a", "a", "a"]), {
    name: "RangeError",
    message: "Cannot compute segmentEffects: needs at least 2 segments, got 1",
  });
  assert.throws(() => segmentEffects([1, 2, 3, 4], [0, 1, 0, 1], ["a", "a", "b", "b"]), {
    name: "RangeError",
    message: "Cannot compute segmentEffects: segment a needs at least 2 users in each arm",
  });
  assert.throws(() => segmentEffects([1, 2], [0, 1], ["a"]), RangeError);
});

Deno.test("overallEvaluationCriterion() sums weighted, scaled metrics", () => {
  const oec = overallEvaluationCriterion([
    { values: [1, 2, 3], weight: 2, scale: 4 },
    { values: [10, 0, 5], weight: -1, scale: 10 },
  ]);
  assert.deepEqual(Array.from(oec), [0.5 - 1, 1 - 0, 1.5 - 0.5]);
  assert.throws(() => overallEvaluationCriterion([]), RangeError);
  assert.throws(
    () =>
      overallEvaluationCriterion([{ values: [1], weight: 1, scale: 1 }, {
        values: [1, 2],
        weight: 1,
        scale: 1,
      }]),
    {
      name: "RangeError",
      message:
        "Cannot compute overallEvaluationCriterion: components[1].values must have length 1, got 2",
    },
  );
  assert.throws(
    () => overallEvaluationCriterion([{ values: [1], weight: 1, scale: 0 }]),
    RangeError,
  );
});

Deno.test("launchDecision() ships only with a better primary and every guardrail passed", () => {
  const up = { significant: true, effect: { estimate: 1 } };
  const down = { significant: true, effect: { estimate: -1 } };
  const flat = { significant: false, effect: { estimate: 0.1 } };
  const ok = { name: "retention", nonInferior: true },
    bad = { name: "latency", nonInferior: false };
  assert.equal(launchDecision(up, [ok]).decision, "ship");
  assert.equal(launchDecision(up, [ok, bad]).decision, "do not ship");
  assert.match(launchDecision(up, [bad]).reasons[1], /"latency" cannot rule out/);
  assert.equal(launchDecision(down, [ok]).decision, "do not ship");
  assert.equal(launchDecision(flat, [ok]).decision, "inconclusive");
  assert.equal(launchDecision(flat, []).decision, "inconclusive");
  assert.equal(launchDecision(up, [ok]).reasons[0], "the primary metric improved significantly");
  assert.deepEqual(launchDecision(down, [bad], { metric: "the OEC" }).reasons, [
    "the OEC got significantly worse",
    'the guardrail "latency" cannot rule out a harm beyond its margin',
  ]);
  assert.equal(
    launchDecision(flat, [], { metric: "the OEC" }).reasons[0],
    "the OEC did not change significantly",
  );
  assert.throws(() => launchDecision(up, [], { metric: "" }), {
    name: "TypeError",
    message: "Cannot compute launchDecision: options.metric must be a non-empty string, got ",
  });
  assert.throws(() => launchDecision({} as never, []), TypeError);
  assert.throws(() => launchDecision(up, [{ name: "x" } as never]), {
    name: "TypeError",
    message: "Cannot compute launchDecision: guardrails[0] must have a name and nonInferior",
  });
});
