import fc from "fast-check";
import { logLoss, multiclassLogLoss } from "@lib/metrics/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { throwsWith } from "./_throws.ts";

Deno.test("logLoss() matches scikit-learn's log_loss docstring (0.21616…)", () => {
  // log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]):
  // by hand −(ln 0.9 + ln 0.9 + ln 0.8 + ln 0.65) / 4.
  const expected = -(2 * Math.log(0.9) + Math.log(0.8) + Math.log(0.65)) / 4;
  assertClose(logLoss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65]), expected, { rel: 1e-15 });
  assertClose(expected, 0.21616187468057912, { rel: 1e-15 });
});

Deno.test("logLoss() clips probabilities to [ε, 1 − ε], ε the machine epsilon of the dtype", () => {
  // float64: ε = 2⁻⁵², so a certain mistake costs 52 ln 2 ≈ 36.04 nats.
  assertClose(logLoss([1], [0]), 52 * Math.LN2);
  assertClose(logLoss([0], [1]), 52 * Math.LN2);
  // float32: ε = 2⁻²³ (numpy's finfo(float32).eps): 23 ln 2 ≈ 15.94 nats.
  assertClose(logLoss([1], new Float32Array([0])), 23 * Math.LN2);
  // A certain, correct prediction costs −ln(1 − 2⁻⁵²) ≈ 2.2e-16, not 0.
  assertClose(logLoss([1, 0], [1, 0]), -Math.log(1 - 2 ** -52), { rel: 1e-6 });
});

Deno.test("logLoss() allows a single class in yTrue (labels fixed to {0, 1})", () => {
  assertClose(logLoss([1, 1], [0.5, 0.5]), Math.LN2);
});

Deno.test("logLoss() weights samples: (3·(−ln 0.8) − ln 0.6) / 4", () => {
  const expected = (-3 * Math.log(0.8) - Math.log(0.6)) / 4;
  assertClose(logLoss([1, 0], [0.8, 0.4], { sampleWeight: [3, 1] }), expected);
});

Deno.test("multiclassLogLoss() is the mean −ln of the true class's probability", () => {
  const yProb = [[0.7, 0.2, 0.1], [0.25, 0.5, 0.25], [0.1, 0.3, 0.6]];
  const expected = -(Math.log(0.7) + Math.log(0.5) + Math.log(0.6)) / 3;
  assertClose(multiclassLogLoss([0, 1, 2], yProb), expected);
  assertClose(multiclassLogLoss([0, 1, 2], yProb, { sampleWeight: [0, 0, 1] }), -Math.log(0.6));
  // A zero probability for the true class is clipped at 2⁻⁵².
  assertClose(multiclassLogLoss([2], [[0.5, 0.5, 0]]), 52 * Math.LN2);
});

Deno.test("multiclassLogLoss() with two columns [1 − p, p] equals logLoss()", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(fc.integer({ min: 0, max: 1 }), fc.double({ min: 0, max: 1, noNaN: true })),
        {
          minLength: 1,
          maxLength: 30,
        },
      ),
      (rows) => {
        const yTrue = rows.map((r) => r[0]), p = rows.map((r) => r[1]);
        assertClose(multiclassLogLoss(yTrue, p.map((v) => [1 - v, v])), logLoss(yTrue, p), {
          rel: 1e-9,
          abs: 1e-9,
        });
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("logLoss() rejects probabilities outside [0, 1], bad labels and NaN", () => {
  throwsWith(
    () => logLoss([0, 1], [0.2, 1.2]),
    RangeError,
    "Cannot compute logLoss: yProb[1] must be a probability in [0, 1], got 1.2",
  );
  throwsWith(
    () => logLoss([0, 2], [0.2, 0.5]),
    RangeError,
    "Cannot compute logLoss: yTrue[1] must be 0 or 1, got 2",
  );
  throwsWith(
    () => logLoss([0, 1], [NaN, 0.5]),
    RangeError,
    "Cannot compute logLoss: yProb[0] must be finite, got NaN",
  );
  throwsWith(
    () => logLoss([0, 1], [0.5]),
    RangeError,
    "Cannot compute logLoss: yTrue and yProb must have the same length, got 2 and 1",
  );
});

Deno.test("multiclassLogLoss() rejects malformed probability rows and class indices", () => {
  throwsWith(
    () => multiclassLogLoss([0, 1], [[0.5, 0.5], [0.5, 0.6]]),
    RangeError,
    "Cannot compute multiclassLogLoss: yProb[1] must sum to 1, got 1.1",
  );
  throwsWith(
    () => multiclassLogLoss([0, 2], [[0.5, 0.5], [0.5, 0.5]]),
    RangeError,
    "Cannot compute multiclassLogLoss: yTrue[1] must be a class index in [0, 1], got 2",
  );
  throwsWith(
    () => multiclassLogLoss([0, 0.5], [[0.5, 0.5], [0.5, 0.5]]),
    RangeError,
    "Cannot compute multiclassLogLoss: yTrue[1] must be a class index in [0, 1], got 0.5",
  );
  throwsWith(
    () => multiclassLogLoss([0, 1], [[0.5, 0.5], [0.2, 0.3, 0.5]]),
    RangeError,
    "Cannot compute multiclassLogLoss: yProb[1] must have 2 columns, got 3",
  );
  throwsWith(
    () => multiclassLogLoss([0], [[1]]),
    RangeError,
    "Cannot compute multiclassLogLoss: yProb[0] must have at least 2 columns, got 1",
  );
  throwsWith(
    () => multiclassLogLoss([0, 1], [[1.5, -0.5], [0.5, 0.5]]),
    RangeError,
    "Cannot compute multiclassLogLoss: yProb[0][0] must be a probability in [0, 1], got 1.5",
  );
  throwsWith(
    () => multiclassLogLoss([0, 1], [[0.5, 0.5]]),
    RangeError,
    "Cannot compute multiclassLogLoss: yTrue and yProb must have the same length, got 2 and 1",
  );
  throwsWith(
    () => multiclassLogLoss([0], new Float64Array([0.5, 0.5]) as unknown as number[][]),
    TypeError,
    "Cannot compute multiclassLogLoss: yProb must be an array of rows, got object",
  );
  throwsWith(
    () => multiclassLogLoss([0], [0.5] as unknown as number[][]),
    TypeError,
    "Cannot compute multiclassLogLoss: yProb[0] must be an array of numbers, got 0.5",
  );
  throwsWith(
    () => multiclassLogLoss([], []),
    RangeError,
    "Cannot compute multiclassLogLoss: yTrue must not be empty",
  );
});
