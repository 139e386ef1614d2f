import assert from "node:assert/strict";
import { liftByExposureDay, simulateExperiment } from "@lib/experiment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("liftByExposureDay() counts each user-day at its age since exposure", () => {
  // Users 0 (control, entry 0) and 1 (treatment, entry 1) on days 0–2.
  const sim = {
    users: { userId: Int32Array.of(0, 1), entryDay: Int32Array.of(0, 1) },
    logs: {
      userId: Int32Array.of(0, 0, 0, 1, 1),
      day: Int32Array.of(0, 1, 2, 1, 2),
      arm: Uint8Array.of(0, 0, 0, 1, 1),
      converted: Uint8Array.of(1, 0, 1, 1, 1),
      revenue: new Float64Array(5),
    },
  } as unknown as Parameters<typeof liftByExposureDay>[0];
  const r = liftByExposureDay(sim, 3);
  assert.deepEqual(r.controlUsers, [1, 1, 1]);
  assert.deepEqual(r.treatmentUsers, [1, 1, 0]);
  assert.equal(r.lift[0], 0); // 1/1 against 1/1
  assert.ok(Number.isNaN(r.lift[1]) && Number.isNaN(r.lift[2])); // no control conversion / no data
});

Deno.test("liftByExposureDay() recovers τ + ν·2^(−a/h) from a simulation", () => {
  const sim = simulateExperiment(
    { users: 60000, days: 14, treatmentEffect: 0.1, noveltyEffect: 0.6, noveltyHalfLife: 2 },
    { seed: 3 },
  );
  const r = liftByExposureDay(sim, 7);
  for (const a of [0, 2, 6]) {
    const truth = 0.1 + 0.6 * 2 ** (-a / 2);
    assert.ok(r.lower[a] < truth && truth < r.upper[a], `age ${a}: ${r.lower[a]}…${r.upper[a]}`);
  }
  assertClose(r.lift[0], 0.7, { abs: 0.1 });
});

Deno.test("liftByExposureDay() validates its input", () => {
  const sim = simulateExperiment({ users: 100, days: 7 }, { seed: 1 });
  assert.throws(() => liftByExposureDay(sim, 0), {
    name: "RangeError",
    message: /Cannot compute liftByExposureDay: maxDays must be/,
  });
  assert.throws(() => liftByExposureDay(null as never, 3), TypeError);
  assert.throws(() => liftByExposureDay(sim, 3, { alpha: 0 }), RangeError);
});
