/**
 * Builds the book (`deno task book`): a static site of the executed chapters
 * with live experiments, in `out/book/`.
 *
 * ```sh
 * deno run -A tools/book/build.ts [notebooks…] [--out DIR] [--executed] [--modules a,b]
 * ```
 *
 * - Without arguments every `notebooks/*.ipynb` is a chapter. A notebook whose
 *   executed copy in `out/notebooks/` is newer than it is reused; the others are
 *   executed by `tools/run_notebooks.ts`. The index shows each chapter's run
 *   time from `out/notebooks/run_times.json`, which the runner writes whenever it
 *   executes a notebook (`deno task workbook` too).
 * - `--executed`: the notebooks named already hold their outputs; nothing runs
 *   (the tests build a small site this way from `tests/fixtures/book/`).
 * - `--modules`: the library modules that get API pages (default: every `lib/*`
 *   with a `mod.ts`).
 *
 * The page script, the experiments script and one Web Worker per heavy
 * experiment (`assets/worker-<id>.js`, loaded on its first run) are bundled
 * from `tools/book/client/` and `tools/book/experiments/`; plotly.js, KaTeX's
 * CSS and fonts and the highlight.js theme are copied from `node_modules`, so the site works offline and from disk.
 *
 * @module
 */
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import MiniSearch from "minisearch";
import { experiments } from "./experiments/mod.ts";
import { bundleClient, workerScript } from "./_bundle.ts";
import { readApi, renderApiModule } from "./_api.ts";
import { createMarkdown, escapeHtml, highlight } from "./_markdown.ts";
import { type Chapter, libraryImports, type Notebook, titleAndGoals } from "./_notebook.ts";
import { type Link, page, renderChapter, renderExperiment } from "./_page.ts";
import { CARTESIAN_TRACES, PLOTLY_MIME, traceTypes } from "./_outputs.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);

/** Options of {@link buildBook} (the command-line flags). */
export interface BookOptions {
  /** Notebook files, one chapter each, in order (default: every `notebooks/*.ipynb`). */
  notebooks: string[];
  /** Folder of the site; emptied first. */
  out: string;
  /** The notebooks hold their outputs already: nothing is executed. */
  executed: boolean;
  /** Library modules that get an API page (default: every `lib/<m>/mod.ts`). */
  modules?: string[];
}

function parseArgs(args: string[]): BookOptions {
  const options: BookOptions = { notebooks: [], out: join(ROOT, "out", "book"), executed: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--out") options.out = args[++i];
    else if (a === "--executed") options.executed = true;
    else if (a === "--modules") options.modules = args[++i].split(",").filter((m) => m !== "");
    else if (a.startsWith("--")) throw new Error(`Cannot build the book: unknown option ${a}`);
    else options.notebooks.push(a);
  }
  return options;
}

function mtime(path: string): number {
  try {
    return Deno.statSync(path).mtime?.getTime() ?? 0;
  } catch {
    return 0;
  }
}

const TIMES = join(ROOT, "out", "notebooks", "run_times.json");

/** Executes the notebooks whose executed copies are missing or older; returns every copy's path. */
async function executeNotebooks(sources: string[]): Promise<{ paths: string[]; failed: string[] }> {
  const copyOf = (s: string) => join(ROOT, "out", "notebooks", basename(s));
  const stale = sources.filter((s) => mtime(copyOf(s)) <= mtime(s));
  const failed: string[] = [];
  if (stale.length > 0) {
    console.log(
      `Executing ${stale.length} notebook(s): ${stale.map((s) => basename(s)).join(", ")}`,
    );
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", join(ROOT, "tools", "run_notebooks.ts"), ...stale],
      cwd: ROOT,
      stdout: "piped",
      stderr: "inherit",
    }).spawn();
    let text = "";
    const decoder = new TextDecoder();
    for await (const chunk of child.stdout) {
      await Deno.stdout.write(chunk);
      text += decoder.decode(chunk, { stream: true });
    }
    await child.status;
    // The runner records each run's time in out/notebooks/run_times.json itself.
    for (const m of text.matchAll(/^(\S+\.ipynb)\s+FAIL\s/gm)) failed.push(basename(m[1]));
  }
  for (const source of sources) {
    if (mtime(copyOf(source)) === 0) {
      throw new Error(
        `Cannot build the book: ${
          basename(source)
        } has no executed copy in out/notebooks/ (see the runner's output above)`,
      );
    }
  }
  return { paths: sources.map(copyOf), failed };
}

