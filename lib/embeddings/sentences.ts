import { raise } from "../_shared/validate.ts";

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Splits texts into sentences (at `.`, `!`, `?`, `;` and blank lines) and each sentence into
 * lower-case words (runs of letters and digits; no stop-word removal, no stemming): the
 * input word2vec trains on, with context windows that stop at sentence ends.
 *
 * @param texts Raw texts (e.g. State of the Union addresses).
 * @returns Tokenised, non-empty sentences in text order.
 * @throws {TypeError} If a text is not a string.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sentencesOf } from "@lib/embeddings/mod.ts";
 * assert.deepEqual(sentencesOf(["The Union is strong. We will act!"]), [
 *   ["the", "union", "is", "strong"], ["we", "will", "act"],
 * ]);
 * ```
 */
export function sentencesOf(texts: readonly string[]): string[][] {
  const out: string[][] = [];
  texts.forEach((text, i) => {
    if (typeof text !== "string") {
      raise("type", "split sentences", `texts[${i}] must be a string, got ${typeof text}`);
    }
    for (const part of text.split(/[.!?;]+|\n\s*\n/)) {
      const words = part.toLowerCase().match(WORD);
      if (words !== null) out.push(words);
    }
  });
  return out;
}
