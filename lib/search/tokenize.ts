import { assertOneOf, raise } from "../_shared/validate.ts";

/**
 * A short English stop-word list (function words that carry no topic): articles,
 * pronouns, auxiliaries, prepositions and conjunctions, after lower-casing.
 *
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ENGLISH_STOPWORDS } from "@lib/search/mod.ts";
 * assert.ok(ENGLISH_STOPWORDS.has("the") && !ENGLISH_STOPWORDS.has("nixon"));
 * ```
 */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  ("a about above after again all also am an and any are as at be because been before being " +
    "below between both but by can could did do does doing down during each few for from " +
    "further had has have having he her here hers herself him himself his how i if in into is " +
    "it its itself just me more most my myself no nor not now of off on once only or other our " +
    "ours ourselves out over own same shall she should so some such than that the their theirs " +
    "them themselves then there these they this those through to too under until up upon us " +
    "very was we were what when where which while who whom why will with would you your yours " +
    "yourself yourselves")
    .split(" "),
);

/** Stemmers of {@link tokenize}. */
export type Stemmer = "none" | "s";

/** Options of {@link tokenize}. */
export interface TokenizeOptions {
  /** Words to drop after lower-casing. @default ENGLISH_STOPWORDS */
  stopwords?: ReadonlySet<string>;
  /** `"s"`: Harman's S-stemmer (plural endings); `"none"`: keep words as they are. @default "s" */
  stemmer?: Stemmer;
  /** Shortest token kept, in characters. @default 2 */
  minLength?: number;
}

/**
 * Harman's S-stemmer, which removes English plural endings only:
 * "-ies" → "-y" (unless "-eies", "-aies"); "-es" → "-e" (unless "-aes", "-ees", "-oes");
 * "-s" → "" (unless "-us", "-ss"). Words of three letters or fewer are kept.
 *
 * Reference: D. Harman, "How effective is suffixing?", JASIS 42(1), 1991, table 1.
 *
 * @param word A lower-case word.
 * @returns The stem.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sStem } from "@lib/search/mod.ts";
 * assert.deepEqual(["policies", "taxes", "weapons", "congress", "status"].map(sStem),
 *   ["policy", "taxe", "weapon", "congress", "status"]);
 * ```
 */
export function sStem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && !word.endsWith("eies") && !word.endsWith("aies")) {
    return word.slice(0, -3) + "y";
  }
  if (word.endsWith("es") && !/[aeo]es$/.test(word)) return word.slice(0, -1);
  if (word.endsWith("s") && !word.endsWith("us") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Splits text into index terms: Unicode-normalises and lower-cases it, strips
 * accents, takes maximal runs of letters and digits as words (so "Nixon's" gives
 * "nixon" and "s"), drops stop words and words shorter than `minLength`, and stems.
 * The same function must tokenize documents and queries.
 *
 * @param text Any text.
 * @param options See {@link TokenizeOptions}.
 * @returns The terms in text order.
 * @throws {TypeError} If `text` is not a string.
 * @throws {RangeError} If `minLength` is not a positive integer or `stemmer` is unknown.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "@lib/search/mod.ts";
 * assert.deepEqual(tokenize("The Programming Languages of Nixon's era"),
 *   ["programming", "language", "nixon", "era"]);
 * ```
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const context = "tokenize";
  const { stopwords = ENGLISH_STOPWORDS, stemmer = "s", minLength = 2 } = options;
  if (typeof text !== "string") raise("type", context, `text must be a string, got ${typeof text}`);
  assertOneOf(stemmer, ["none", "s"], "stemmer", context);
  if (!Number.isInteger(minLength) || minLength < 1) {
    raise("range", context, `minLength must be a positive integer, got ${minLength}`);
  }
  const folded = text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  const out: string[] = [];
  for (const [word] of folded.matchAll(WORD)) {
    if (word.length < minLength || stopwords.has(word)) continue;
    out.push(stemmer === "s" ? sStem(word) : word);
  }
  return out;
}
