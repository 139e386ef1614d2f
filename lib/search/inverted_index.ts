import { raise } from "../_shared/validate.ts";

/**
 * An inverted index: for every term, the documents containing it and how often
 * (its postings list, documents in ascending order), plus what BM25 needs about
 * the documents. Postings are stored compressed-row style: the postings of term
 * `t` are entries `postingStart[t]` … `postingStart[t + 1] − 1` of `postingDocs`
 * and `postingTfs`.
 */
export interface InvertedIndex {
  /** Number of documents N. */
  readonly numDocs: number;
  /** Term → term id. */
  readonly vocabulary: ReadonlyMap<string, number>;
  /** Term id → term. */
  readonly terms: readonly string[];
  /** Document frequency $n(t)$: documents containing each term. */
  readonly docFreq: Int32Array;
  /** Offsets of each term's postings, length `terms.length + 1`. */
  readonly postingStart: Int32Array;
  /** Document id of each posting. */
  readonly postingDocs: Int32Array;
  /** Term frequency $f(t, D)$ of each posting. */
  readonly postingTfs: Int32Array;
  /** Length $|D|$ of each document in terms. */
  readonly docLengths: Int32Array;
  /** Mean document length avgdl (0 for an index of empty documents). */
  readonly avgDocLength: number;
  /** Each document as term ids in text order (for positional features). */
  readonly docTerms: readonly Int32Array[];
}

/**
 * Builds an {@link InvertedIndex} from tokenized documents (e.g. by `tokenize`);
 * document ids are positions in `docs`. Time and memory are linear in the
 * number of tokens.
 *
 * @param docs One array of terms per document.
 * @returns The index.
 * @throws {TypeError} If `docs` is not an array of string arrays.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildIndex, postings } from "@lib/search/mod.ts";
 * const index = buildIndex([["tax", "cut"], ["tax", "tax", "war"], ["war"]]);
 * assert.deepEqual(postings(index, "tax"), { docs: [0, 1], tfs: [1, 2] });
 * assert.equal(index.avgDocLength, 2);
 * ```
 */
export function buildIndex(docs: readonly (readonly string[])[]): InvertedIndex {
  const context = "build an inverted index";
  if (!Array.isArray(docs)) raise("type", context, "docs must be an array of term arrays");
  const vocabulary = new Map<string, number>();
  const terms: string[] = [];
  const docTerms: Int32Array[] = [];
  const docLengths = new Int32Array(docs.length);
  let total = 0;
  docs.forEach((doc, d) => {
    if (!Array.isArray(doc)) raise("type", context, `docs[${d}] must be an array of terms`);
    const ids = new Int32Array(doc.length);
    doc.forEach((term, j) => {
      if (typeof term !== "string") {
        raise("type", context, `docs[${d}][${j}] must be a string, got ${typeof term}`);
      }
      let id = vocabulary.get(term);
      if (id === undefined) {
        id = terms.length;
        vocabulary.set(term, id);
        terms.push(term);
      }
      ids[j] = id;
    });
    docTerms.push(ids);
    docLengths[d] = doc.length;
    total += doc.length;
  });
  const T = terms.length;
  const docFreq = new Int32Array(T);
  const lastDoc = new Int32Array(T).fill(-1);
  for (let d = 0; d < docTerms.length; d++) {
    for (const t of docTerms[d]) {
      if (lastDoc[t] !== d) {
        lastDoc[t] = d;
        docFreq[t]++;
      }
    }
  }
  const postingStart = new Int32Array(T + 1);
  for (let t = 0; t < T; t++) postingStart[t + 1] = postingStart[t] + docFreq[t];
  const postingDocs = new Int32Array(postingStart[T]);
  const postingTfs = new Int32Array(postingStart[T]);
  const next = postingStart.slice(0, T);
  lastDoc.fill(-1);
  for (let d = 0; d < docTerms.length; d++) {
    for (const t of docTerms[d]) {
      if (lastDoc[t] !== d) {
        lastDoc[t] = d;
        postingDocs[next[t]] = d;
        next[t]++;
      }
      postingTfs[next[t] - 1]++;
    }
  }
  return {
    numDocs: docs.length,
    vocabulary,
    terms,
    docFreq,
    postingStart,
    postingDocs,
    postingTfs,
    docLengths,
    avgDocLength: docs.length === 0 ? 0 : total / docs.length,
    docTerms,
  };
}

/**
 * The postings of one term as plain arrays (empty for a term not in the index).
 *
 * @param index The index.
 * @param term A term (already tokenized).
 * @returns `{ docs, tfs }`: document ids ascending and term frequencies.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildIndex, postings } from "@lib/search/mod.ts";
 * assert.deepEqual(postings(buildIndex([["war"]]), "peace"), { docs: [], tfs: [] });
 * ```
 */
export function postings(index: InvertedIndex, term: string): { docs: number[]; tfs: number[] } {
  const t = index.vocabulary.get(term);
  if (t === undefined) return { docs: [], tfs: [] };
  const from = index.postingStart[t], to = index.postingStart[t + 1];
  return {
    docs: Array.from(index.postingDocs.subarray(from, to)),
    tfs: Array.from(index.postingTfs.subarray(from, to)),
  };
}
