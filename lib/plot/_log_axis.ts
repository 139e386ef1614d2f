/**
 * Tick labels of log axes. Left to itself, plotly.js labels the ticks between
 * powers of 10 with single small digits ("9 1000 2 3 4 5 6 7 8 9") whenever the
 * axis spans about one to four decades. These settings label every tick with
 * its full value and draw the other digits as unlabelled minor ticks.
 *
 * @module
 */
import type { Trace } from "./figure.ts";

/** Plotly pads an automatic range by 5 % of the axis on each side: the span grows by ~1/0.9. */
const PADDING = 1.12;
/** At most this many decades labelled one by one (more: every 2nd, 3rd, … power of 10). */
const MAX_DECADES = 9;

/** Minor ticks: short, grey, unlabelled, no grid line. */
const MINOR = { ticks: "outside", ticklen: 3, tickcolor: "#999999", showgrid: false };

/** Values m × 10^k for the mantissas `m`, over the decades that reach past `[low, high]`. */
function ladder(mantissas: readonly number[], low: number, high: number): number[] {
  const out: number[] = [];
  for (let k = Math.floor(Math.log10(low)) - 1; k <= Math.ceil(Math.log10(high)); k++) {
    for (const m of mantissas) {
      const v = Number((m * 10 ** k).toPrecision(6));
      if (v >= low / 3 && v <= high * 3) out.push(v);
    }
  }
  return out;
}

/**
 * Tick settings of a log axis showing values from `low` to `high` (data units,
 * both positive). `padded` says that plotly.js will widen the range (automatic
 * range) rather than show exactly `[low, high]`. By the decades `d` shown:
 *
 * - `d < 0.7`: nothing set; plotly.js places linear ticks and labels them fully.
 * - `0.7 ≤ d < 1.6`: ticks at 1, 2, 3, 5 × 10^k, all labelled (`"20"`, `"30"`, `"3k"`);
 *   `1.6 ≤ d < 3`: at 1, 2, 5 × 10^k; minor ticks at the other digits.
 * - `d ≥ 3`: ticks at powers of 10 (every ⌈d/9⌉-th), minor ticks between them.
 *
 * Labels read `1 10 100 1k 10k` (SI) when every value is at least 1 and some reach
 * 10,000; otherwise `0.01 0.1 1 10 100 1000` in full.
 */
export function _logTicks(low: number, high: number, padded: boolean): Record<string, unknown> {
  const decades = Math.log10(high / low) * (padded ? PADDING : 1);
  if (!(decades >= 0.7) || !Number.isFinite(decades)) return {};
  const si = low >= 1 && high >= 1e4;
  if (decades < 3) {
    // Fixed values: plotly.js's own steps ("D2", "D1") label the digits between powers of 10
    // with the digit alone.
    const major = decades < 1.6 ? [1, 2, 3, 5] : [1, 2, 5];
    const rest = [1, 2, 3, 4, 5, 6, 7, 8, 9].filter((m) => !major.includes(m));
    return {
      tickmode: "array",
      tickvals: ladder(major, low, high),
      tickformat: si ? "~s" : "~g",
      minor: { ...MINOR, tickvals: ladder(rest, low, high) },
    };
  }
  const step = Math.max(1, Math.ceil(decades / MAX_DECADES));
  return {
    dtick: step,
    ...(si ? { tickformat: "~s" } : {}),
    minor: { ...MINOR, dtick: step === 1 ? "D1" : 1 },
  };
}

/**
 * The smallest and largest positive finite values on one axis: trace coordinates
 * plus `extra` positions (reference lines, markers), or `undefined` when there are none.
 */
export function _positiveExtent(
  data: readonly Trace[],
  axis: "x" | "y",
  extra: readonly number[],
): [number, number] | undefined {
  let low = Infinity, high = -Infinity;
  const visit = (v: unknown) => {
    if (typeof v === "number" && v > 0 && Number.isFinite(v)) {
      if (v < low) low = v;
      if (v > high) high = v;
    }
  };
  for (const trace of data) for (const v of trace[axis] ?? []) visit(v);
  extra.forEach(visit);
  return low <= high ? [low, high] : undefined;
}
