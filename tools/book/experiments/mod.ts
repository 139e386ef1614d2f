/**
 * The registry of the book's live experiments: every chapter page shows the
 * experiments registered here for its notebook (by file stem), and the
 * experiments page shows them all.
 *
 * To add a chapter's experiment:
 *
 * 1. Write `tools/book/experiments/<notebook stem>.ts` exporting an
 *    {@link Experiment}: `chapter` is the notebook's file stem, `afterCell` the id
 *    of the cell it follows (or `beforeHeading` the heading it precedes; without
 *    either it goes to the end of the chapter), `controls` default to the
 *    notebook's parameters (`tests/book/experiments_test.ts` checks them),
 *    `run(params, progress)` calls the library (import files of `lib/` that run in a
 *    browser: no `Deno.*`, no `node:` modules, no files or datasets on disk) and
 *    returns a figure, its numbers and a sentence built from them. Set
 *    `worker: true` when a run takes more than ~100 ms, and `testParams` small
 *    enough for a run of well under a second. Data goes into the bundle: a
 *    package's JSON files imported directly (`_sotu.ts`), or a module that reads a
 *    dataset in Deno and that the bundler replaces by the same numbers
 *    (`_digits.ts`, see `_bundle.ts`); worker experiments' data reaches the Web
 *    Worker only. tfjs runs on its CPU backend (`06_transfer_learning.ts`), which
 *    gives the same numbers in Deno and in the browser.
 * 2. Add it to {@link experiments} below. An experiment registered before its
 *    notebook exists shows on the experiments page only.
 * 3. `deno test -A tests/book/` checks that it bundles for the browser, runs in
 *    Deno and in Chromium with the same numbers, and reacts to its controls.
 *
 * @module
 */
import type { Experiment } from "./types.ts";
import { seedDraws } from "./00_tour.ts";
import { costThreshold } from "./01_setup.ts";
import { slaPlanner } from "./02_capacity.ts";
import { explorationRate } from "./03_data_collection.ts";
import { peekingSimulator, sampleSize } from "./04_experimentation.ts";
import { wordNeighbours } from "./05_embeddings.ts";
import { transferSize } from "./06_transfer_learning.ts";
import { driftDetector } from "./07_debugging.ts";

export type * from "./types.ts";
export { defaultParams, formatNumber } from "./types.ts";

/** Every live experiment, in chapter order. */
export const experiments: readonly Experiment[] = [
  seedDraws,
  costThreshold,
  slaPlanner,
  explorationRate,
  sampleSize,
  peekingSimulator,
  wordNeighbours,
  transferSize,
  driftDetector,
];

/** The experiment with this id. */
export function experimentById(id: string): Experiment {
  const found = experiments.find((e) => e.id === id);
  if (!found) throw new RangeError(`Cannot find experiment: no experiment has the id ${id}`);
  return found;
}
