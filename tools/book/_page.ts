/**
 * The book's HTML: the page frame (header with search, side navigation,
 * previous/next links) and the bodies of the chapter, index and experiment pages.
 *
 * @module
 */
import type { Experiment } from "./experiments/mod.ts";
import { createMarkdown, escapeHtml, type Heading, highlight } from "./_markdown.ts";
import { cellSource, type Chapter } from "./_notebook.ts";
import { renderOutput } from "./_outputs.ts";

/** A link in the page frame. */
export interface Link {
  href: string;
  text: string;
}

/** What the frame of one page needs. */
export interface Frame {
  title: string;
  /** Prefix from this page to the site root: `""` or `"../"`. */
  root: string;
  body: string;
  /** Table of contents of this page. */
  headings: Heading[];
  /** Extra side-bar HTML (e.g. library links). */
  aside?: string;
  prev?: Link;
  next?: Link;
  /** Load plotly.js (pages with figures or experiments). */
  plots: boolean;
}

/** A whole HTML page. */
export function page(frame: Frame): string {
  const r = frame.root;
  const toc = frame.headings.filter((h) => h.level >= 2 && h.level <= 3).map((h) =>
    `<li class="toc-${h.level}"><a href="#${h.id}">${escapeHtml(h.text)}</a></li>`
  ).join("");
  const pager = [
    frame.prev
      ? `<a rel="prev" href="${r}${frame.prev.href}">← ${escapeHtml(frame.prev.text)}</a>`
      : "<span></span>",
    frame.next
      ? `<a rel="next" href="${r}${frame.next.href}">${escapeHtml(frame.next.text)} →</a>`
      : "<span></span>",
  ].join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(frame.title)} · ML system design, executable</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${r}assets/katex/katex.min.css">
<link rel="stylesheet" href="${r}assets/highlight.css">
<link rel="stylesheet" href="${r}assets/book.css">
</head>
<body data-root="${r}">
<header class="top">
<a class="home" href="${r}index.html">ML system design, executable</a>
<nav class="top-links"><a href="${r}experiments.html">Live experiments</a> <a href="${r}api/index.html">Library API</a></nav>
<div class="search"><label for="search" class="visually-hidden">Search the book</label>
<input id="search" type="search" placeholder="Search the book" autocomplete="off">
<ul id="search-results" hidden></ul></div>
</header>
<div class="layout">
<nav class="side" aria-label="On this page">${toc ? `<h2>On this page</h2><ul>${toc}</ul>` : ""}${
    frame.aside ?? ""
  }</nav>
<main>
${frame.body}
<nav class="pager" aria-label="Chapters">${pager}</nav>
</main>
</div>
${frame.plots ? `<script src="${r}assets/plotly.min.js"></script>` : ""}
<script src="${r}assets/book.js"></script>
${
    frame.body.includes("data-experiment=")
      ? `<script src="${r}assets/experiments.js"></script>`
      : ""
  }
</body>
</html>
`;
}

/** The HTML of a live experiment: controls (labelled, keyboard-reachable), numbers, figure. */
export function renderExperiment(e: Experiment, markdown: (md: string) => string): string {
  const controls = e.controls.map((c) => {
    const id = `${e.id}-${c.name}`;
    if (c.kind === "range") {
      return `<div class="control"><label for="${id}">${escapeHtml(c.label)}</label>` +
        `<input type="range" id="${id}" data-param="${c.name}" min="${c.min}" max="${c.max}" step="${c.step}" value="${c.value}">` +
        `<output for="${id}">${c.value}</output></div>`;
    }
    const options = c.options.map((o) =>
      `<option value="${escapeHtml(o.value)}"${o.value === c.value ? " selected" : ""}>${
        escapeHtml(o.label)
      }</option>`
    ).join("");
    return `<div class="control"><label for="${id}">${escapeHtml(c.label)}</label>` +
      `<select id="${id}" data-param="${c.name}">${options}</select></div>`;
  }).join("");
  return `<section class="experiment" id="experiment-${e.id}" data-experiment="${e.id}" data-state="idle">