function readTimes(): Record<string, number> {
  try {
    return JSON.parse(Deno.readTextFileSync(TIMES));
  } catch {
    return {};
  }
}

function allModules(): string[] {
  return [...Deno.readDirSync(join(ROOT, "lib"))]
    .filter((e) =>
      e.isDirectory && !e.name.startsWith("_") && mtime(join(ROOT, "lib", e.name, "mod.ts")) > 0
    )
    .map((e) => e.name)
    .sort();
}

/**
 * The plotly.js the site serves: the cartesian bundle when every trace type of
 * the figures is in it, else the full one. The experiments draw with `lib/plot`'s
 * charts, whose trace types `tests/book/experiments_test.ts` checks.
 */
export function plotlyFile(types: Iterable<string>): string {
  const all = [...types].every((t) => CARTESIAN_TRACES.has(t));
  return all
    ? require.resolve("plotly.js-cartesian-dist-min/plotly-cartesian.min.js")
    : require.resolve("plotly.js-dist-min/plotly.min.js");
}

/** The trace types of every figure output of the chapters. */
function chapterTraceTypes(chapters: readonly Chapter[]): Set<string> {
  const types = new Set<string>();
  for (const { notebook } of chapters) {
    for (const cell of notebook.cells) {
      for (const output of cell.outputs ?? []) {
        const figure = output.data?.[PLOTLY_MIME];
        if (figure) { for (const t of traceTypes(figure as { data?: unknown })) types.add(t); }
      }
    }
  }
  return types;
}

function copyAssets(out: string, traces: Iterable<string>): void {
  const assets = join(out, "assets");
  Deno.mkdirSync(join(assets, "katex", "fonts"), { recursive: true });
  Deno.copyFileSync(plotlyFile(traces), join(assets, "plotly.min.js"));
  const katexDir = dirname(require.resolve("katex/dist/katex.min.css"));
  Deno.copyFileSync(join(katexDir, "katex.min.css"), join(assets, "katex", "katex.min.css"));
  for (const f of Deno.readDirSync(join(katexDir, "fonts"))) {
    // Every browser the book targets reads woff2; the CSS lists it first.
    if (f.name.endsWith(".woff2")) {
      Deno.copyFileSync(join(katexDir, "fonts", f.name), join(assets, "katex", "fonts", f.name));
    }
  }
  Deno.copyFileSync(
    require.resolve("highlight.js/styles/github.css"),
    join(assets, "highlight.css"),
  );
  Deno.copyFileSync(join(ROOT, "tools", "book", "client", "book.css"), join(assets, "book.css"));
}

/** `{@link name}` in doc comments → a link to the symbol on its page when it is known. */
function docLinks(md: string, known: Set<string>): string {
  return md.replace(
    /\{@link\s+([\w$.]+)(?:\s*\|\s*([^}]+))?\}/g,
    (_, name: string, text?: string) => {
      const label = `\`${text?.trim() ?? name}\``;
      return known.has(name) ? `[${label}](#${name})` : label;
    },
  );
}

function dirSize(dir: string): { files: number; bytes: number } {
  let files = 0, bytes = 0;
  for (const e of Deno.readDirSync(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory) {
      const s = dirSize(p);
      files += s.files;
      bytes += s.bytes;
    } else {
      files++;
      bytes += Deno.statSync(p).size;
    }
  }
  return { files, bytes };
}

