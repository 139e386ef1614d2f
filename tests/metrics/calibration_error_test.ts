import { expectedCalibrationError } from "@lib/metrics/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("expectedCalibrationError() weights each bin's gap by its share (worked by hand)", () => {
  // Uniform bins of width 0.5: [0.1, 0.3] → rate 0, mean 0.2; [0.6, 0.8, 0.9] → rate 2/3, mean
  // 23/30. ECE = (2/5)·0.2 + (3/5)·|2/3 − 23/30| = 0.08 + 0.06 = 0.14.
  const ece = expectedCalibrationError([0, 0, 1, 0, 1], [0.1, 0.3, 0.6, 0.8, 0.9], { nBins: 2 });
  assertClose(ece, 0.14, { rel: 1e-12 });
});

Deno.test("expectedCalibrationError() is 0 when every bin's mean equals its rate", () => {
  assertClose(expectedCalibrationError([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]), 0, { abs: 1e-15 });
});
