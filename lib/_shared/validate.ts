/**
 * Input validation shared by every module. Each assertion names the operation
 * (`context`, e.g. `"compute f1Score"`), the argument and the offending value, so
 * that messages read `Cannot compute f1Score: yTrue and yPred must have the same
 * length, got 3 and 4`.
 *
 * @module
 */

/** A numeric array: a plain array or any typed array. */
export type NumberArray = ArrayLike<number>;

function fail(kind: "type" | "range", context: string, message: string): never {
  const text = `Cannot ${context}: ${message}`;
  throw kind === "type" ? new TypeError(text) : new RangeError(text);
}

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value == null) {
    return String(value);
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}

/** Throws a TypeError unless `value` is a numeric array (plain or typed). */
export function assertNumberArray(
  value: unknown,
  name: string,
  context: string,
): asserts value is NumberArray {
  const ok = Array.isArray(value) ||
    (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!ok) fail("type", context, `${name} must be an array of numbers, got ${show(value)}`);
}

/**
 * Throws unless `value` is a non-empty numeric array whose entries are all finite
 * numbers (no NaN, no ±Infinity).
 */
export function assertFiniteArray(
  value: unknown,
  name: string,
  context: string,
  { allowEmpty = false }: { allowEmpty?: boolean } = {},
): asserts value is NumberArray {
  assertNumberArray(value, name, context);
  if (!allowEmpty && value.length === 0) fail("range", context, `${name} must not be empty`);
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (typeof v !== "number") {
      fail("type", context, `${name}[${i}] must be a number, got ${show(v)}`);
    }
    if (!Number.isFinite(v)) fail("range", context, `${name}[${i}] must be finite, got ${v}`);
  }
}

/** Throws a RangeError unless every entry of `value` lies in [0, 1]. */
export function assertProbabilityArray(
  value: unknown,
  name: string,
  context: string,
): asserts value is NumberArray {
  assertFiniteArray(value, name, context);
  for (let i = 0; i < value.length; i++) {
    if (value[i] < 0 || value[i] > 1) {
      fail("range", context, `${name}[${i}] must be a probability in [0, 1], got ${value[i]}`);
    }
  }
}

/** Throws a RangeError unless the arrays have the same length. */
export function assertSameLength(
  a: ArrayLike<unknown>,
  b: ArrayLike<unknown>,
  names: [string, string],
  context: string,
): void {
  if (a.length !== b.length) {
    fail(
      "range",
      context,
      `${names[0]} and ${names[1]} must have the same length, got ${a.length} and ${b.length}`,
    );
  }
}

/** Throws unless `value` is a finite number, optionally within [min, max]. */
export function assertFiniteNumber(
  value: unknown,
  name: string,
  context: string,
  { min, max }: { min?: number; max?: number } = {},
): asserts value is number {
  if (typeof value !== "number") {
    fail("type", context, `${name} must be a number, got ${show(value)}`);
  }
  if (!Number.isFinite(value)) fail("range", context, `${name} must be finite, got ${value}`);
  if (min !== undefined && value < min) {
    fail("range", context, `${name} must be at least ${min}, got ${value}`);
  }
  if (max !== undefined && value > max) {
    fail("range", context, `${name} must be at most ${max}, got ${value}`);
  }
}

/** Throws unless `value` is an integer, optionally within [min, max]. */
export function assertInteger(
  value: unknown,
  name: string,
  context: string,
  { min, max }: { min?: number; max?: number } = {},
): asserts value is number {
  assertFiniteNumber(value, name, context);
  if (!Number.isInteger(value)) fail("range", context, `${name} must be an integer, got ${value}`);
  if (min !== undefined && value < min) {
    fail("range", context, `${name} must be at least ${min}, got ${value}`);
  }
  if (max !== undefined && value > max) {
    fail("range", context, `${name} must be at most ${max}, got ${value}`);
  }
}

/** Throws a RangeError unless `value` lies strictly between 0 and 1. */
export function assertOpenUnit(
  value: unknown,
  name: string,
  context: string,
): asserts value is number {
  assertFiniteNumber(value, name, context);
  if (value <= 0 || value >= 1) {
    fail("range", context, `${name} must be strictly between 0 and 1, got ${value}`);
  }
}

/** Throws unless `value` is a finite number strictly greater than 0. */
export function assertPositive(
  value: unknown,
  name: string,
  context: string,
): asserts value is number {
  assertFiniteNumber(value, name, context);
  if (value <= 0) fail("range", context, `${name} must be positive, got ${value}`);
}

/** Throws a RangeError unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  name: string,
  context: string,
): asserts value is T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    fail(
      "range",
      context,
      `${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${
        show(value)
      }`,
    );
  }
}

/** Throws an error of the given kind with the standard `Cannot …:` prefix. */
export function raise(kind: "type" | "range", context: string, message: string): never {
  fail(kind, context, message);
}
