import { raise } from "../_shared/validate.ts";
import type { SearchCorpus } from "./corpus.ts";
import { tokenize } from "./tokenize.ts";

/**
 * What a searcher means by a query, written down as judging guidelines: the
 * query text, the authors whose documents are wanted (by exact title), and
 * phrases that signal the topic, including words the query does not contain.
 */
export interface QueryIntent {
  /** The text typed into the search box. */
  readonly query: string;
  /** Titles (speakers) whose documents are relevant in themselves. @default [] */
  readonly speakers?: readonly string[];
  /** Phrases whose presence in a body signals the topic (tokenized like the corpus). */
  readonly terms: readonly string[];
}

/**
 * Constructed graded relevance (0–3) of every document for one intent, by a
 * transparent rule in place of human judges:
 *
 * $$\text{grade} = \min\big(3,\; 2\cdot[\text{title} \in \text{speakers}] + g(h)\big),
 * \qquad g(h) = \begin{cases} 0 & h = 0\\ 1 & h = 1\\ 2 & h \in \{2, 3\}\\ 3 & h \ge 4\end{cases}$$
 *
 * where h is the number of distinct intent phrases that occur in the body (a
 * phrase occurs when its terms appear consecutively; phrases that tokenize alike
 * count once). The rule knows words the
 * query does not contain, so no feature of the query alone reproduces it.
 *
 * @param corpus The corpus.
 * @param intent The {@link QueryIntent}.
 * @returns A `Uint8Array` of grades, one per document.
 * @throws {TypeError} If `intent.terms` is not an array of strings.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createCorpus, relevanceGrades } from "@lib/search/mod.ts";
 * const corpus = createCorpus([
 *   { title: "Richard Nixon", body: "We ended the war in Vietnam.", year: 1973 },
 *   { title: "Gerald R Ford", body: "President Nixon resigned after Watergate.", year: 1975 },
 *   { title: "Gerald R Ford", body: "Inflation is public enemy number one.", year: 1975 },
 * ]);
 * const grades = relevanceGrades(corpus, {
 *   query: "Richard Nixon", speakers: ["Richard Nixon"], terms: ["nixon", "watergate"],
 * });
 * assert.deepEqual([...grades], [2, 2, 0]);
 * ```
 */
export function relevanceGrades(corpus: SearchCorpus, intent: QueryIntent): Uint8Array {
  const context = "compute relevanceGrades";
  if (!Array.isArray(intent?.terms)) raise("type", context, "intent.terms must be an array");
  const { index, docs, titleLengths } = corpus;
  const phrases = intent.terms.map((phrase, j) => {
    if (typeof phrase !== "string") raise("type", context, `intent.terms[${j}] must be a string`);
    return tokenize(phrase, corpus.tokenizeOptions).map((t) => index.vocabulary.get(t) ?? -1);
  }).filter((ids, j, all) =>
    ids.length > 0 && ids.every((t) => t >= 0) &&
    all.findIndex((other) => other.join() === ids.join()) === j
  );
  const speakers = new Set(intent.speakers ?? []);
  const hits = new Int32Array(index.numDocs);
  for (const phrase of phrases) {
    // Only documents that contain the phrase's first term can contain the phrase.
    const L = phrase.length, first = phrase[0];
    for (let p = index.postingStart[first]; p < index.postingStart[first + 1]; p++) {
      const d = index.postingDocs[p], terms = index.docTerms[d];
      for (let j = titleLengths[d]; j + L <= terms.length; j++) {
        let r = 0;
        while (r < L && terms[j + r] === phrase[r]) r++;
        if (r === L) {
          hits[d]++;
          break;
        }
      }
    }
  }
  const grades = new Uint8Array(index.numDocs);
  for (let d = 0; d < index.numDocs; d++) {
    const topical = hits[d] >= 4 ? 3 : hits[d] >= 2 ? 2 : hits[d];
    grades[d] = Math.min(3, (speakers.has(docs[d].title) ? 2 : 0) + topical);
  }
  return grades;
}
