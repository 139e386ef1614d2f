import assert from "node:assert/strict";
import { createProgress } from "../../lib/plot/mod.ts";
import { _createProgressCore } from "../../lib/plot/_progress_core.ts";
import {
  _formatDuration,
  _formatValue,
  _progressHtml,
  type _ProgressState,
  _progressText,
} from "../../lib/plot/_progress_format.ts";
import { evalScript } from "./_helpers.ts";

function recorder(start = 0) {
  let t = start;
  const drawn: { state: _ProgressState; final: boolean }[] = [];
  return {
    now: () => t,
    advance: (ms: number) => (t += ms),
    sink: (state: _ProgressState, final: boolean) => drawn.push({ state, final }),
    drawn,
  };
}

Deno.test("createProgress() draws the first update, throttles the rest, always draws the total", () => {
  const r = recorder();
  const p = _createProgressCore(10, "train", r.sink, { now: r.now, throttleMs: 100 });
  p.update(1);
  r.advance(30);
  p.update(2); // 30 ms after the last draw: skipped
  r.advance(80);
  p.update(3); // 110 ms: drawn
  r.advance(1);
  p.update(10); // the total: drawn despite the throttle
  assert.deepEqual(r.drawn.map((d) => d.state.done), [1, 3, 10]);
});

Deno.test("createProgress() finish() always draws once, marks the state final, ignores later calls", () => {
  const r = recorder();
  const p = _createProgressCore(100, "fit", r.sink, { now: r.now, throttleMs: 100 });
  p.update(37, { loss: 0.5 });
  r.advance(5);
  p.update(38, { loss: 0.4 }); // throttled
  p.finish({ stopped: "early" });
  p.finish();
  p.update(40);
  assert.equal(r.drawn.length, 2);
  const last = r.drawn[1];
  assert.equal(last.final, true);
  assert.equal(last.state.finished, true);
  assert.equal(last.state.done, 38); // an early stop keeps the last count
  assert.deepEqual(last.state.info, { loss: 0.4, stopped: "early" });
  assert.equal(last.state.elapsedMs, 5);
});

Deno.test("createProgress() merges info pairs across updates", () => {
  const r = recorder();
  const p = _createProgressCore(3, "fit", r.sink, { now: r.now, throttleMs: 0 });
  p.update(1, { epoch: 1, loss: 0.9 });
  p.update(2, { loss: 0.5 });
  assert.deepEqual(r.drawn[1].state.info, { epoch: 1, loss: 0.5 });
});

Deno.test("createProgress() rejects bad totals, labels, counts, info and modes", () => {
  const cases: [() => unknown, ErrorConstructor, string][] = [
    [
      () => createProgress({ total: -1, label: "a", mode: "silent" }),
      RangeError,
      "Cannot create progress: total must be at least 0, got -1",
    ],
    [
      () => createProgress({ total: NaN, label: "a", mode: "silent" }),
      RangeError,
      "Cannot create progress: total must be finite, got NaN",
    ],
    [
      () => createProgress({ total: 3, label: 3 as unknown as string, mode: "silent" }),
      TypeError,
      "Cannot create progress: label must be a string",
    ],
    [
      () => createProgress({ total: 3, label: "a", mode: "loud" as "silent" }),
      RangeError,
      'Cannot create progress: mode must be one of "auto", "kernel", "terminal", "silent", got "loud"',
    ],
    [
      () => createProgress({ total: 3, label: "a", mode: "kernel" }),
      RangeError,
      'Cannot create progress: mode "kernel" needs the Deno Jupyter kernel (use "auto" or "terminal")',
    ],
    [
      () => createProgress({ total: 3, label: "a", mode: "silent" }).update(4),
      RangeError,
      "Cannot update progress: done must be at most 3, got 4",
    ],
    [
      () => createProgress({ total: 3, label: "a", mode: "silent" }).update(NaN),
      RangeError,
      "Cannot update progress: done must be finite, got NaN",
    ],
    [
      () =>
        createProgress({ total: 3, label: "a", mode: "silent" }).update(1, {
          loss: [1] as unknown as number,
        }),
      TypeError,
      "Cannot update progress: info.loss must be a number or a string, got object",
    ],
    [
      () => createProgress({ total: 3, label: "a", mode: "silent" }).finish(5 as never),
      TypeError,
      "Cannot finish progress: info must be an object of numbers and strings",
    ],
  ];
  for (const [fn, kind, message] of cases) assert.throws(fn, { name: kind.name, message });
});

