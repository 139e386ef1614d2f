/**
 * The book's page script: draws the notebook figures with plotly.js, runs the
 * live experiments (in the page or in a Web Worker) and answers the search box.
 *
 * @module
 */
/// <reference lib="dom" />
import MiniSearch from "minisearch";
import {
  experimentById,
  type ExperimentResult,
  formatNumber,
  type Params,
} from "../experiments/mod.ts";

/** The bundled source of `client/worker.ts`, defined by the bundler (a Blob URL starts it). */
declare const BOOK_WORKER_SOURCE: string;

// deno-lint-ignore no-explicit-any
type Any = any;
const w = globalThis as Any;

function plotly(): Any {
  return w.Plotly;
}

function drawFigure(target: HTMLElement, spec: { data: unknown[]; layout: Any }): Promise<void> {
  const layout = { ...spec.layout, width: undefined, autosize: true };
  return plotly().react(target, spec.data, layout, { responsive: true, displaylogo: false })
    .then(() => {
      target.dataset.drawn = String(Number(target.dataset.drawn ?? "0") + 1);
    });
}

function drawNotebookFigures(): void {
  for (const el of document.querySelectorAll<HTMLElement>("[data-figure]")) {
    const source = el.querySelector("script[type='application/json']");
    if (!source) continue;
    const spec = JSON.parse(source.textContent ?? "{}");
    const target = el.querySelector<HTMLElement>(".plot")!;
    drawFigure(target, spec);
  }
}

function readParams(section: HTMLElement): Params {
  const params: Params = {};
  for (const input of section.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[data-param]")) {
    params[input.dataset.param!] = input instanceof HTMLInputElement ? Number(input.value) : input.value;
  }
  return params;
}

function showResult(section: HTMLElement, params: Params, result: ExperimentResult): Promise<void> {
  const numbers = section.querySelector<HTMLElement>(".numbers")!;
  numbers.replaceChildren(...result.numbers.map((n) => {
    const row = document.createElement("div");
    const dt = document.createElement("dt");
    dt.textContent = n.label;
    const dd = document.createElement("dd");
    dd.textContent = formatNumber(n.value, n.format);
    dd.dataset.key = n.key;
    dd.dataset.value = String(n.value);
    row.append(dt, dd);
    return row;
  }));
  section.querySelector<HTMLElement>(".summary")!.textContent = result.summary;
  const plot = section.querySelector<HTMLElement>(".plot")!;
  const title = String(result.figure.layout.title?.text ?? "").replace(/<br\s*\/?>/g, " ");
  plot.parentElement!.setAttribute("aria-label", `Figure: ${title}`);
  return drawFigure(plot, result.figure).then(() => {
    section.dataset.params = JSON.stringify(params);
    section.dataset.runs = String(Number(section.dataset.runs ?? "0") + 1);
    section.dataset.state = "done";
  });
}

let workerUrl: string | undefined;

function runInWorker(
  section: HTMLElement,
  id: string,
  params: Params,
  previous: Worker | undefined,
): Promise<{ worker: Worker; result: ExperimentResult }> {
  previous?.terminate();
  workerUrl ??= URL.createObjectURL(new Blob([BOOK_WORKER_SOURCE], { type: "text/javascript" }));
  const worker = new Worker(workerUrl);
  const progress = section.querySelector<HTMLProgressElement>("progress")!;
  progress.hidden = false;
  progress.removeAttribute("value");
  return new Promise((resolve, reject) => {
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.type === "progress") {
        progress.max = message.total;
        progress.value = message.done;
      } else if (message.type === "result") {
        progress.hidden = true;
        worker.terminate();
        resolve({ worker, result: message.result });
      } else {
        progress.hidden = true;
        worker.terminate();
        reject(new Error(message.message));
      }
    };
    worker.postMessage({ id, params });
  });
}

function setupExperiment(section: HTMLElement): void {
  const id = section.dataset.experiment!;
  const experiment = experimentById(id);
  let worker: Worker | undefined;
  let generation = 0;
  let timer: number | undefined;
  const status = section.querySelector<HTMLElement>(".status")!;

  const run = async () => {
    const mine = ++generation;
    const params = readParams(section);
    section.dataset.state = "running";
    status.textContent = "running…";
    try {
      let result: ExperimentResult;
      if (experiment.worker) {
        const pending = runInWorker(section, id, params, worker);
        result = (await pending).result;
      } else {
        result = await experiment.run(params, () => {});
      }
      if (mine !== generation) return;
      status.textContent = "";
      await showResult(section, params, result);
    } catch (error) {
      if (mine !== generation) return;
      section.dataset.state = "error";
      status.textContent = `Error: ${(error as Error).message}`;
    }
  };

  for (const input of section.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[data-param]")) {
    const output = section.querySelector<HTMLOutputElement>(`output[for='${input.id}']`);
    input.addEventListener("input", () => {
      if (output) output.textContent = input.value;
      clearTimeout(timer);
      section.dataset.state = "pending";
      timer = setTimeout(run, 150);
    });
  }
  run();
}

interface SearchDoc {
  id: string;
  title: string;
  chapter: string;
  url: string;
  text: string;
}

function setupSearch(): void {
  const input = document.querySelector<HTMLInputElement>("#search");
  const list = document.querySelector<HTMLElement>("#search-results");
  const data = w.BOOK_SEARCH_INDEX as { index: string; root: string } | undefined;
  if (!input || !list || !data) return;
  const search = MiniSearch.loadJSON<SearchDoc>(data.index, {
    fields: ["title", "text"],
    storeFields: ["title", "chapter", "url"],
  });
  const root = document.body.dataset.root ?? "";
  input.addEventListener("input", () => {
    const hits = input.value.trim().length < 2
      ? []
      : search.search(input.value, { prefix: true, fuzzy: 0.2, boost: { title: 3 } }).slice(0, 8);
    list.replaceChildren(...hits.map((hit) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = root + hit.url;
      a.textContent = `${hit.chapter} · ${hit.title}`;
      li.append(a);
      return li;
    }));
    list.hidden = hits.length === 0;
  });
}

drawNotebookFigures();
for (const section of document.querySelectorAll<HTMLElement>("[data-experiment]")) {
  setupExperiment(section);
}
setupSearch();
