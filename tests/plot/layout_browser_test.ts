/**
 * Checks the figures as plotly.js lays them out in Chromium: where the title,
 * legend and panel titles land, and what the log-axis tick labels read.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { findBrowser, lineChart, subplotGrid } from "../../lib/plot/mod.ts";
import type { FigureSpec } from "../../lib/plot/mod.ts";

const require = createRequire(import.meta.url);
const browserPath = findBrowser();

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
interface Measured {
  title: Box;
  /** Top edge of the plot area. */
  plotTop: number;
  legend?: Box;
  panelTitles: Box[];
  xTicks: string[];
  yTicks: string[];
}

/**
 * Draws each figure with plotly.js and measures its title, legend, panel titles and
 * ticks, with the fonts of this machine or those of the fontconfig file `fonts`.
 */
async function measure(figures: FigureSpec[], fonts?: string): Promise<Measured[]> {
  const browser = await chromium.launch({
    executablePath: browserPath,
    args: ["--no-sandbox"],
    env: fonts === undefined ? undefined : { ...Deno.env.toObject(), FONTCONFIG_FILE: fonts },
  });
  try {
    const page = await browser.newPage();
    await page.evaluate(Deno.readTextFileSync(require.resolve("plotly.js-dist-min/plotly.min.js")));
    const specs = JSON.parse(JSON.stringify(figures));
    return await page.evaluate(async (specs: FigureSpec[]) => {
      // deno-lint-ignore no-explicit-any
      const Plotly = (globalThis as any).Plotly;
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      };
      const out = [];
      for (const spec of specs) {
        const div = document.createElement("div");
        document.body.replaceChildren(div);
        await Plotly.newPlot(div, spec.data, spec.layout);
        const legend = div.querySelector(".legend .bg");
        out.push({
          title: box(div.querySelector(".gtitle")!),
          // deno-lint-ignore no-explicit-any
          plotTop: div.getBoundingClientRect().top + (div as any)._fullLayout._size.t,
          legend: legend ? box(legend) : undefined,
          panelTitles: [...div.querySelectorAll(".annotation")]
            .filter((a) => a.querySelector("text")?.innerHTML.includes("<tspan"))
            .map(box),
          xTicks: [...div.querySelectorAll(".xtick text")].map((t) => t.textContent ?? ""),
          yTicks: [...div.querySelectorAll(".ytick text")].map((t) => t.textContent ?? ""),
        });
      }
      return out;
    }, specs);
  } finally {
    await browser.close();
  }
}

function lines(title: string, n: number, long: boolean) {
  return lineChart(
    Array.from({ length: n }, (_, i) => ({
      name: long ? `series ${i + 1} with a longer name` : `series ${i + 1}`,
      x: [1, 2],
      y: [i, i + 1],
    })),
    { title, xTitle: "x (units)", yTitle: "y (units)" },
  );
}

/** [label, figure, number of panel titles]: grids and single figures with short and long legends. */
function layoutCases(): [string, FigureSpec, number][] {
  const cases: [string, FigureSpec, number][] = [];
  for (const columns of [1, 2, 3, 4]) {
    for (const [n, long] of [[2, false], [4, true], [12, true]] as const) {
      const panels = Array.from({ length: columns + 1 }, (_, k) => lines(`Panel ${k}`, n, long));
      const grid = subplotGrid(panels, { title: "A grid title", columns });
      cases.push([`columns=${columns}, entries=${n}`, grid, columns + 1]);
    }
  }
  for (const n of [1, 2, 5, 12]) {
    cases.push([`single, entries=${n}`, lines("Single", n, true), 0]);
  }
  // Three lines in a figure 720 px wide: a single figure or a one-column grid.
  const long = "A long title that explains the figure in more words than fit on one line of it, " +
    "then goes on with more words and more words again, so that in a figure 720 pixels wide " +
    "it takes three lines";
  const longSingle = lineChart([{ name: "a", x: [1], y: [1] }, { name: "b", x: [1], y: [2] }], {
    title: long,
    xTitle: "x",
    yTitle: "y",
  });
  cases.push(["single, long title", longSingle, 0]);
  const longGrid = subplotGrid([longSingle, longSingle], { title: long, columns: 1 });
  cases.push(["one column, long title", longGrid, 2]);
  return cases;
}

/**
 * The invariant: the title is whole, 10–20 px below the top; the legend lies below
 * the title and above the plot area and the panel titles.
 */
