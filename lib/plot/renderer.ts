/**
 * PNG rendering of Plotly specs by plotly.js in a headless Chromium, driven by
 * `playwright-core`. One browser per process, started on the first figure, one
 * page reused; the browser never keeps the process alive and is killed when the
 * process exits.
 *
 * The browser is `$WORKBOOK_BROWSER` (a path to an executable; `none` turns PNG
 * off), else the first of `/usr/bin/chromium`, `chromium`, `chromium-browser`,
 * `google-chrome` found on `PATH`. Without one, figures have no PNG and a notice
 * says once per process how to get one.
 *
 * @module
 */
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import type { FigureSpec } from "./figure.ts";

const require = createRequire(import.meta.url);

const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The part of a Node `ChildProcess` the renderer touches. */
interface Child {
  pid?: number;
  kill(signal?: string): boolean;
  ref(): void;
  unref(): void;
  stdio: ({ ref?: () => void; unref?: () => void } | null)[];
}

interface Renderer {
  browser: Browser;
  page: Page;
  child?: Child;
}

let running: Promise<Renderer | undefined> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let noticeShown = false;
let failedPath: string | undefined;
let unloadInstalled = false;

function isExecutable(path: string): boolean {
  try {
    const info = Deno.statSync(path);
    return info.isFile && ((info.mode ?? 0o111) & 0o111) !== 0;
  } catch {
    return false;
  }
}

function env(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined; // no --allow-env: behave as if unset
  }
}

/**
 * The browser executable to use, or `undefined` when none is configured or found.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { findBrowser } from "@lib/plot/mod.ts";
 * const path = findBrowser();
 * assert.ok(path === undefined || path.length > 0);
 * ```
 */
export function findBrowser(): string | undefined {
  const configured = env("WORKBOOK_BROWSER");
  if (configured !== undefined && configured !== "") {
    return configured === "none" ? undefined : configured;
  }
  if (isExecutable("/usr/bin/chromium")) return "/usr/bin/chromium";
  const dirs = (env("PATH") ?? "").split(":").filter((d) => d !== "");
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    for (const dir of dirs) {
      if (isExecutable(`${dir}/${name}`)) return `${dir}/${name}`;
    }
  }
  return undefined;
}

function notice(reason: string): void {
  if (noticeShown) return;
  noticeShown = true;
  console.warn(
    `Figures are shown without PNG images: ${reason}. ` +
      "Install Chromium (apt-get install chromium) or set WORKBOOK_BROWSER to a Chromium or Chrome executable.",
  );
}

/**
 * Launches the browser with `child_process.spawn` observed, so that the child
 * process and its pipes can be unref'd: otherwise a script that rendered a figure
 * would never exit.
 */
async function launch(executablePath: string): Promise<Renderer> {
  const childProcess = require("node:child_process");
  const spawn = childProcess.spawn;
  let child: Child | undefined;
  childProcess.spawn = (command: string, ...rest: unknown[]) => {
    const proc = spawn(command, ...rest);
    if (command === executablePath) child = proc;
    return proc;
  };
  let browser: Browser;
  try {
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS });
  } finally {
    childProcess.spawn = spawn;
  }
  try {
    const page = await browser.newPage();
    const plotly = Deno.readTextFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"));
    await page.evaluate(plotly);
    const renderer = { browser, page, child };
    holdProcess(child, false);
    if (!unloadInstalled) {
      unloadInstalled = true;
      globalThis.addEventListener("unload", () => killChild());
    }
    return renderer;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * While a render waits for the browser, its pipes must keep the event loop alive
 * (`hold = true`); between renders they must not, or a script would never exit.
 */
function holdProcess(child: Child | undefined, hold: boolean): void {
  if (!child) return;
  if (hold) child.ref();
  else child.unref();
  for (const stream of child.stdio) (hold ? stream?.ref : stream?.unref)?.call(stream);
}

let current: Renderer | undefined;

function killChild(): void {
  try {
    current?.child?.kill("SIGKILL");
  } catch {
    // already gone
  }
}

function start(): Promise<Renderer | undefined> {
  const path = findBrowser();
  if (path === undefined) {
    notice(
      env("WORKBOOK_BROWSER") === "none" ? "WORKBOOK_BROWSER is none" : "no Chromium was found",
    );
    return Promise.resolve(undefined);
  }
  if (path === failedPath) return Promise.resolve(undefined);
  return launch(path).then(
    (renderer) => (current = renderer),
    (error) => {
      failedPath = path;
      running = undefined;
      notice(`starting ${path} failed (${String(error?.message ?? error).split("\n")[0]})`);
      return undefined;
    },
  );
}

/**
 * Renders a Plotly spec to PNG bytes at the spec's `layout.width × layout.height`,
 * or resolves to `undefined` when no browser is available (after a one-time notice).
 * Renders are serialised on one page; the first one starts the browser (~2 s).
 *
 * @param spec The `{ data, layout }` to draw.
 * @returns The PNG file bytes, or `undefined`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { closeRenderer, lineChart, renderPng } from "@lib/plot/mod.ts";
 * const fig = lineChart([{ x: [0, 1], y: [1, 0] }], { title: "t", xTitle: "x", yTitle: "y" });
 * const png = await renderPng(fig);
 * if (png) assert.deepEqual([...png.subarray(1, 4)], [80, 78, 71]); // "PNG"
 * await closeRenderer();
 * ```
 */
export function renderPng(spec: FigureSpec): Promise<Uint8Array | undefined> {
  const job = queue.then(async () => {
    running ??= start();
    const renderer = await running;
    if (!renderer) return undefined;
    const { width, height } = spec.layout;
    const json = JSON.parse(JSON.stringify({ data: spec.data, layout: spec.layout }));
    holdProcess(renderer.child, true);
    try {
      const url = await renderer.page.evaluate(
        ({ spec, width, height }) =>
          // deno-lint-ignore no-explicit-any
          (globalThis as any).Plotly.toImage(spec, { format: "png", width, height, scale: 1 }),
        { spec: json, width, height },
      ) as string;
      return decodeBase64(url.slice(url.indexOf(",") + 1));
    } finally {
      holdProcess(renderer.child, false);
    }
  });
  queue = job.catch(() => {});
  return job;
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * Closes the browser if one is running (tests call it so that no resource leaks);
 * the next render starts a new one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { closeRenderer } from "@lib/plot/mod.ts";
 * await assert.doesNotReject(closeRenderer()); // harmless when nothing runs
 * await assert.doesNotReject(closeRenderer()); // and when called twice
 * ```
 */
export async function closeRenderer(): Promise<void> {
  await queue;
  const pending = running;
  running = undefined;
  const renderer = await pending;
  current = undefined;
  if (!renderer) return;
  holdProcess(renderer.child, true);
  await renderer.browser.close();
}

/** Forgets the one-time notice and failed launches (for tests). */
export function _resetRendererNotice(): void {
  noticeShown = false;
  failedPath = undefined;
}