<h3>▶ Live experiment: ${escapeHtml(e.title)}</h3>
${markdown(e.intro)}
<form class="controls" onsubmit="return false">${controls}</form>
<p class="status" aria-live="polite"></p>${
    e.worker ? `<progress hidden aria-label="progress of the run"></progress>` : ""
  }
<dl class="numbers" aria-live="polite"></dl>
<p class="summary"></p>
<figure class="figure live" role="img" aria-label="Figure: ${
    escapeHtml(e.title)
  }"><div class="plot" style="min-height:420px"></div></figure>
</section>`;
}

/** Rendered chapter: its body and headings. */
export interface ChapterBody {
  body: string;
  headings: Heading[];
  /** Plain text of each section (for search): heading id, heading text, text. */
  sections: { id: string; title: string; text: string }[];
}

/** Links `"@lib/<module>/mod.ts"` strings in highlighted code to the module's API page. */
function linkLibImports(html: string, modules: Set<string>): string {
  return html.replace(
    /(&quot;|&#x27;|")@lib\/([a-z_]+)\/([^"&]*?)(&quot;|&#x27;|")/g,
    (all, open, mod, rest, close) =>
      modules.has(mod)
        ? `<a class="api-link" href="api/${mod}.html">${open}@lib/${mod}/${rest}${close}</a>`
        : all,
  );
}

/** The body of a chapter page: cells in order, live experiments after their cells. */
export function renderChapter(
  chapter: Chapter,
  experiments: readonly Experiment[],
  apiModules: Set<string>,
): ChapterBody {
  const md = createMarkdown();
  const parts: string[] = [];
  const placed = new Set<string>();
  const sections: ChapterBody["sections"] = [];
  let current = { id: "top", title: chapter.title, text: "" };
  const plain = (s: string) => s.replace(/[#*`$|_>]/g, " ").replace(/\s+/g, " ");
  for (const [index, cell] of chapter.notebook.cells.entries()) {
    const source = cellSource(cell);
    if (cell.cell_type === "markdown") {
      // Split at headings, so that an experiment can be placed before one.
      for (const chunk of source.split(/^(?=#{1,6}\s)/m)) {
        const heading = /^#{1,6}\s+(.+)/.exec(chunk)?.[1].trim();
        for (const e of experiments) {
          if (!placed.has(e.id) && heading !== undefined && e.beforeHeading === heading) {
            parts.push(renderExperiment(e, md.render));
            placed.add(e.id);
          }
        }
        const before = md.headings.length;
        parts.push(`<div class="cell markdown">${md.render(chunk)}</div>`);
        for (const h of md.headings.slice(before)) {
          if (h.level <= 2) {
            sections.push(current);
            current = { id: h.id, title: h.text, text: "" };
          }
        }
        current.text += " " + plain(chunk);
      }
    } else if (cell.cell_type === "code") {
      const tags = cell.metadata?.tags ?? [];
      const code = linkLibImports(highlight(source), apiModules);
      const outputs = (cell.outputs ?? []).map((o) => renderOutput(o, md.render)).join("\n");
      const label = tags.includes("parameters") ? `<span class="cell-label">parameters</span>` : "";
      const input = cell.metadata?.jupyter?.source_hidden
        ? `<details class="hidden-source"><summary>Show the solution's code</summary>${code}</details>`
        : code;
      parts.push(
        `<div class="cell code" id="cell-${
          escapeHtml(cell.id ?? String(index))
        }">${label}${input}` +
          (outputs ? `<div class="outputs">${outputs}</div>` : "") + `</div>`,
      );
      current.text += " " + source.replace(/\s+/g, " ");
    }
    for (const e of experiments) {
      if (!placed.has(e.id) && e.afterCell !== undefined && e.afterCell === cell.id) {
        parts.push(renderExperiment(e, md.render));
        placed.add(e.id);
      }
    }
  }
  const rest = experiments.filter((e) => !placed.has(e.id));
  if (rest.length > 0) {
    parts.push(md.render("## Live experiments"));
    for (const e of rest) parts.push(renderExperiment(e, md.render));
  }
  sections.push(current);
  return { body: parts.join("\n"), headings: md.headings, sections };
}
