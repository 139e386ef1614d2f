import { assertInteger, raise } from "../_shared/validate.ts";

/** Options of {@link splitPassages}. */
export interface SplitPassagesOptions {
  /** A passage collects whole sentences until it has at least this many words. @default 120 */
  minWords?: number;
}

const SENTENCE_END = /(?<=[.!?]["'”’)]?)\s+(?=["'“‘(]?[A-Z0-9])/;

const countWords = (s: string) => s.split(/\s+/).filter((w) => w.length > 0).length;

/**
 * Splits a long text into passages of whole sentences, each with at least
 * `minWords` words (the last one is merged into its predecessor when it is
 * shorter than half of that). Sentences end at ".", "!" or "?" (optionally
 * followed by a closing quote or parenthesis) before white space and an upper-case
 * letter or digit. Passages, not whole documents, are what a search engine over
 * long speeches should return.
 *
 * @param text The text.
 * @param options See {@link SplitPassagesOptions}.
 * @returns The passages in text order (none for a text without words).
 * @throws {TypeError} If `text` is not a string.
 * @throws {RangeError} If `minWords` is not a positive integer.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitPassages } from "@lib/search/mod.ts";
 * const text = "One two three. Four five six! Seven eight? Nine.";
 * assert.deepEqual(splitPassages(text, { minWords: 4 }), [
 *   "One two three. Four five six!",
 *   "Seven eight? Nine.",
 * ]);
 * ```
 */
export function splitPassages(text: string, options: SplitPassagesOptions = {}): string[] {
  const context = "split passages";
  if (typeof text !== "string") raise("type", context, `text must be a string, got ${typeof text}`);
  const { minWords = 120 } = options;
  assertInteger(minWords, "minWords", context, { min: 1 });
  const passages: string[] = [];
  const words: number[] = [];
  let current: string[] = [], count = 0;
  for (const raw of text.split(SENTENCE_END)) {
    const sentence = raw.trim();
    if (sentence === "") continue;
    current.push(sentence);
    count += countWords(sentence);
    if (count >= minWords) {
      passages.push(current.join(" "));
      words.push(count);
      current = [];
      count = 0;
    }
  }
  if (count > 0) {
    if (passages.length > 0 && count < minWords / 2) {
      passages[passages.length - 1] += " " + current.join(" ");
    } else {
      passages.push(current.join(" "));
    }
  }
  return passages;
}
