/**
 * The state machine behind {@link createProgress}: validation and throttling,
 * with the clock and the output injected so that both can be tested.
 *
 * @module
 */
import { assertFiniteNumber, raise } from "../_shared/validate.ts";
import type { _Info, _ProgressState } from "./_progress_format.ts";

/** Where a progress bar draws itself. `final` is true for the call made by `finish`. */
export type _ProgressSink = (state: _ProgressState, final: boolean) => void;

/** The minimum time between two drawn updates, in milliseconds. */
export const _THROTTLE_MS = 100;

/** A progress bar on an injected sink and clock. */
export function _createProgressCore(
  total: number,
  label: string,
  sink: _ProgressSink,
  { now = () => performance.now(), throttleMs = _THROTTLE_MS } = {},
): { update(done: number, info?: _Info): void; finish(info?: _Info): void } {
  assertFiniteNumber(total, "total", "create progress", { min: 0 });
  if (typeof label !== "string") raise("type", "create progress", "label must be a string");
  const start = now();
  let lastDraw = -Infinity;
  let done = 0;
  let info: _Info = {};
  let finished = false;

  const snapshot = (): _ProgressState => ({
    label,
    done,
    total,
    elapsedMs: now() - start,
    info: { ...info },
    finished,
  });
  const checkInfo = (value: _Info | undefined, context: string): _Info => {
    if (value === undefined) return info;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      raise("type", context, "info must be an object of numbers and strings");
    }
    for (const [k, v] of Object.entries(value)) {
      if (typeof v !== "number" && typeof v !== "string") {
        raise("type", context, `info.${k} must be a number or a string, got ${typeof v}`);
      }
    }
    return { ...info, ...value };
  };

  return {
    update(value: number, extra?: _Info): void {
      assertFiniteNumber(value, "done", "update progress", { min: 0, max: total });
      const merged = checkInfo(extra, "update progress");
      if (finished) return;
      info = merged;
      done = value;
      const t = now();
      if (t - lastDraw >= throttleMs || done === total) {
        lastDraw = t;
        sink(snapshot(), false);
      }
    },
    finish(extra?: _Info): void {
      if (finished) return;
      info = checkInfo(extra, "finish progress");
      finished = true;
      sink(snapshot(), true);
    },
  };
}
