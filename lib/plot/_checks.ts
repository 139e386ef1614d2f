/**
 * Validation of figure inputs. Every message starts `Cannot build <builder>:`.
 *
 * @module
 */
import { assertFiniteNumber, assertSameLength, raise } from "../_shared/validate.ts";

/** Throws unless `value` is a non-empty string (TypeError for non-strings, RangeError for ""). */
export function _requireText(value: unknown, name: string, context: string): string {
  if (typeof value !== "string") raise("type", context, `${name} must be a non-empty string`);
  if (value.trim() === "") raise("range", context, `${name} must be a non-empty string`);
  return value;
}

/** Like {@link _requireText} but `undefined` passes. */
export function _optionalText(value: unknown, name: string, context: string): string | undefined {
  return value === undefined ? undefined : _requireText(value, name, context);
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** Throws unless `value` is a non-empty array (plain or typed). */
export function _requireArray(
  value: unknown,
  name: string,
  context: string,
): ArrayLike<unknown> {
  if (!isArrayLike(value)) raise("type", context, `${name} must be an array`);
  if (value.length === 0) raise("range", context, `${name} must not be empty`);
  return value;
}

/**
 * Numeric values where NaN marks a gap: returns a plain array with NaN as `null`
 * (JSON has no NaN; Plotly draws `null` as a gap).
 */
export function _values(value: unknown, name: string, context: string): (number | null)[] {
  const arr = _requireArray(value, name, context);
  const out = new Array<number | null>(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== "number") raise("type", context, `${name}[${i}] must be a number`);
    if (v === Infinity || v === -Infinity) {
      raise("range", context, `${name}[${i}] must be a finite number or NaN (a gap), got ${v}`);
    }
    out[i] = Number.isNaN(v) ? null : v;
  }
  return out;
}

/** Coordinates: all finite numbers, or all strings (categories or ISO dates). */
export function _coordinates(value: unknown, name: string, context: string): number[] | string[] {
  const arr = _requireArray(value, name, context);
  if (typeof arr[0] === "string") {
    for (let i = 0; i < arr.length; i++) {
      if (typeof arr[i] !== "string") {
        raise(
          "type",
          context,
          `${name} must hold only numbers or only strings, ${name}[${i}] differs`,
        );
      }
    }
    return Array.from(arr as ArrayLike<string>);
  }
  const out = new Array<number>(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== "number") {
      raise(
        "type",
        context,
        `${name} must hold only numbers or only strings, ${name}[${i}] differs`,
      );
    }
    if (!Number.isFinite(v)) raise("range", context, `${name}[${i}] must be finite, got ${v}`);
    out[i] = v;
  }
  return out;
}

/** Throws unless both arrays have the same length. */
export function _sameLength(
  a: ArrayLike<unknown>,
  b: ArrayLike<unknown>,
  names: [string, string],
  context: string,
): void {
  assertSameLength(a, b, names, context);
}

/** Throws unless `range` is `[low, high]` with finite `low < high` (and positive on log axes). */
export function _range(
  range: unknown,
  name: string,
  context: string,
  log: boolean,
): [number, number] | undefined {
  if (range === undefined) return undefined;
  if (!Array.isArray(range) || range.length !== 2) {
    raise("type", context, `${name} must be a [low, high] pair`);
  }
  assertFiniteNumber(range[0], `${name}[0]`, context);
  assertFiniteNumber(range[1], `${name}[1]`, context);
  if (range[0] >= range[1]) {
    raise("range", context, `${name} must have low < high, got [${range[0]}, ${range[1]}]`);
  }
  if (log && range[0] <= 0) {
    raise(
      "range",
      context,
      `${name} must be positive on a log axis, got [${range[0]}, ${range[1]}]`,
    );
  }
  return [range[0], range[1]];
}

/** Names of several series: each must be a non-empty string when there is more than one. */
export function _seriesName(
  name: unknown,
  index: number,
  count: number,
  context: string,
): string | undefined {
  if (count > 1 && name === undefined) {
    raise(
      "type",
      context,
      `series[${index}].name must be a non-empty string when there are several series`,
    );
  }
  return _optionalText(name, `series[${index}].name`, context);
}
