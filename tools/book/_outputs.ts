/**
 * Cell outputs to HTML, by MIME priority: claims, Plotly figures (drawn in the
 * page by plotly.js), HTML (DataFrame tables), PNG, markdown, plain text.
 *
 * @module
 */
import { escapeHtml } from "./_markdown.ts";
import { joinText, type Output } from "./_notebook.ts";

/** The MIME type of a claim output. */
export const CLAIM_MIME = "application/vnd.workbook.claim+json";
/** The MIME type of a Plotly figure. */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/**
 * The trace types of plotly.js's cartesian bundle (`plotly.js-cartesian-dist-min`,
 * 1.4 MB instead of the full bundle's 4.9 MB), which the book serves when every
 * figure needs only these.
 */
export const CARTESIAN_TRACES: ReadonlySet<string> = new Set([
  "bar",
  "box",
  "contour",
  "heatmap",
  "histogram",
  "histogram2d",
  "histogram2dcontour",
  "image",
  "pie",
  "scatter",
  "scatterternary",
  "violin",
]);

/** The trace types of a Plotly figure (`scatter` when a trace names none, as in plotly.js). */
export function traceTypes(figure: { data?: unknown }): string[] {
  if (!Array.isArray(figure.data)) return [];
  return [...new Set(figure.data.map((t) => String((t as { type?: unknown })?.type ?? "scatter")))];
}

/** The MIME types the book shows, best first. */
export const MIME_PRIORITY = [
  CLAIM_MIME,
  PLOTLY_MIME,
  "text/html",
  "image/png",
  "image/svg+xml",
  "text/markdown",
  "text/plain",
] as const;

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, "g");

/** The MIME type an output is shown as, or `undefined` when it shows nothing. */
export function chooseMime(data: Record<string, unknown>): string | undefined {
  return MIME_PRIORITY.find((mime) => mime in data);
}

interface Claim {
  ok: boolean;
  text: string;
  evidence?: Record<string, number | string | boolean>;
  /** Several statements shown by one output. */
  claims?: Claim[];
}

function renderClaim(claim: Claim): string {
  if (Array.isArray(claim.claims)) return claim.claims.map(renderClaim).join("");
  const evidence = Object.entries(claim.evidence ?? {})
    .map(([k, v]) =>
      `${escapeHtml(k)} = ${
        escapeHtml(typeof v === "number" ? String(Number(v.toPrecision(4))) : String(v))
      }`
    )
    .join(", ");
  return `<div class="claim ${
    claim.ok ? "ok" : "fail"
  }" role="note"><span class="mark" aria-label="${claim.ok ? "holds" : "fails"}">${
    claim.ok ? "✓" : "✗"
  }</span> ${escapeHtml(claim.text)}${
    evidence ? ` <span class="evidence">(${evidence})</span>` : ""
  }</div>`;
}

/** Title of a Plotly spec, as one line of plain text. */
export function figureTitle(spec: { layout?: { title?: { text?: string } | string } }): string {
  const title = spec.layout?.title;
  const text = typeof title === "string" ? title : title?.text ?? "";
  return text.replace(/<br\s*\/?>/gi, " ").replace(/<[^>]+>/g, "").trim();
}

/** Alt text of a figure: its title and axis titles. */
export function figureAlt(spec: Record<string, unknown>): string {
  // deno-lint-ignore no-explicit-any
  const layout = (spec as any).layout ?? {};
  const axis = (a: { title?: { text?: string } } | undefined) => a?.title?.text;
  const x = axis(layout.xaxis), y = axis(layout.yaxis);
  const title = figureTitle(spec as never) || "untitled figure";
  return `Figure: ${title}${x && y ? ` (${y} against ${x})` : ""}`;
}

/** A Plotly figure: an empty plot the page script draws from the embedded JSON. */
export function renderFigure(spec: Record<string, unknown>): string {
  const json = JSON.stringify(spec).replace(/</g, "\\u003c");
  const height = Number((spec.layout as { height?: number } | undefined)?.height ?? 420);
  return `<figure class="figure" data-figure role="img" aria-label="${
    escapeHtml(figureAlt(spec))
  }">` +
    `<div class="plot" style="min-height:${height}px"></div>` +
    `<script type="application/json">${json}</script></figure>`;
}

/** One output as HTML; `markdown` renders `text/markdown`. */
export function renderOutput(output: Output, markdown: (md: string) => string): string {
  if (output.output_type === "stream") {
    const text = joinText(output.text).replace(ANSI, "");
    return `<pre class="stream ${output.name === "stderr" ? "stderr" : ""}">${
      escapeHtml(text)
    }</pre>`;
  }
  if (output.output_type === "error") {
    const trace = (output.traceback ?? []).join("\n").replace(ANSI, "");
    return `<pre class="stream error">${
      escapeHtml(trace || `${output.ename}: ${output.evalue}`)
    }</pre>`;
  }
  const data = output.data ?? {};
  const mime = chooseMime(data);
  const value = data[mime ?? ""];
  switch (mime) {
    case CLAIM_MIME:
      return renderClaim(value as Claim);
    case PLOTLY_MIME:
      return renderFigure(value as Record<string, unknown>);
    case "text/html":
      return `<div class="html-output">${joinText(value)}</div>`;
    case "image/png": {
      const alt = joinText(data["text/plain"] ?? "image").replace(/^Figure: /, "");
      return `<img class="png" alt="${escapeHtml(alt)}" src="data:image/png;base64,${
        joinText(value).replace(/\s/g, "")
      }">`;
    }
    case "image/svg+xml":
      return `<div class="svg-output">${joinText(value)}</div>`;
    case "text/markdown":
      return `<div class="markdown-output">${markdown(joinText(value))}</div>`;
    case "text/plain":
      return `<pre class="text-output">${escapeHtml(joinText(value).replace(ANSI, ""))}</pre>`;
    default:
      return "";
  }
}
