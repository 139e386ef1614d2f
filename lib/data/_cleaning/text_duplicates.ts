import { assertFiniteNumber, assertInteger, raise } from "../../_shared/validate.ts";
import { checkColumnNames, checkTable, type Columns, isMissing, keepRows } from "./_table.ts";
import type { DropRowsResult, RemovedRow } from "./duplicates.ts";
import { shingleRanks, sortedJaccard } from "./_shingle_ranks.ts";

/**
 * Normalises text for duplicate detection: Unicode NFKC, lower case, every run
 * of characters that are not letters or digits replaced by one space, trimmed.
 * So `"FREE  money!!!"` and `"free money"` are the same text.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalizeText } from "@lib/data/mod.ts";
 * assert.equal(normalizeText("  FREE\tmoney!!! Now "), "free money now");
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function normalizeText(text: string): string {
  if (typeof text !== "string") {
    raise("type", "normalise text", `text must be a string, got ${typeof text}`);
  }
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/**
 * The set of word shingles (w-shingling, Broder 1997) of the normalised text:
 * every run of `size` consecutive words, joined by spaces. A text with fewer
 * words than `size` has its whole normalised form as its only shingle, and an
 * empty text has none.
 *
 * @param text The text.
 * @param size Words per shingle (≥ 1). @default 3
 * @returns The distinct shingles.
 * @throws {RangeError} If `size` is not an integer ≥ 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shingles } from "@lib/data/mod.ts";
 * assert.deepEqual([...shingles("a rose is a rose is a rose", 3)].sort(), [
 *   "a rose is", "is a rose", "rose is a",
 * ]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function shingles(text: string, size = 3): Set<string> {
  assertInteger(size, "size", "compute shingles", { min: 1 });
  const words = normalizeText(text).split(" ").filter((w) => w.length > 0);
  if (words.length === 0) return new Set();
  if (words.length < size) return new Set([words.join(" ")]);
  const out = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(" "));
  return out;
}

/**
 * Jaccard similarity of two sets, $J(A, B) = |A \cap B| / |A \cup B|$; two
 * empty sets count as identical ($J = 1$).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { jaccard } from "@lib/data/mod.ts";
 * assert.equal(jaccard(new Set(["a", "b", "c"]), new Set(["b", "c", "d"])), 0.5);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** Options of {@link dropNearDuplicateTexts}. */
export interface DropNearDuplicateTextsOptions {
  /** The text column. */
  column: string;
  /** Smallest Jaccard similarity of shingle sets that counts as a duplicate, in (0, 1]. @default 0.9 */
  threshold?: number;
  /** Words per shingle. @default 3 */
  shingleSize?: number;
}

/**
 * Removes near-duplicate texts (the same spam e-mail sent with a different
 * greeting, a forwarded copy): row $i$ duplicates an earlier kept row $j$ when
 * the word shingles of their normalised texts overlap enough,
 *
 * $$ J(S_i, S_j) = \frac{|S_i \cap S_j|}{|S_i \cup S_j|} \ge \text{threshold}, $$
 *
 * and the kept row with the smallest index is named. Texts equal after
 * {@link normalizeText} have $J = 1$. All pairs above the threshold are found
 * exactly, without comparing every pair: shingles are ordered by rarity and two
 * sets can reach the threshold only if they share one of their first
 * $|S| - \lceil t|S| \rceil + 1$ shingles (the prefix filter of Chaudhuri et
 * al., 2006), and only if their sizes are within a factor $t$.
 *
 * Edge cases: missing cells are kept and never compared; rows are compared
 * only with rows kept so far (greedy, in row order). Cost: the 6,046
 * SpamAssassin e-mails (21 MB of text) take about 3 s.
 *
 * @param table The columns.
 * @param options The text column, threshold and shingle size.
 * @returns The table without near duplicates, the kept rows, and each removed row.
 * @throws {TypeError} If a non-missing cell of the column is not a string.
 * @throws {RangeError} On an unknown column, a threshold outside (0, 1] or a bad shingle size.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dropNearDuplicateTexts } from "@lib/data/mod.ts";
 * const body = "you have won a prize claim it today by replying with your bank details";
 * const t = { text: [`Dear John, ${body}`, "meeting moved to friday", `Dear Mary, ${body}`] };
 * const { kept, removed } = dropNearDuplicateTexts(t, { column: "text", threshold: 0.7 });
 * assert.deepEqual([...kept], [0, 1]);
 * assert.equal(removed[0].duplicateOf, 0);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function dropNearDuplicateTexts(
  table: Columns,
  options: DropNearDuplicateTextsOptions,
): DropRowsResult {
  const context = "drop near-duplicate texts";
  const { names, nRows } = checkTable(table, context);
  const { threshold = 0.9, shingleSize = 3 } = options ?? {};
  const [column] = checkColumnNames([options?.column], names, context);
  assertFiniteNumber(threshold, "threshold", context);
  if (threshold <= 0 || threshold > 1) {
    raise("range", context, `threshold must be in (0, 1], got ${threshold}`);
  }
  assertInteger(shingleSize, "shingleSize", context, { min: 1 });
  const col = table[column];
  const texts: (string | undefined)[] = [];
  for (let i = 0; i < nRows; i++) {
    const v = col[i];
    if (isMissing(v)) texts.push(undefined);
    else if (typeof v === "string") texts.push(normalizeText(v));
    else raise("type", context, `column "${column}" must hold strings, row ${i} has ${typeof v}`);
  }
  const sets = shingleRanks(texts, shingleSize);
  const index = new Map<number, number[]>(); // prefix shingle → kept rows
  let firstEmpty = -1;
  const kept: number[] = [];
  const removed: RemovedRow[] = [];
  for (let i = 0; i < nRows; i++) {
    const s = sets[i];
    if (s === undefined) {
      kept.push(i);
      continue;
    }
    if (s.length === 0) {
      if (firstEmpty === -1) {
        firstEmpty = i;
        kept.push(i);
      } else {
        removed.push({
          row: i,
          duplicateOf: firstEmpty,
          reason: `empty text, like row ${firstEmpty}`,
        });
      }
      continue;
    }
    const prefix = s.subarray(0, s.length - Math.ceil(threshold * s.length - 1e-9) + 1);
    const candidates = new Set<number>();
    for (const x of prefix) for (const j of index.get(x) ?? []) candidates.add(j);
    let match = -1, similarity = 0;
    for (const j of [...candidates].sort((a, b) => a - b)) {
      const other = sets[j]!;
      if (
        other.length < threshold * s.length - 1e-9 || s.length < threshold * other.length - 1e-9
      ) continue;
      const sim = sortedJaccard(s, other);
      if (sim >= threshold - 1e-12) {
        match = j;
        similarity = sim;
        break;
      }
    }
    if (match === -1) {
      kept.push(i);
      for (const x of prefix) {
        const list = index.get(x);
        if (list) list.push(i);
        else index.set(x, [i]);
      }
    } else {
      removed.push({
        row: i,
        duplicateOf: match,
        reason: `near-duplicate text of row ${match}: Jaccard ${+similarity.toFixed(4)} ≥ ` +
          `${threshold} (${shingleSize}-word shingles)`,
      });
    }
  }
  kept.sort((a, b) => a - b);
  return { table: keepRows(table, kept), kept: Int32Array.from(kept), removed };
}
