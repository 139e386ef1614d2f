import type { MimeBundle } from "./_jupyter.ts";
import { _plainTitle, type FigureSpec } from "./figure.ts";
import { renderPng } from "./renderer.ts";

/** The media type of Plotly figures in Jupyter. */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** Encodes bytes as base64 (what Jupyter expects for images). */
export function _encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * The MIME bundle of a figure: `application/vnd.plotly.v1+json` (the spec),
 * `image/png` (base64; left out when no browser is available) and `text/plain`
 * (`Figure: <title>`). If rendering fails, the bundle has no PNG and the error is
 * reported once on stderr.
 *
 * @param spec The `{ data, layout }` of a figure.
 * @returns The bundle, ready for `Deno.jupyter.display(bundle, { raw: true })`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { closeRenderer, figureBundle, lineChart } from "@lib/plot/mod.ts";
 * const fig = lineChart([{ x: [0, 1], y: [1, 0] }], { title: "Demo", xTitle: "x", yTitle: "y" });
 * const bundle = await figureBundle(fig);
 * assert.equal(bundle["text/plain"], "Figure: Demo");
 * await closeRenderer();
 * ```
 */
export async function figureBundle(spec: FigureSpec): Promise<MimeBundle> {
  // A JSON round trip turns NaN into null and drops undefined fields, as the kernel would.
  const json = JSON.parse(JSON.stringify({ data: spec.data, layout: spec.layout }));
  const bundle: MimeBundle = {
    [PLOTLY_MIME]: json,
    "text/plain": `Figure: ${_plainTitle(spec) ?? "(untitled)"}`,
  };
  try {
    const png = await renderPng(spec);
    if (png) bundle["image/png"] = _encodeBase64(png);
  } catch (error) {
    reportOnce(error);
  }
  return bundle;
}

let reported = false;
function reportOnce(error: unknown): void {
  if (reported) return;
  reported = true;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  console.warn(`A figure could not be rendered to PNG: ${message}`);
}
