/**
 * The sizes and tasks of chapter 6's live experiment (see `_digits.ts`): plain
 * constants, which the page's script reads too.
 *
 * @module
 */

/** How many images per class each set keeps. */
export const DIGIT_COUNTS = { sourcePool: 60, targetPool: 60, targetTest: 60 } as const;

/** The chapter's two tasks and seeds: digits 0–4 with `seed`, 5–9 with `seed + 1`. */
export const DIGIT_TASKS = { source: [0, 1, 2, 3, 4], target: [5, 6, 7, 8, 9], seed: 42 } as const;
