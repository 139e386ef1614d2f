import { createRequire } from "node:module";
import { figureBundle } from "./bundle.ts";
import { _plainTitle, type FigureSpec } from "./figure.ts";
import { _getJupyter } from "./_jupyter.ts";
import { renderPng } from "./renderer.ts";
import { _requireText } from "./_checks.ts";
import { raise } from "../_shared/validate.ts";

const require = createRequire(import.meta.url);

/** Options of {@link show}. */
export interface ShowOptions {
  /**
   * File to write, ending in `.html` (interactive, plotly.js inlined, works offline)
   * or `.png`. Outside the kernel the default is both
   * `out/figures/<title>.html` and `.png`; in the kernel nothing is written unless a
   * path is given. @default undefined
   */
  path?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A standalone HTML page showing the figure interactively, with plotly.js inlined
 * from `node_modules` (no network needed).
 *
 * @param spec The figure.
 * @returns The HTML text (about 5 MB, mostly plotly.js).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { figureHtml, lineChart } from "@lib/plot/mod.ts";
 * const fig = lineChart([{ x: [0, 1], y: [1, 0] }], { title: "Demo", xTitle: "x", yTitle: "y" });
 * const html = figureHtml(fig);
 * assert.ok(html.includes("<title>Demo</title>"));
 * assert.ok(!/<script src=/.test(html)); // plotly.js is inlined
 * ```
 */
export function figureHtml(spec: FigureSpec): string {
  const plotly = Deno.readTextFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"));
  // "<" is escaped so that no string in the data can close the script element.
  const json = JSON.stringify({ data: spec.data, layout: spec.layout }).replace(/</g, "\\u003c");
  const title = escapeHtml(_plainTitle(spec) ?? "Figure");
  return `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n` +
    `<script>${plotly}</script>\n</head>\n<body>\n<div id="figure"></div>\n<script>\n` +
    `const spec = ${json};\nPlotly.newPlot("figure", spec.data, spec.layout, { displaylogo: false });\n` +
    `</script>\n</body>\n</html>\n`;
}

/** A file name from a title: lower case, words joined by `-`. */
export function _slug(title: string): string {
  const slug = title.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "figure" : slug.slice(0, 80);
}

function ensureDir(path: string): void {
  const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
  if (dir !== "") Deno.mkdirSync(dir, { recursive: true });
}

async function writeFigure(spec: FigureSpec, path: string): Promise<string | undefined> {
  ensureDir(path);
  if (path.endsWith(".html")) {
    Deno.writeTextFileSync(path, figureHtml(spec));
    return path;
  }
  const png = await renderPng(spec);
  if (!png) return undefined;
  Deno.writeFileSync(path, png);
  return path;
}

/**
 * Shows a figure. In the Jupyter kernel it displays the figure's bundle (Plotly
 * JSON, PNG, text) – `await show(fig)` in a cell; ending the cell with `fig` does the
 * same. Outside the kernel (`deno run`) it writes `out/figures/<title>.html` and
 * `.png` (PNG only when a browser is found), or the one file `path` names, and
 * prints where. With `path` in the kernel it displays and writes the file.
 *
 * @param spec The figure.
 * @param options Where to write.
 * @returns A promise that resolves once the figure is shown or written.
 * @throws {RangeError} If `path` ends in neither `.html` nor `.png`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { closeRenderer, lineChart, show } from "@lib/plot/mod.ts";
 * const fig = lineChart([{ x: [0, 1], y: [1, 0] }], { title: "Demo", xTitle: "x", yTitle: "y" });
 * const path = await Deno.makeTempFile({ suffix: ".html" });
 * await show(fig, { path });
 * assert.ok(Deno.readTextFileSync(path).startsWith("<!DOCTYPE html>"));
 * Deno.removeSync(path);
 * await closeRenderer();
 * ```
 */
export async function show(spec: FigureSpec, options: ShowOptions = {}): Promise<void> {
  const context = "show figure";
  const { path } = options;
  if (path !== undefined) {
    _requireText(path, "path", context);
    if (!path.endsWith(".html") && !path.endsWith(".png")) {
      raise("range", context, `path must end in .html or .png, got ${JSON.stringify(path)}`);
    }
  }
  const jupyter = _getJupyter();
  if (jupyter) {
    await jupyter.display(await figureBundle(spec), { raw: true });
    if (path !== undefined) await writeFigure(spec, path);
    return;
  }
  const base = `out/figures/${_slug(_plainTitle(spec) ?? "figure")}`;
  const paths = path === undefined ? [`${base}.html`, `${base}.png`] : [path];
  const written: string[] = [];
  for (const p of paths) {
    const done = await writeFigure(spec, p);
    if (done) written.push(done);
  }
  console.log(`Figure "${_plainTitle(spec) ?? ""}" written to ${written.join(" and ")}`);
}