Deno.test("_progressText() shows label, bar, counts, percent, time left and info", () => {
  const state = {
    label: "train",
    done: 5,
    total: 10,
    elapsedMs: 2000,
    info: { epoch: 5, loss: 0.123456 },
    finished: false,
  };
  assert.equal(
    _progressText(state, 10),
    "train [#####-----] 5/10 50% 2.0s elapsed, ~2.0s left | epoch=5 loss=0.1235",
  );
  assert.equal(
    _progressText({ ...state, done: 10, finished: true, info: {} }, 10),
    "train [##########] 10/10 100% 2.0s total",
  );
  assert.equal(
    _progressText({ ...state, total: 0, done: 0, info: {} }, 4),
    "train [####] 0/0 100% 2.0s elapsed",
  );
});

Deno.test("_progressHtml() escapes the label and info and sizes the bar", () => {
  const html = _progressHtml({
    label: "<b>x</b>",
    done: 1,
    total: 4,
    elapsedMs: 0,
    info: { "a&b": "<i>" },
    finished: false,
  });
  assert.ok(html.includes("&lt;b&gt;x&lt;/b&gt;"));
  assert.ok(html.includes("<b>a&amp;b</b> &lt;i&gt;"));
  assert.ok(html.includes("width:25.0%"));
  assert.ok(!html.includes("<script"));
});

Deno.test("_formatDuration() and _formatValue() format times and numbers", () => {
  assert.deepEqual([0, 1234, 125_000, 3_725_000].map(_formatDuration), [
    "0.0s",
    "1.2s",
    "2m05s",
    "1h02m",
  ]);
  assert.deepEqual(
    [3, 0.123456, 1234.5678, 0.0000123, 2.5e7 + 0.5, 2.5e7, NaN, "x"].map(_formatValue),
    ["3", "0.1235", "1235", "1.230e-5", "2.500e+7", "25000000", "NaN", "x"],
  );
});

Deno.test("createProgress() in terminal mode writes progress lines to stderr, nothing to stdout", async () => {
  const { code, stdout, stderr } = await evalScript(`
    import { createProgress } from "@lib/plot/mod.ts";
    const p = createProgress({ total: 4, label: "epochs", mode: "terminal" });
    for (let i = 1; i <= 4; i++) p.update(i, { loss: 1 / i });
    p.finish();
  `);
  assert.equal(code, 0, stderr);
  assert.equal(stdout, "");
  // stderr is a pipe here, so every drawn state is a line: the first, the total, the finish.
  assert.deepEqual(stderr.trimEnd().split("\n"), [
    "epochs [#####---------------] 1/4 25% 0.0s elapsed, ~0.0s left | loss=1",
    "epochs [####################] 4/4 100% 0.0s elapsed | loss=0.25",
    "epochs [####################] 4/4 100% 0.0s total | loss=0.25",
  ]);
});

Deno.test("createProgress() in silent mode and in auto mode outside the kernel", async () => {
  const silent = await evalScript(`
    import { createProgress } from "@lib/plot/mod.ts";
    const p = createProgress({ total: 2, label: "quiet", mode: "silent" });
    p.update(1); p.update(2); p.finish();
  `);
  assert.equal(silent.code, 0, silent.stderr);
  assert.equal(silent.stdout + silent.stderr, "");
  const auto = await evalScript(`
    import { createProgress } from "@lib/plot/mod.ts";
    const p = createProgress({ total: 1, label: "auto" });
    p.update(1); p.finish();
  `);
  assert.equal(auto.code, 0, auto.stderr);
  assert.match(auto.stderr, /^auto \[#+\] 1\/1 100%/);
});
