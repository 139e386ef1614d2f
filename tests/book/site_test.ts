/**
 * The book in a real browser (headless Chromium): pages load offline without
 * errors, figures draw, links resolve, live experiments react to their controls
 * and show the numbers the library computes in Deno for the same inputs,
 * controls are keyboard-reachable and figures have alt text. Screenshots of every
 * page go to `<site>/_screenshots/`.
 */
import assert from "node:assert/strict";
import { dirname, join, normalize } from "node:path";
import type { Browser, Page } from "playwright-core";
import { defaultParams, experiments, type Params } from "../../tools/book/experiments/mod.ts";
import { htmlPages, launchBrowser, serve, siteUnderTest } from "./_site.ts";

/** A new tab that records console errors, page errors, failed and external requests. */
async function newTab(browser: Browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on(
    "requestfailed",
    (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`),
  );
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (/^(http:\/\/127\.0\.0\.1|file:|data:|blob:)/.test(u)) return route.continue();
    problems.push(`external request: ${u}`);
    return route.abort();
  });
  return { page, problems };
}

/** Opens a page in a new tab. */
async function open(browser: Browser, url: string) {
  const tab = await newTab(browser);
  await tab.page.goto(url, { waitUntil: "load" });
  return tab;
}

/** Waits until every notebook figure of the page has been drawn by plotly.js. */
async function waitForFigures(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll("[data-figure] .plot")].every((p) =>
        (p as HTMLElement).dataset.drawn !== undefined
      ),
    undefined,
    { timeout: 15_000 },
  );
}

/** Sets an experiment's controls and waits for the run with exactly these parameters. */
async function setParams(page: Page, id: string, params: Params): Promise<void> {
  await page.evaluate(({ id, params }) => {
    const section = document.querySelector(`[data-experiment='${id}']`)!;
    for (const [name, value] of Object.entries(params)) {
      const input = section.querySelector(`[data-param='${name}']`) as HTMLInputElement;
      input.value = String(value);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }, { id, params });
  await waitForRun(page, id, params);
}

async function waitForRun(page: Page, id: string, params: Params): Promise<void> {
  await page.waitForFunction(
    ({ id, params }) => {
      const s = document.querySelector(`[data-experiment='${id}']`) as HTMLElement;
      if (s.dataset.state === "error") {
        throw new Error(
          s.querySelector(".status")?.textContent ?? "error",
        );
      }
      if (s.dataset.state !== "done") return false;
      const shown = JSON.parse(s.dataset.params ?? "{}");
      return Object.entries(params).every(([k, v]) => shown[k] === v);
    },
    { id, params },
    { timeout: 20_000 },
  );
}

async function shownNumbers(page: Page, id: string): Promise<Record<string, number>> {
  return await page.evaluate((id) =>
    Object.fromEntries(
      [...document.querySelectorAll(`[data-experiment='${id}'] dd[data-key]`)].map((dd) => [
        (dd as HTMLElement).dataset.key,
        Number((dd as HTMLElement).dataset.value),
      ]),
    ), id);
}

async function libraryNumbers(id: string, params: Params): Promise<Record<string, number>> {
  const experiment = experiments.find((e) => e.id === id)!;
  const result = await experiment.run(params, () => {});
  return Object.fromEntries(result.numbers.map((n) => [n.key, n.value]));
}

Deno.test({
  name: "book site: pages, figures, links, live experiments in Chromium",
  sanitizeResources: false,
  sanitizeOps: false,
}, async (t) => {
  const browser = await launchBrowser();
  if (!browser) {
    console.warn("No Chromium found: the book's browser tests are skipped");
    return;
  }
  const site = await siteUnderTest();
  const server = serve(site);
  const shots = join(site, "_screenshots");
  Deno.mkdirSync(shots, { recursive: true });
  try {
    const pages = htmlPages(site);
    assert.ok(pages.includes("index.html") && pages.includes("experiments.html"));

    await t.step(
      "every page loads offline with no console errors or failed requests; every figure draws",
      async () => {
        const { page, problems } = await newTab(browser);
        for (const name of pages.filter((p) => p !== "experiments.html")) {
          problems.length = 0;
          await page.goto(`${server.origin}/${name}`, { waitUntil: "load" });
          await waitForFigures(page);
          // Live experiments run when they scroll into view.
          const ids = await page.$$eval(
            "[data-experiment]",
            (els) => els.map((e) => (e as HTMLElement).dataset.experiment!),
          );
          for (const id of ids) {
            // A worker experiment trains at the chapter's sizes: seconds, more on a busy machine.
            const timeout = experiments.find((e) => e.id === id)?.worker ? 120_000 : 30_000;
            await page.locator(`[data-experiment='${id}']`).scrollIntoViewIfNeeded();
            await page.waitForFunction(
              (id) => {
                const s = document.querySelector(`[data-experiment='${id}']`) as HTMLElement;
                if (s.dataset.state === "error") {
                  throw new Error(s.querySelector(".status")?.textContent ?? "error");
                }
                return s.dataset.state === "done";
              },
              id,
              { timeout },
            );
          }
          // API pages are long: their first screen is enough to look at.
          const fullPage = !name.startsWith("api/");
          await page.screenshot({
            path: join(shots, name.replace(/\//g, "_").replace(/\.html$/, ".png")),
            fullPage,
          });
          const figures = await page.locator("[data-figure]").count();
          const drawn = await page.locator("[data-figure] .plot .main-svg").count();
          assert.ok(drawn >= figures, `${name}: ${drawn} of ${figures} figures drawn`);
          assert.deepEqual(problems, [], `${name}: ${problems.join("; ")}`);
        }
        await page.close();
      },
    );

    await t.step("every internal link resolves to a page and an anchor on it", () => {
      const ids = new Map<string, Set<string>>();
      const idsOf = (file: string) => {
        if (!ids.has(file)) {
          const html = Deno.readTextFileSync(join(site, file));
          ids.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
        }
        return ids.get(file)!;
      };
      let checked = 0;
      for (const name of pages) {
        const html = Deno.readTextFileSync(join(site, name));
        for (const [, href] of html.matchAll(/<a [^>]*href="([^"]+)"/g)) {
          if (/^[a-z]+:/.test(href)) continue;
          const [path, hash] = href.split("#");
          const target = path === "" ? name : normalize(join(dirname(name), path));
          assert.ok(pages.includes(target), `${name}: link ${href} points to a missing page`);
          if (hash) {
            assert.ok(
              idsOf(target).has(decodeURIComponent(hash)),
              `${name}: link ${href} has no anchor`,
            );
          }
          checked++;
        }
      }
      assert.ok(checked > 0);
    });

    await t.step(
      "figures and images have alt text, controls have labels, every formula renders",
      () => {
        for (const name of pages) {
          const html = Deno.readTextFileSync(join(site, name));
          for (const [tag] of html.matchAll(/<figure[^>]*>/g)) {
            assert.match(
              tag,
              /aria-label="Figure: [^"]+"/,
              `${name}: figure without alt text: ${tag}`,
            );
          }
          assert.ok(!html.includes("katex-error"), `${name}: a formula KaTeX cannot read`);
          for (const [tag] of html.matchAll(/<img[^>]*>/g)) {
            assert.match(tag, /alt="[^"]+"/, `${name}: ${tag}`);
          }
          for (const [, id] of html.matchAll(/<(?:input|select) [^>]*id="([^"]+)"/g)) {
            assert.ok(html.includes(`for="${id}"`), `${name}: control ${id} has no label`);
          }
        }
      },
    );

    const { page, problems } = await open(browser, `${server.origin}/experiments.html`);
    try {
      await t.step(
        "every live experiment runs, reacts to its controls and shows the library's numbers",
        async () => {
          for (const e of experiments) {
            assert.ok(e.testParams, `${e.id} has testParams`);
            const drawnBefore = await page.evaluate(
              (id) =>
                Number(
                  (document.querySelector(`[data-experiment='${id}'] .plot`) as HTMLElement).dataset
                    .drawn ?? 0,
                ),
              e.id,
            );
            await setParams(page, e.id, e.testParams);
            assert.deepEqual(
              await shownNumbers(page, e.id),
              await libraryNumbers(e.id, e.testParams),
              e.id,
            );
            const drawnAfter = await page.evaluate(
              (id) =>
                Number(
                  (document.querySelector(`[data-experiment='${id}'] .plot`) as HTMLElement).dataset
                    .drawn ?? 0,
                ),
              e.id,
            );
            assert.ok(drawnAfter > drawnBefore, `${e.id}: the figure was redrawn`);
            assert.ok(
              await page.locator(`[data-experiment='${e.id}'] .plot .main-svg`).count() > 0,
            );
          }
          await page.screenshot({ path: join(shots, "experiments.png"), fullPage: true });
          assert.deepEqual(problems, []);
        },
      );

      await t.step(
        "a heavy run stays off the page's thread, shows progress and yields to a newer one",
        async () => {
          const heavy = experiments.find((e) => e.id === "exploration-rate")!;
          const defaults = defaultParams(heavy);
          await page.evaluate(({ id, params }) => {
            const section = document.querySelector(`[data-experiment='${id}']`)!;
            for (const [name, value] of Object.entries(params)) {
              const input = section.querySelector(`[data-param='${name}']`) as HTMLInputElement;
              input.value = String(value);
              input.dispatchEvent(new Event("input", { bubbles: true }));
            }
          }, { id: heavy.id, params: defaults });
          await page.waitForSelector(
            `[data-experiment='${heavy.id}'][data-state='running'] progress:not([hidden])`,
          );
          // The page answers at once while the worker simulates.
          const started = performance.now();
          await page.evaluate(() => document.title);
          assert.ok(performance.now() - started < 2000, "the page stays responsive");
          await setParams(page, heavy.id, heavy.testParams!);
          assert.deepEqual(
            await shownNumbers(page, heavy.id),
            await libraryNumbers(heavy.id, heavy.testParams!),
          );
        },
      );

      await t.step("controls are reachable and usable with the keyboard", async () => {
        const wanted = new Set(
          experiments.flatMap((e) => e.controls.map((c) => `${e.id}-${c.name}`)),
        );
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        const reached = new Set<string>();
        for (let i = 0; i < 400 && reached.size < wanted.size; i++) {
          await page.keyboard.press("Tab");
          const id = await page.evaluate(() => document.activeElement?.id ?? "");
          if (wanted.has(id)) reached.add(id);
        }
        assert.deepEqual([...wanted].filter((id) => !reached.has(id)), []);
        // Arrow keys move a slider and re-run the experiment.
        const e = experiments[0];
        const slider = e.controls.find((c) => c.kind === "range")!;
        await page.focus(`#${e.id}-${slider.name}`);
        const before = Number(await page.inputValue(`#${e.id}-${slider.name}`));
        await page.keyboard.press("ArrowRight");
        const params = { ...e.testParams, [slider.name]: before + slider.step };
        await waitForRun(page, e.id, params);
        assert.deepEqual(await shownNumbers(page, e.id), await libraryNumbers(e.id, params));
      });
    } finally {
      await page.close();
    }

    await t.step("search finds a section and links to it", async () => {
      const { page, problems } = await open(browser, `${server.origin}/index.html`);
      await page.fill("#search", "mean");
      await page.waitForSelector("#search-results li a");
      const href = await page.getAttribute("#search-results li a", "href");
      assert.ok(href && pages.includes(href.split("#")[0]), `search result ${href}`);
      assert.deepEqual(problems, []);
      await page.close();
    });

    await t.step("the site works from disk (file://), Web Worker included", async () => {
      const { page, problems } = await open(browser, `file://${join(site, "experiments.html")}`);
      const worker = experiments.find((e) => e.worker)!;
      await setParams(page, worker.id, worker.testParams!);
      assert.deepEqual(
        await shownNumbers(page, worker.id),
        await libraryNumbers(worker.id, worker.testParams!),
      );
      assert.deepEqual(problems, []);
      await page.close();
    });
  } finally {
    await browser.close();
    await server.close();
  }
});
