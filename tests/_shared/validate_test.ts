import assert from "node:assert/strict";
import {
  assertFiniteArray,
  assertFiniteNumber,
  assertInteger,
  assertNumberArray,
  assertOneOf,
  assertOpenUnit,
  assertPositive,
  assertProbabilityArray,
  assertSameLength,
  raise,
} from "@lib/_shared/validate.ts";

const CTX = "compute f1Score";

Deno.test("assertNumberArray() accepts plain and typed arrays, rejects the rest by type", () => {
  assertNumberArray([1, 2], "yTrue", CTX);
  assertNumberArray(Float32Array.of(1), "yTrue", CTX);
  assert.throws(
    () => assertNumberArray("12", "yTrue", CTX),
    new TypeError('Cannot compute f1Score: yTrue must be an array of numbers, got "12"'),
  );
  assert.throws(
    () => assertNumberArray(new DataView(new ArrayBuffer(2)), "yTrue", CTX),
    new TypeError("Cannot compute f1Score: yTrue must be an array of numbers, got object"),
  );
});

Deno.test("assertFiniteArray() rejects empty arrays, non-numbers and non-finite entries", () => {
  assertFiniteArray([], "yPred", CTX, { allowEmpty: true });
  assert.throws(
    () => assertFiniteArray([], "yPred", CTX),
    new RangeError("Cannot compute f1Score: yPred must not be empty"),
  );
  assert.throws(
    () => assertFiniteArray([1, "2"], "yPred", CTX),
    new TypeError('Cannot compute f1Score: yPred[1] must be a number, got "2"'),
  );
  assert.throws(
    () => assertFiniteArray(Float64Array.of(0, Infinity), "yPred", CTX),
    new RangeError("Cannot compute f1Score: yPred[1] must be finite, got Infinity"),
  );
});

Deno.test("assertProbabilityArray() accepts the closed interval [0, 1] only", () => {
  assertProbabilityArray([0, 0.5, 1], "yScore", CTX);
  assert.throws(
    () => assertProbabilityArray([0.5, 1.01], "yScore", CTX),
    new RangeError("Cannot compute f1Score: yScore[1] must be a probability in [0, 1], got 1.01"),
  );
  assert.throws(
    () => assertProbabilityArray([-0.1], "yScore", CTX),
    new RangeError("Cannot compute f1Score: yScore[0] must be a probability in [0, 1], got -0.1"),
  );
});

Deno.test("assertSameLength() names both arguments and both lengths", () => {
  assertSameLength([1, 2], Int8Array.of(1, 2), ["yTrue", "yPred"], CTX);
  assert.throws(
    () => assertSameLength([1, 2, 3], [1, 2, 3, 4], ["yTrue", "yPred"], CTX),
    new RangeError(
      "Cannot compute f1Score: yTrue and yPred must have the same length, got 3 and 4",
    ),
  );
});

Deno.test("assertFiniteNumber() and assertInteger() check type, finiteness and bounds", () => {
  assertFiniteNumber(2.5, "beta", CTX, { min: 0, max: 2.5 });
  assertInteger(3, "k", CTX, { min: 3, max: 3 });
  assert.throws(
    () => assertFiniteNumber(null, "beta", CTX),
    new TypeError("Cannot compute f1Score: beta must be a number, got null"),
  );
  assert.throws(
    () => assertFiniteNumber(NaN, "beta", CTX),
    new RangeError("Cannot compute f1Score: beta must be finite, got NaN"),
  );
  assert.throws(
    () => assertFiniteNumber(-1, "beta", CTX, { min: 0 }),
    new RangeError("Cannot compute f1Score: beta must be at least 0, got -1"),
  );
  assert.throws(
    () => assertFiniteNumber(3, "beta", CTX, { max: 2 }),
    new RangeError("Cannot compute f1Score: beta must be at most 2, got 3"),
  );
  assert.throws(
    () => assertInteger(1.5, "k", CTX),
    new RangeError("Cannot compute f1Score: k must be an integer, got 1.5"),
  );
  assert.throws(
    () => assertInteger(0, "k", CTX, { min: 1 }),
    new RangeError("Cannot compute f1Score: k must be at least 1, got 0"),
  );
  assert.throws(
    () => assertInteger(11, "k", CTX, { max: 10 }),
    new RangeError("Cannot compute f1Score: k must be at most 10, got 11"),
  );
  assert.throws(
    () => assertInteger([1], "k", CTX),
    new TypeError("Cannot compute f1Score: k must be a number, got an array of length 1"),
  );
});

Deno.test("assertOpenUnit() excludes both ends of (0, 1)", () => {
  assertOpenUnit(0.05, "alpha", CTX);
  for (const bad of [0, 1]) {
    assert.throws(
      () => assertOpenUnit(bad, "alpha", CTX),
      new RangeError(`Cannot compute f1Score: alpha must be strictly between 0 and 1, got ${bad}`),
    );
  }
});

Deno.test("assertPositive() rejects zero, negatives and non-finite values", () => {
  assertPositive(1e-9, "sd", CTX);
  for (const bad of [0, -1]) {
    assert.throws(
      () => assertPositive(bad, "sd", CTX),
      new RangeError(`Cannot compute f1Score: sd must be positive, got ${bad}`),
    );
  }
  assert.throws(
    () => assertPositive(Infinity, "sd", CTX),
    new RangeError("Cannot compute f1Score: sd must be finite, got Infinity"),
  );
  assert.throws(
    () => assertPositive("1", "sd", CTX),
    new TypeError('Cannot compute f1Score: sd must be a number, got "1"'),
  );
});

Deno.test("assertOneOf() lists the allowed values and shows the given one", () => {
  assertOneOf("macro", ["macro", "micro"], "average", CTX);
  assert.throws(
    () => assertOneOf("mean", ["macro", "micro"], "average", CTX),
    new RangeError(
      'Cannot compute f1Score: average must be one of "macro", "micro", got "mean"',
    ),
  );
  assert.throws(
    () => assertOneOf(1, ["macro"], "average", CTX),
    new RangeError('Cannot compute f1Score: average must be one of "macro", got 1'),
  );
});

Deno.test("raise() throws a TypeError or RangeError with the 'Cannot …:' prefix", () => {
  assert.throws(() => raise("type", CTX, "x"), new TypeError("Cannot compute f1Score: x"));
  assert.throws(() => raise("range", CTX, "x"), new RangeError("Cannot compute f1Score: x"));
});
