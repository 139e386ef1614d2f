/**
 * Shared set-up of the book's browser tests: the site under test (a small site
 * built from `tests/fixtures/book/`, or the site named by `$BOOK_SITE`), a static
 * server on localhost and Debian's Chromium through playwright-core.
 *
 * The fixture notebook holds its outputs; to refresh them run
 * `deno task workbook tests/fixtures/book/01_fixture.ipynb` and copy
 * `out/notebooks/01_fixture.ipynb` over it.
 *
 * @module
 */
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { buildBook } from "../../tools/book/build.ts";
import { findBrowser } from "../../lib/plot/renderer.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The flags the project launches Chromium with (see lib/plot/renderer.ts). */
export const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Builds the fixture site (or takes `$BOOK_SITE`) and returns its folder. */
export async function siteUnderTest(): Promise<string> {
  const given = Deno.env.get("BOOK_SITE");
  if (given) return normalize(join(ROOT, given));
  const out = join(ROOT, "out", "book-fixture");
  const log = console.log;
  console.log = () => {};
  try {
    await buildBook({
      notebooks: [join(ROOT, "tests/fixtures/book/01_fixture.ipynb")],
      out,
      executed: true,
      modules: ["claims", "random", "plot"],
    });
  } finally {
    console.log = log;
  }
  return out;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".png": "image/png",
};

/** A static file server for `dir` on 127.0.0.1 (any free port). */
export function serve(dir: string): { origin: string; close: () => Promise<void> } {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const path = decodeURIComponent(new URL(req.url).pathname);
    const file = normalize(join(dir, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(dir)) return new Response("forbidden", { status: 403 });
    try {
      const body = await Deno.readFile(file);
      return new Response(body, {
        headers: { "content-type": TYPES[extname(file)] ?? "application/octet-stream" },
      });
    } catch {
      return new Response("not found", { status: 404 });
    }
  });
  const { port } = server.addr as Deno.NetAddr;
  return { origin: `http://127.0.0.1:${port}`, close: () => server.shutdown() };
}

/** Launches headless Chromium, or returns `undefined` when none is installed. */
export async function launchBrowser(): Promise<Browser | undefined> {
  const executablePath = findBrowser();
  if (!executablePath) return undefined;
  const { chromium } = await import("playwright-core");
  return await chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS });
}

/** Every HTML file of the site, relative to it (screenshots excluded). */
export function htmlPages(dir: string, sub = ""): string[] {
  const pages: string[] = [];
  for (const e of Deno.readDirSync(join(dir, sub))) {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory && e.name !== "_screenshots" && e.name !== "assets") {
      pages.push(...htmlPages(dir, rel));
    } else if (e.isFile && e.name.endsWith(".html")) pages.push(rel);
  }
  return pages.sort();
}