async function assertLayout(fonts?: string): Promise<void> {
  const cases = layoutCases();
  const measured = await measure(cases.map(([, fig]) => fig), fonts);
  measured.forEach(({ title, plotTop, legend, panelTitles }, i) => {
    const [label, fig, panels] = cases[i];
    assert.equal(legend !== undefined, fig.layout.showlegend, label);
    assert.equal(panelTitles.length, panels, label);
    // The title is inside the figure, 10–20 px below its top edge.
    assert.ok(title.top >= 10 && title.top <= 20, `${label}: title top at ${title.top}`);
    assert.ok(title.left >= 0 && title.right <= fig.layout.width, `${label}: title cut off`);
    if (legend) assert.ok(title.bottom <= legend.top, `${label}: legend over the title`);
    const below = legend?.bottom ?? title.bottom;
    assert.ok(below <= plotTop, `${label}: legend over the plot area`);
    for (const p of panelTitles) assert.ok(below <= p.top, `${label}: panel title overlapped`);
  });
}

Deno.test({
  name: "titles stay whole and legends never overlap them or the panel titles",
  ignore: browserPath === undefined,
  fn: () => assertLayout(),
});

/** `fc-match`'s answer for `pattern` in `format`, or `undefined` without fontconfig's tools. */
function fcMatch(pattern: string, format: string): string | undefined {
  try {
    const out = new Deno.Command("fc-match", { args: ["-f", format, pattern] }).outputSync();
    return out.success ? new TextDecoder().decode(out.stdout) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A fontconfig file in `dir` that offers Chromium one font only, the regular face
 * of `family` (every family the figures ask for, Arial included, then falls back
 * to it), or `undefined` when the machine does not have that family.
 */
function oneFontConfig(family: string, dir: string): string | undefined {
  const pattern = `${family}:style=Regular`;
  const file = fcMatch(pattern, "%{file}");
  if (file === undefined || !fcMatch(pattern, "%{family}")?.split(",").includes(family)) {
    return undefined;
  }
  Deno.mkdirSync(`${dir}/fonts`);
  Deno.symlinkSync(file, `${dir}/fonts/${file.split("/").at(-1)}`);
  const config = `${dir}/fonts.conf`;
  Deno.writeTextFileSync(
    config,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `<dir>${dir}/fonts</dir>\n<cachedir>${dir}/cache</cachedir>\n</fontconfig>\n`,
  );
  return config;
}

// The figures ask for Arial, then Liberation Sans (same widths), then DejaVu Sans (10–20 %
// wider). The layout is checked again with the one of the two kinds this machine does not use.
const usual = fcMatch("Arial", "%{family}") ?? "";
const otherFont = /DejaVu/.test(usual) ? "Liberation Sans" : "DejaVu Sans";

Deno.test({
  name: `the layout holds with other fonts: ${otherFont} only`,
  ignore: browserPath === undefined,
  async fn(t) {
    const dir = Deno.makeTempDirSync();
    try {
      const config = oneFontConfig(otherFont, dir);
      if (config === undefined) {
        // Not installed here: nothing to switch to.
        return void (await t.step({
          name: `${otherFont} is not installed`,
          ignore: true,
          fn() {},
        }));
      }
      await assertLayout(config);
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "log axes label their ticks with full values, never single digits",
  ignore: browserPath === undefined,
  async fn() {
    const logLog = (low: number, high: number) => {
      const x = Array.from({ length: 9 }, (_, i) => low * (high / low) ** (i / 8));
      return lineChart([{ x, y: x }], {
        title: "Log",
        xTitle: "x",
        yTitle: "y",
        xType: "log",
        yType: "log",
      });
    };
    const [thousands, decades, wide] = await measure([
      logLog(1000, 8000),
      logLog(10, 3000),
      logLog(100, 1e5),
    ]);
    // Left to itself, plotly.js labels these "9 1000 2 3 4 5 6 7 8 9" and "10 2 5 100 2 5 …".
    assert.deepEqual(thousands.xTicks, ["1000", "2000", "3000", "5000"]);
    assert.deepEqual(thousands.yTicks, ["1000", "2000", "3000", "5000"]);
    assert.deepEqual(decades.xTicks, ["10", "20", "50", "100", "200", "500", "1000", "2000"]);
    assert.deepEqual(wide.xTicks, ["100", "1k", "10k", "100k"]);
  },
});
