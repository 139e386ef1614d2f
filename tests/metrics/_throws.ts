import assert from "node:assert/strict";

/** Asserts that `fn` throws an error of `type` with exactly `message`. */
export function throwsWith(fn: () => unknown, type: ErrorConstructor, message: string): void {
  assert.throws(fn, (e: Error) => {
    assert.ok(e instanceof type, `expected ${type.name}, got ${e.name}: ${e.message}`);
    assert.equal(e.message, message);
    return true;
  });
}