/** Builds the site; returns the notebooks that failed and the pages written. */
export async function buildBook(
  options: BookOptions,
): Promise<{ failed: string[]; pages: string[] }> {
  const start = performance.now();
  const sources = options.notebooks.length > 0
    ? options.notebooks
    : [...Deno.readDirSync(join(ROOT, "notebooks"))].filter((e) => e.name.endsWith(".ipynb"))
      .map((e) => join(ROOT, "notebooks", e.name)).sort();
  const { paths, failed } = options.executed
    ? { paths: sources, failed: [] as string[] }
    : await executeNotebooks(sources);
  const times = readTimes();
  const chapters: Chapter[] = paths.map((path) => {
    const notebook = JSON.parse(Deno.readTextFileSync(path)) as Notebook;
    const stem = basename(path, ".ipynb");
    return { stem, notebook, ...titleAndGoals(notebook, path), seconds: times[basename(path)] };
  });

  const out = options.out;
  await Deno.remove(out, { recursive: true }).catch(() => {});
  Deno.mkdirSync(join(out, "api"), { recursive: true });
  copyAssets(out, chapterTraceTypes(chapters));
  const bundle = await bundleClient();
  Deno.writeTextFileSync(join(out, "assets", "book.js"), bundle.page);
  Deno.writeTextFileSync(join(out, "assets", "experiments.js"), bundle.experiments);
  for (const [id, worker] of Object.entries(bundle.workers)) {
    Deno.writeTextFileSync(join(out, "assets", `worker-${id}.js`), workerScript(id, worker.text));
  }

  const modules = options.modules ?? allModules();
  const api = await readApi(ROOT, modules);
  const apiNames = new Set(modules);
  const search = new MiniSearch({
    fields: ["title", "text"],
    storeFields: ["title", "chapter", "url"],
  });
  const docs: { id: string; title: string; chapter: string; url: string; text: string }[] = [];
  const pages: string[] = [];
  const write = (name: string, html: string) => {
    Deno.writeTextFileSync(join(out, name), html);
    pages.push(name);
  };

  // Chapters.
  const order: Link[] = [
    { href: "index.html", text: "Contents" },
    ...chapters.map((c) => ({ href: `${c.stem}.html`, text: c.title })),
    { href: "experiments.html", text: "Live experiments" },
  ];
  chapters.forEach((chapter, i) => {
    const own = experiments.filter((e) => e.chapter === chapter.stem);
    const rendered = renderChapter(chapter, own, apiNames);
    const imports = libraryImports(chapter.notebook);
    const apiOf = new Map(api.map((m) => [m.name, new Set(m.symbols.map((s) => s.name))]));
    const aside = imports.size === 0
      ? ""
      : `<h2>Library used</h2><ul class="lib-used">${
        [...imports].filter(([m]) => apiNames.has(m)).map(([m, names]) =>
          `<li><a href="api/${m}.html">${m}</a>: ${
            [...names].sort().map((n) =>
              apiOf.get(m)?.has(n)
                ? `<a href="api/${m}.html#${n}"><code>${n}</code></a>`
                : `<code>${n}</code>`
            ).join(", ")
          }</li>`
        ).join("")
      }</ul>`;
    write(
      `${chapter.stem}.html`,
      page({
        title: chapter.title,
        root: "",
        body: rendered.body,
        headings: rendered.headings,
        aside,
        prev: order[i],
        next: order[i + 2],
        plots: true,
      }),
    );
    for (const [k, s] of rendered.sections.entries()) {
      docs.push({
        id: `${chapter.stem}-${k}`,
        title: s.title,
        chapter: chapter.title,
        url: `${chapter.stem}.html#${s.id}`,
        text: s.text,
      });
    }
  });

  // Index.
  const md = createMarkdown();
  const rows = chapters.map((c) => {
    const own = experiments.filter((e) => e.chapter === c.stem);
    return `<section class="chapter-card"><h2 id="${c.stem}"><a href="${c.stem}.html">${
      md.render(c.title).replace(/^<p>|<\/p>\n?$/g, "")
    }</a></h2>` +
      `<p class="meta">${
        c.seconds !== undefined
          ? `last run: ${c.seconds.toFixed(0)} s (the whole notebook, kernel start included)`
          : "run time not recorded"
      }` +
      `${
        own.length
          ? ` · live: ${
            own.map((e) => `<a href="${c.stem}.html#experiment-${e.id}">${escapeHtml(e.title)}</a>`)
              .join(", ")
          }`
          : ""
      }</p>` +
      `<div class="goals">${md.render(c.goals)}</div></section>`;
  }).join("\n");
  const intro = md.render(
    "# ML system design, executable\n\nEvery chapter is a notebook executed from top to bottom: the numbers, tables " +
      "and figures below are its outputs, computed by the library in `lib/`. Each chapter also has " +
      "**live experiments**: change a parameter and the same library recomputes the result in your " +
      "browser, with the same numbers as the library gives in Deno for the same inputs (an " +
      "experiment smaller than its chapter says how it differs).\n\n## Chapter map",
  );
  const map = `<table class="chapter-map"><thead><tr><th>chapter</th><th>library modules</th>` +
    `<th>live experiments</th><th>last run</th></tr></thead><tbody>${
      chapters.map((c) => {
        const mods = [...libraryImports(c.notebook).keys()].map((m) =>
          apiNames.has(m) ? `<a href="api/${m}.html">${m}</a>` : m
        ).join(", ");
        const live = experiments.filter((e) => e.chapter === c.stem).map((e) =>
          `<a href="${c.stem}.html#experiment-${e.id}">${escapeHtml(e.title)}</a>`
        ).join("<br>");
        return `<tr><td><a href="${c.stem}.html">${escapeHtml(c.title)}</a></td><td>${mods}</td>` +
          `<td>${live}</td><td>${
            c.seconds !== undefined ? `${c.seconds.toFixed(0)} s` : "–"
          }</td></tr>`;
      }).join("")
    }</tbody></table>` + md.render("## Chapters and their learning goals");
  write(
    "index.html",
    page({
      title: "Contents",
      root: "",
      body: intro + map + rows,
      headings: md.headings,
      next: order[1],
      plots: false,
    }),
  );

  // All experiments on one page.
  const emd = createMarkdown();
  const stems = [...new Set(experiments.map((e) => e.chapter))];
  const byChapter = stems.map((stem) => {
    const chapter = chapters.find((c) => c.stem === stem);
    const own = experiments.filter((e) => e.chapter === stem);
    return emd.render(`## ${chapter?.title ?? stem}`) +
      own.map((e) => renderExperiment(e, emd.render)).join("\n") +
      (chapter ? `<p><a href="${stem}.html">Read the chapter</a></p>` : "");
  }).join("\n");
  write(
    "experiments.html",
    page({
      title: "Live experiments",
      root: "",
      body: emd.render(
        "# Live experiments\n\nEvery experiment calls the library in your browser; the heavy ones run in a Web Worker.",
      ) + byChapter,
      headings: emd.headings,
      prev: order[order.length - 2],
      plots: true,
    }),
  );

  // API pages.
  const apiLinks = api.map((m) =>
    `<li><a href="${m.name}.html">lib/${m.name}</a> – ${
      escapeHtml(
        (m.doc.split("\n\n")[0] ?? "").replace(/\s+/g, " ").replace(/\{@link\s+([^}]+)\}/g, "$1"),
      )
    }</li>`
  ).join("");
  write(
    "api/index.html",
    page({
      title: "Library API",
      root: "../",
      body: `<h1 id="top">Library API</h1><ul class="api-index">${apiLinks}</ul>`,
      headings: [],
      plots: false,
    }),
  );
  for (const m of api) {
    const amd = createMarkdown();
    const known = new Set(m.symbols.map((s) => s.name));
    const body = renderApiModule(
      m,
      (s) => amd.render(docLinks(s, known)),
      (code) => highlight(code),
    );
    const headings = m.symbols.map((s) => ({ level: 2, text: s.name, id: s.name }));
    write(
      `api/${m.name}.html`,
      page({ title: `lib/${m.name}`, root: "../", body, headings, plots: false }),
    );
    for (const s of m.symbols) {
      docs.push({
        id: `api-${m.name}-${s.name}`,
        title: s.name,
        chapter: `lib/${m.name}`,
        url: `api/${m.name}.html#${s.name}`,
        text: s.doc,
      });
    }
  }

  search.addAll(docs);
  Deno.writeTextFileSync(
    join(out, "assets", "search_index.js"),
    `window.BOOK_SEARCH_INDEX = ${JSON.stringify({ index: JSON.stringify(search) })};\n`,
  );
  const size = dirSize(out);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `Book: ${pages.length} pages, ${size.files} files, ${(size.bytes / 1e6).toFixed(1)} MB in ${
      relative(Deno.cwd(), out) || "."
    } (built in ${seconds.toFixed(1)} s; bundled lib files: ${bundle.libInputs.length})`,
  );
  if (failed.length > 0) {
    console.error(`Notebooks that failed (their errors are in the book): ${failed.join(", ")}`);
  }
  return { failed, pages };
}

if (import.meta.main) {
  const { failed } = await buildBook(parseArgs(Deno.args));
  Deno.exit(failed.length === 0 ? 0 : 1);
}
