/**
 * The shape of a live experiment of the book: controls bound to a chapter's
 * parameters and a `run` that calls the library and returns a figure, the numbers
 * it computed and a sentence built from them. Experiments run in the reader's
 * browser (bundled by esbuild) and in Deno (tests), so this file and every
 * experiment import only browser-safe parts of `lib/`.
 *
 * @module
 */
import type { FigureSpec } from "../../../lib/plot/figure.ts";

/** A value of a control: a number (sliders) or a string (selects). */
export type ParamValue = number | string;

/** The values of an experiment's controls, by control name. */
export type Params = Record<string, ParamValue>;

/** A slider. */
export interface RangeControl {
  kind: "range";
  /** Parameter name (the key in {@link Params}). */
  name: string;
  /** Label shown to the reader, with the unit. */
  label: string;
  min: number;
  max: number;
  step: number;
  /** Default value: the chapter's parameter. */
  value: number;
}

/** A drop-down list. */
export interface SelectControl {
  kind: "select";
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value: string;
}

/** One control of an experiment. */
export type Control = RangeControl | SelectControl;

/** How a number is shown (its raw value is kept for tests). */
export type NumberFormat = "integer" | "percent" | "fixed2" | "fixed3" | "fixed4" | "ms";

/** One number an experiment computed. */
export interface ResultNumber {
  /** Stable key (used by tests). */
  key: string;
  /** Label shown to the reader. */
  label: string;
  /** The value as the library computed it. */
  value: number;
  format: NumberFormat;
}

/** What one run returns. */
export interface ExperimentResult {
  figure: FigureSpec;
  numbers: ResultNumber[];
  /** One or two sentences built from the numbers (verdict words chosen by them). */
  summary: string;
}

/** Reports progress of a long run: `done` of `total` steps. */
export type ProgressReport = (done: number, total: number) => void;

/** A live experiment. */
export interface Experiment {
  /** Unique id (letters, digits, dashes). */
  id: string;
  /** Stem of the chapter's notebook file, e.g. `"04_experimentation"`. */
  chapter: string;
  /** Heading shown above it. */
  title: string;
  /** What the reader can try (markdown, may contain `$…$` math). */
  intro: string;
  /** Id of the notebook cell after which it is placed; the end of the chapter when absent or not found. */
  afterCell?: string;
  /** Text of a heading (e.g. `"Summary"`) the experiment is placed before; used when `afterCell` is absent. */
  beforeHeading?: string;
  controls: Control[];
  /** Run in a Web Worker with a progress bar (for runs longer than ~100 ms). */
  worker?: boolean;
  /** Small values for the browser tests, so that a run takes well under a second. */
  testParams?: Params;
  /** Calls the library; same params → same result in the browser and in Deno. */
  run(params: Params, progress: ProgressReport): ExperimentResult | Promise<ExperimentResult>;
}

/** The defaults of an experiment's controls. */
export function defaultParams(experiment: Experiment): Params {
  return Object.fromEntries(experiment.controls.map((c) => [c.name, c.value]));
}

/** Reads a numeric parameter, failing with a message that names it. */
export function num(params: Params, name: string): number {
  const value = params[name];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`Cannot run experiment: ${name} must be a finite number, got ${value}`);
  }
  return value;
}

/** Formats a number as the reader sees it. */
export function formatNumber(value: number, format: NumberFormat): string {
  if (!Number.isFinite(value)) return String(value);
  switch (format) {
    case "integer":
      return Math.round(value).toLocaleString("en-US");
    case "percent":
      return `${(100 * value).toFixed(1)} %`;
    case "fixed2":
      return value.toFixed(2);
    case "fixed3":
      return value.toFixed(3);
    case "fixed4":
      return value.toFixed(4);
    case "ms":
      return `${Number(value.toPrecision(3)).toLocaleString("en-US")} ms`;
  }
}
