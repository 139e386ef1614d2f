import { _getJupyter } from "./_jupyter.ts";
import { _createProgressCore, type _ProgressSink } from "./_progress_core.ts";
import { _progressHtml, _progressText } from "./_progress_format.ts";
import { assertOneOf } from "../_shared/validate.ts";

/** Extra key–value pairs shown next to the bar, e.g. `{ epoch: 3, loss: 0.4123 }`. */
export interface ProgressInfo {
  [key: string]: number | string;
}

/** A running progress bar. */
export interface Progress {
  /**
   * Records that `done` of `total` steps are complete and merges `info` into the
   * pairs shown. Drawing is throttled to one update per 100 ms; reaching `total`
   * always draws. Calls after {@link Progress.finish} are ignored.
   *
   * @throws {RangeError} If `done` is not a finite number in [0, total].
   * @throws {TypeError} If an `info` value is neither a number nor a string.
   */
  update(done: number, info?: ProgressInfo): void;
  /**
   * Draws the final state (always, regardless of throttling) with the total
   * elapsed time. `done` keeps its last value, so an early stop shows e.g. `37/100`.
   * Calling it again does nothing.
   */
  finish(info?: ProgressInfo): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Number of steps (epochs, batches, items); 0 is allowed and shows 100 %. */
  total: number;
  /** What is running, e.g. `"train MLP"`. */
  label: string;
  /**
   * Where to draw: `"kernel"` one output updated in place in the Jupyter kernel,
   * `"terminal"` a line on stderr, `"silent"` nowhere; `"auto"` picks the kernel
   * when running in it and the terminal otherwise.
   * @default "auto"
   */
  mode?: "auto" | "kernel" | "terminal" | "silent";
}

let displayCounter = 0;

function kernelSink(): _ProgressSink {
  const jupyter = _getJupyter();
  if (jupyter === undefined) {
    throw new RangeError(
      'Cannot create progress: mode "kernel" needs the Deno Jupyter kernel (use "auto" or "terminal")',
    );
  }
  const id = `workbook-progress-${Date.now().toString(36)}-${++displayCounter}`;
  let shown = false;
  return (state) => {
    const bundle = { "text/plain": _progressText(state), "text/html": _progressHtml(state) };
    const update = shown;
    shown = true;
    // Not awaited: the kernel sends messages in call order, and a cell that ends
    // right after finish() still publishes the final state before it reports idle.
    jupyter.display(bundle, { raw: true, display_id: id, update }).catch(() => {});
  };
}

/** Standard error of the Deno process; `undefined` in a browser. */
function stderr(): typeof Deno.stderr | undefined {
  return (globalThis as { Deno?: { stderr?: typeof Deno.stderr } }).Deno?.stderr;
}

function terminalSink(err: typeof Deno.stderr, tty: boolean): _ProgressSink {
  const encoder = new TextEncoder();
  return (state, final) => {
    const text = _progressText(state);
    // On a terminal the line is redrawn in place; in a log every drawn state is a line.
    const out = tty ? `\r\x1b[2K${text}${final ? "\n" : ""}` : `${text}\n`;
    err.writeSync(encoder.encode(out));
  };
}

/**
 * Creates a progress bar for a long loop (training epochs, simulations).
 *
 * In the Deno Jupyter kernel it shows one output (text and an HTML bar with the
 * label, `done/total`, elapsed time, an estimate of the time left and the `info`
 * pairs) and replaces it in place on every update. In a terminal it redraws a
 * line on stderr; when stderr is not a terminal (a log file, CI) it writes one line
 * per drawn update, at most one a second. Outside Deno (a browser) `"auto"` and
 * `"terminal"` draw nothing. Updates are throttled to one per 100 ms;
 * reaching `total` and `finish()` always draw.
 *
 * Kernel messages are sent without waiting (the interface is synchronous); they
 * go out in call order, but the kernel may publish the last one just after the
 * cell reports idle, so a headless executor must keep reading outputs briefly
 * after idle. A fully synchronous loop cannot redraw while it runs: the updates
 * are sent when it ends.
 *
 * @param options Total steps, label and mode.
 * @returns A {@link Progress} with `update(done, info?)` and `finish(info?)`.
 * @throws {RangeError} If `total` is negative or not finite, `mode` is unknown, or
 * `mode` is `"kernel"` outside the kernel.
 * @throws {TypeError} If `label` is not a string.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createProgress } from "@lib/plot/mod.ts";
 * const progress = createProgress({ total: 3, label: "train", mode: "silent" });
 * for (let epoch = 1; epoch <= 3; epoch++) progress.update(epoch, { epoch, loss: 1 / epoch });
 * progress.finish();
 * assert.throws(() => progress.update(-1), RangeError); // still validated
 * ```
 */
export function createProgress(options: ProgressOptions): Progress {
  const { total, label, mode = "auto" } = options;
  assertOneOf(mode, ["auto", "kernel", "terminal", "silent"] as const, "mode", "create progress");
  const resolved = mode === "auto" ? (_getJupyter() ? "kernel" : "terminal") : mode;
  if (resolved === "kernel") return _createProgressCore(total, label, kernelSink());
  if (resolved === "silent") return _createProgressCore(total, label, () => {});
  const err = stderr();
  if (err === undefined) return _createProgressCore(total, label, () => {});
  // In a log (stderr not a terminal) every drawn state is a new line: draw less often.
  const tty = err.isTerminal();
  return _createProgressCore(total, label, terminalSink(err, tty), {
    throttleMs: tty ? 100 : 1000,
  });
}
