/**
 * The script of pages with live experiments: binds each experiment's controls,
 * runs it (in the page, or in a Web Worker with a progress bar) when it scrolls
 * into view and on every change, and shows its numbers, sentence and figure.
 *
 * @module
 */
/// <reference lib="dom" />
import {
  experimentById,
  type ExperimentResult,
  formatNumber,
  type Params,
} from "../experiments/mod.ts";
import { drawFigure } from "./_draw.ts";

/** The folder of the book's scripts (`assets/`), from this script's own address. */
const ASSETS = new URL(".", (document.currentScript as HTMLScriptElement).src);

/** Worker sources that `assets/worker-<id>.js` scripts have handed over, by experiment id. */
const scope = globalThis as unknown as { BOOK_WORKERS?: Record<string, string> };
const workerUrls = new Map<string, Promise<string>>();

/**
 * A Blob URL of the experiment's Web Worker. Its source comes in a `<script>`
 * element, loaded on the first run only (the page itself never runs tfjs or
 * holds an experiment's data), which works from `file://` too.
 */
function workerUrl(id: string): Promise<string> {
  if (!workerUrls.has(id)) {
    workerUrls.set(
      id,
      new Promise<string>((resolve, reject) => {
        const script = document.createElement("script");
        script.src = new URL(`worker-${id}.js`, ASSETS).href;
        script.onload = () => {
          const source = scope.BOOK_WORKERS?.[id];
          if (source === undefined) reject(new Error(`${script.src} holds no worker for ${id}`));
          else resolve(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
        };
        script.onerror = () => reject(new Error(`Cannot load ${script.src}`));
        document.head.append(script);
      }),
    );
  }
  return workerUrls.get(id)!;
}

function readParams(section: HTMLElement): Params {
  const params: Params = {};
  for (
    const input of section.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[data-param]")
  ) {
    params[input.dataset.param!] = input instanceof HTMLInputElement
      ? Number(input.value)
      : input.value;
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

/**
 * Starts a run in a new Web Worker; the progress bar follows the worker's
 * reports (and shows an indeterminate bar while the worker's script loads).
 */
async function runInWorker(
  section: HTMLElement,
  id: string,
  params: Params,
  started: (worker: Worker) => void,
): Promise<ExperimentResult> {
  const progress = section.querySelector<HTMLProgressElement>("progress")!;
  progress.hidden = false;
  progress.removeAttribute("value");
  let url: string;
  try {
    url = await workerUrl(id);
  } catch (error) {
    progress.hidden = true;
    throw error;
  }
  const worker = new Worker(url);
  started(worker);
  const result = new Promise<ExperimentResult>((resolve, reject) => {
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.type === "progress") {
        progress.max = message.total;
        progress.value = message.done;
        return;
      }
      progress.hidden = true;
      worker.terminate();
      if (message.type === "result") resolve(message.result);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      progress.hidden = true;
      worker.terminate();
      reject(new Error(event.message));
    };
  });
  worker.postMessage({ id, params });
  return await result;
}

function setupExperiment(section: HTMLElement): void {
  const id = section.dataset.experiment!;
  const experiment = experimentById(id);
  let worker: Worker | undefined;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const status = section.querySelector<HTMLElement>(".status")!;

  const run = async () => {
    const mine = ++generation;
    const params = readParams(section);
    section.dataset.state = "running";
    status.textContent = "running…";
    try {
      let result: ExperimentResult;
      if (experiment.worker) {
        // A newer run replaces an older one: stop its worker.
        worker?.terminate();
        result = await runInWorker(section, id, params, (w) => {
          // A newer run may have started while the worker's script loaded.
          if (mine === generation) worker = w;
          else w.terminate();
        });
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

  for (
    const input of section.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[data-param]")
  ) {
    const output = section.querySelector<HTMLOutputElement>(`output[for='${input.id}']`);
    input.addEventListener("input", () => {
      if (output) output.textContent = input.value;
      clearTimeout(timer);
      section.dataset.state = "pending";
      timer = setTimeout(run, 150);
    });
  }
  // Run once the experiment scrolls into view (a page may hold several heavy ones).
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      if (generation === 0) run();
    }
  }, { rootMargin: "200px" });
  observer.observe(section);
}

for (const section of document.querySelectorAll<HTMLElement>("[data-experiment]")) {
  setupExperiment(section);
}
