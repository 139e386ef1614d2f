import assert from "node:assert/strict";

/** Options of {@link assertClose}: relative and absolute tolerance. */
export interface CloseOptions {
  /** Relative tolerance. @default 1e-9 */
  rel?: number;
  /** Absolute tolerance. @default 1e-12 */
  abs?: number;
}

/**
 * Asserts that `actual` is within `max(abs, rel·|expected|)` of `expected`
 * (element-wise for arrays), with a message that shows both values.
 */
export function assertClose(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  { rel = 1e-9, abs = 1e-12 }: CloseOptions = {},
  message = "",
): void {
  if (typeof actual === "number" || typeof expected === "number") {
    assert.equal(typeof actual, "number", `${message} expected a number, got an array`);
    assert.equal(typeof expected, "number", `${message} expected an array, got a number`);
    const a = actual as number, e = expected as number;
    if (Number.isNaN(e)) {
      assert.ok(Number.isNaN(a), `${message} expected NaN, got ${a}`);
      return;
    }
    const tol = Math.max(abs, rel * Math.abs(e));
    assert.ok(
      Math.abs(a - e) <= tol || a === e,
      `${message} expected ${e}, got ${a} (difference ${Math.abs(a - e)} > tolerance ${tol})`,
    );
    return;
  }
  assert.equal(actual.length, expected.length, `${message} lengths differ`);
  for (let i = 0; i < expected.length; i++) {
    assertClose(actual[i], expected[i], { rel, abs }, `${message} [${i}]`);
  }
}
