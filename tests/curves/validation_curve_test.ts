import assert from "node:assert/strict";
import { validationCurve } from "@lib/curves/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("validationCurve() summarises repeats by mean and population standard deviation", async () => {
  // Repeats r = 0, 1, 2 score r·v and 2·r·v: means v and 2v; population sd of {0, v, 2v} is
  // v·√(2/3).
  const curve = await validationCurve({
    values: [1, 10],
    repeats: 3,
    seed: 4,
    fitAndScore: ({ value, repeat }) => ({ train: repeat * value, validation: 2 * repeat * value }),
  });
  assert.deepEqual(curve.values, [1, 10]);
  assertClose(curve.train.mean, [1, 10]);
  assertClose(curve.validation.mean, [2, 20]);
  assertClose(curve.train.std, [Math.sqrt(2 / 3), 10 * Math.sqrt(2 / 3)]);
  assert.deepEqual(curve.validation.values[1], [0, 20, 40]);
});

Deno.test("validationCurve() picks the best value by direction, first on ties", async () => {
  // A loss that is lowest at λ = 0.1 and equal at 0.01 and 1.
  const loss: Record<string, number> = { "0.01": 0.5, "0.1": 0.3, "1": 0.5 };
  const minimize = await validationCurve({
    values: [0.01, 0.1, 1],
    direction: "minimize",
    seed: 1,
    fitAndScore: ({ value }) => ({ train: 0, validation: loss[String(value)] }),
  });
  assert.deepEqual(minimize.best, { index: 1, value: 0.1, score: 0.3 });
  const maximize = await validationCurve({
    values: ["a", "b", "c"],
    seed: 1,
    fitAndScore: ({ value }) => ({ train: 0, validation: value === "b" ? 0 : 1 }),
  });
  assert.deepEqual(maximize.best, { index: 0, value: "a", score: 1 });
});

Deno.test("validationCurve() rejects empty values, bad repeats, directions and scores", async () => {
  const base = { values: [1, 2], seed: 1, fitAndScore: () => ({ train: 0, validation: 0 }) };
  const context = "Cannot compute a validation curve";
  await assert.rejects(
    validationCurve({ ...base, values: [] }),
    new RangeError(`${context}: values must not be empty`),
  );
  await assert.rejects(
    validationCurve({ ...base, values: "ab" as unknown as string[] }),
    new TypeError(`${context}: values must be an array`),
  );
  await assert.rejects(
    validationCurve({ ...base, repeats: 1.5 }),
    new RangeError(`${context}: repeats must be an integer, got 1.5`),
  );
  await assert.rejects(
    validationCurve({ ...base, direction: "up" as "maximize" }),
    new RangeError(`${context}: direction must be one of "maximize", "minimize", got "up"`),
  );
  await assert.rejects(
    validationCurve({ ...base, fitAndScore: () => ({ train: 0, validation: Infinity }) }),
    new RangeError(
      `${context}: fitAndScore returned a non-finite score (value #0, repeat 0): train=0, validation=Infinity`,
    ),
  );
  await assert.rejects(validationCurve({ ...base, seed: undefined }), /seed or rng/);
});
