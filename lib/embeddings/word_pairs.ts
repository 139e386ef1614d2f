import { raise } from "../_shared/validate.ts";

/** A pair of words with a relatedness grade. */
export interface WordPair {
  word1: string;
  word2: string;
  /** 0 unrelated, 1 loosely, 2 related, 3 closely related (same topic or inflection). */
  grade: number;
}

/**
 * The hand-made list of word pairs of chapter 5 (`data/word_relatedness.csv`, 77 pairs graded
 * 0–3, all words frequent in State of the Union addresses since 1900; see `data/README.md`).
 * A small list: its Spearman correlations are coarse and carry a wide interval.
 *
 * @returns The pairs in file order.
 * @see notebooks/05_embeddings.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadWordPairs } from "@lib/embeddings/mod.ts";
 * const pairs = loadWordPairs();
 * assert.deepEqual(pairs[0], { word1: "army", word2: "navy", grade: 3 });
 * ```
 */
export function loadWordPairs(): WordPair[] {
  const text = Deno.readTextFileSync(new URL("../../data/word_relatedness.csv", import.meta.url));
  const [header, ...lines] = text.trim().split("\n");
  if (header.trim() !== "word1,word2,grade") {
    raise("range", "load word pairs", `unexpected header ${JSON.stringify(header)}`);
  }
  return lines.map((line, i) => {
    const [word1, word2, grade] = line.trim().split(",");
    const g = Number(grade);
    if (!word1 || !word2 || !Number.isInteger(g)) {
      raise("range", "load word pairs", `line ${i + 2} is malformed: ${JSON.stringify(line)}`);
    }
    return { word1, word2, grade: g };
  });
}
