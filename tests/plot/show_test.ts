import assert from "node:assert/strict";
import { closeRenderer, figureHtml, findBrowser, lineChart, show } from "../../lib/plot/mod.ts";
import { _slug } from "../../lib/plot/show.ts";
import { PNG_SIGNATURE, pngSize, ROOT, TITLES } from "./_helpers.ts";

const hasBrowser = findBrowser() !== undefined && Deno.env.get("WORKBOOK_BROWSER") !== "none";

Deno.test("figureHtml() inlines plotly.js and escapes the spec so that no script can close early", () => {
  const fig = lineChart([{ name: "</script><b>", x: [1], y: [1] }, { name: "b", x: [1], y: [2] }], {
    ...TITLES,
    title: "A <b> & c",
  });
  const html = figureHtml(fig);
  assert.ok(html.startsWith("<!DOCTYPE html>"));
  assert.ok(html.includes("<title>A &lt;b&gt; &amp; c</title>"));
  assert.ok(html.includes("plotly.js v3.7.0"));
  assert.ok(!/<script src=/.test(html));
  assert.equal(html.split("</script>").length - 1, 2); // the plotly.js element and the figure's
  assert.ok(html.includes("\\u003c/script>\\u003cb>"));
});

Deno.test("_slug() makes file names from titles", () => {
  assert.equal(_slug("Loss per epoch (MLP, 3 layers)"), "loss-per-epoch-mlp-3-layers");
  assert.equal(_slug("Überblick"), "uberblick");
  assert.equal(_slug("!!!"), "figure");
});

Deno.test("show() outside the kernel writes the file a path names", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const fig = lineChart([{ x: [1, 2], y: [1, 2] }], TITLES);
    await show(fig, { path: `${dir}/sub/figure.html` });
    assert.ok(Deno.readTextFileSync(`${dir}/sub/figure.html`).includes('"title":{"text":"T"'));
    if (hasBrowser) {
      await show(fig, { path: `${dir}/figure.png` });
      const png = Deno.readFileSync(`${dir}/figure.png`);
      assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
      assert.deepEqual(pngSize(png), { width: 720, height: 420 });
    }
  } finally {
    await closeRenderer();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("show() without a path writes out/figures/<title>.html and .png and says where", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "eval",
        "--quiet",
        "--config",
        `${ROOT}deno.json`,
        `import { lineChart, show } from "@lib/plot/mod.ts";
         await show(lineChart([{ x: [1, 2], y: [1, 2] }], { title: "Latency by load", xTitle: "load (req/s)", yTitle: "p99 (ms)" }));`,
      ],
      cwd: dir,
      env: { NO_COLOR: "1" },
    }).output();
    const stdout = new TextDecoder().decode(out.stdout);
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    const files = [...Deno.readDirSync(`${dir}/out/figures`)].map((e) => e.name).sort();
    assert.deepEqual(
      files,
      hasBrowser ? ["latency-by-load.html", "latency-by-load.png"] : ["latency-by-load.html"],
    );
    assert.equal(
      stdout,
      `Figure "Latency by load" written to out/figures/latency-by-load.html${
        hasBrowser ? " and out/figures/latency-by-load.png" : ""
      }\n`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("show() rejects a path that is neither .html nor .png", async () => {
  const fig = lineChart([{ x: [1], y: [1] }], TITLES);
  await assert.rejects(() => show(fig, { path: "figure.svg" }), {
    name: "RangeError",
    message: 'Cannot show figure: path must end in .html or .png, got "figure.svg"',
  });
  await assert.rejects(() => show(fig, { path: "" }), {
    name: "RangeError",
    message: "Cannot show figure: path must be a non-empty string",
  });
});
