import assert from "node:assert/strict";
import {
  closeRenderer,
  figureBundle,
  findBrowser,
  lineChart,
  PLOTLY_MIME,
  renderPng,
  subplotGrid,
} from "../../lib/plot/mod.ts";
import { evalScript, PNG_SIGNATURE, pngSize, TITLES } from "./_helpers.ts";

const hasBrowser = findBrowser() !== undefined && Deno.env.get("WORKBOOK_BROWSER") !== "none";
const fig = lineChart([{ name: "a", x: [1, 2, 3], y: [1, NaN, 2] }, {
  name: "b",
  x: [1, 2, 3],
  y: [2, 1, 0],
}], {
  title: "Bundle test",
  xTitle: "x (s)",
  yTitle: "y (m)",
});

function decode(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

Deno.test({
  name: "figureBundle() holds Plotly JSON, a PNG of the configured size and the title",
  ignore: !hasBrowser,
  async fn() {
    try {
      const bundle = await figureBundle(fig);
      assert.deepEqual(Object.keys(bundle).sort(), [PLOTLY_MIME, "image/png", "text/plain"]);
      assert.equal(bundle["text/plain"], "Figure: Bundle test");
      assert.deepEqual(bundle[PLOTLY_MIME], JSON.parse(JSON.stringify(fig)));
      const png = decode(bundle["image/png"] as string);
      assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
      assert.deepEqual(pngSize(png), { width: 720, height: 420 });
      // The display hook the kernel calls gives the same bundle.
      const hook = (fig as unknown as Record<symbol, () => Promise<Record<string, unknown>>>)[
        Symbol.for("Jupyter.display")
      ];
      const viaHook = await hook.call(fig);
      assert.deepEqual(Object.keys(viaHook).sort(), Object.keys(bundle).sort());
      // A grid renders at its own size.
      const grid = subplotGrid([fig, fig, fig], { title: "Grid" });
      const gridPng = await renderPng(grid);
      assert.deepEqual(pngSize(gridPng!), { width: grid.layout.width, height: grid.layout.height });
    } finally {
      await closeRenderer();
    }
  },
});

Deno.test({
  name: "renderPng() works again after closeRenderer()",
  ignore: !hasBrowser,
  async fn() {
    try {
      const first = await renderPng(fig);
      await closeRenderer();
      const second = await renderPng(fig);
      assert.ok(first && second);
      assert.deepEqual(pngSize(second), { width: 720, height: 420 });
    } finally {
      await closeRenderer();
    }
  },
});

Deno.test("figureBundle() without a browser has no PNG and warns once per process", async () => {
  const { code, stdout, stderr } = await evalScript(
    `
    import { figureBundle, lineChart } from "@lib/plot/mod.ts";
    const fig = lineChart([{ x: [1, 2], y: [1, 2] }], ${JSON.stringify(TITLES)});
    const a = await figureBundle(fig);
    const b = await figureBundle(fig);
    console.log(JSON.stringify([Object.keys(a).sort(), Object.keys(b).sort()]));
  `,
    { WORKBOOK_BROWSER: "none" },
  );
  assert.equal(code, 0, stderr);
  assert.deepEqual(JSON.parse(stdout), [
    [PLOTLY_MIME, "text/plain"],
    [PLOTLY_MIME, "text/plain"],
  ]);
  const lines = stderr.trim().split("\n");
  assert.equal(lines.length, 1, stderr);
  assert.equal(
    lines[0],
    "Figures are shown without PNG images: WORKBOOK_BROWSER is none. Install Chromium (apt-get install chromium) or set WORKBOOK_BROWSER to a Chromium or Chrome executable.",
  );
});

Deno.test("figureBundle() with a browser that does not start has no PNG and warns once", async () => {
  const { code, stdout, stderr } = await evalScript(
    `
    import { figureBundle, lineChart } from "@lib/plot/mod.ts";
    const fig = lineChart([{ x: [1, 2], y: [1, 2] }], ${JSON.stringify(TITLES)});
    const a = await figureBundle(fig);
    const b = await figureBundle(fig);
    console.log(JSON.stringify([Object.keys(a).length, Object.keys(b).length]));
  `,
    { WORKBOOK_BROWSER: "/nonexistent/chromium" },
  );
  assert.equal(code, 0, stderr);
  assert.deepEqual(JSON.parse(stdout), [2, 2]);
  const lines = stderr.trim().split("\n");
  assert.equal(lines.length, 1, stderr);
  assert.match(
    lines[0],
    /^Figures are shown without PNG images: starting \/nonexistent\/chromium failed/,
  );
});

Deno.test({
  name: "a script that rendered a figure exits without closing the renderer, leaving no browser",
  ignore: !hasBrowser,
  async fn() {
    const t0 = performance.now();
    const { code, stdout, stderr } = await evalScript(`
      import { renderPng, lineChart } from "@lib/plot/mod.ts";
      const png = await renderPng(lineChart([{ x: [1, 2], y: [1, 2] }], ${JSON.stringify(TITLES)}));
      console.log(png?.length ?? 0);
    `);
    assert.equal(code, 0, stderr);
    assert.ok(Number(stdout) > 1000);
    // It exits (a script left waiting on the browser never would); the bound is for a hang,
    // not for speed, and holds on a machine as busy as a shared CI runner.
    assert.ok(performance.now() - t0 < 120_000);
  },
});
