import assert from "node:assert/strict";
import fc from "fast-check";
import { durationUnit, formatDuration } from "@lib/capacity/mod.ts";

Deno.test("formatDuration() picks the unit after rounding to three digits", () => {
  // Expected strings worked out by hand from the unit boundaries 1 µs, 1 ms, 1 s, 1000 s.
  const cases: [number, string][] = [
    [0.0000012345, "1.23 ns"],
    [0.000999, "999 ns"],
    [0.0009996, "1.00 µs"],
    [0.5, "500 µs"],
    [0.9996, "1.00 ms"],
    [12.345, "12.3 ms"],
    [999.6, "1.00 s"],
    [100_000, "100 s"],
    [999_999, "1,000 s"],
    [123_456_789, "123,457 s"],
  ];
  for (const [ms, text] of cases) assert.equal(formatDuration(ms), text, `${ms} ms`);
});

Deno.test("formatDuration() writes 0 as 0 ms and keeps the sign of negative durations", () => {
  assert.equal(formatDuration(0), "0 ms");
  assert.equal(formatDuration(-0), "0 ms");
  assert.equal(formatDuration(-2.5), "-2.50 ms");
});

Deno.test("formatDuration() is odd and always ends in a unit", () => {
  fc.assert(
    fc.property(fc.double({ min: 1e-9, max: 1e9, noNaN: true }), (ms) => {
      const text = formatDuration(ms);
      assert.match(text, /^[\d.,]+ (ns|µs|ms|s)$/);
      assert.equal(formatDuration(-ms), `-${text}`);
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("formatDuration() rejects non-numbers and non-finite values", () => {
  assert.throws(() => formatDuration("1" as unknown as number), {
    name: "TypeError",
    message: 'Cannot format duration: ms must be a number, got "1"',
  });
  assert.throws(() => formatDuration(Infinity), {
    name: "RangeError",
    message: "Cannot format duration: ms must be finite, got Infinity",
  });
});

Deno.test("durationUnit() picks the unit of the median duration", () => {
  assert.deepEqual(durationUnit([0.5, 2, 3]), { unit: "ms", perMs: 1 });
  assert.deepEqual(durationUnit([2e-5, 3e-5]), { unit: "ns", perMs: 1e6 });
  assert.deepEqual(durationUnit([0, 5000]), { unit: "s", perMs: 0.001 });
  assert.throws(
    () => durationUnit([0, -1]),
    /Cannot choose a duration unit: valuesMs must hold a positive finite value/,
  );
});
