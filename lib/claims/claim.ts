import { formatForMessage } from "../_shared/format.ts";
import { raise } from "../_shared/validate.ts";

/** The MIME type under which a claim's verdict travels in a notebook output. */
export const CLAIM_MIME = "application/vnd.workbook.claim+json";

/** A piece of evidence shown beside a claim. */
export type Evidence = Record<string, number | string | boolean>;

/** One checked statement: the JSON carried by {@link CLAIM_MIME}. */
export interface ClaimRecord {
  /** Whether the statement holds for the numbers at hand. */
  ok: boolean;
  /** The statement, as the reader sees it. */
  text: string;
  /** The numbers behind it (may be empty). */
  evidence: Evidence;
}

const DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

function evidenceText(evidence: Evidence): string {
  return Object.entries(evidence)
    .map(([k, v]) => `${k} = ${typeof v === "number" ? formatForMessage(v) : String(v)}`)
    .join(", ");
}

function line(record: ClaimRecord, markdown: boolean): string {
  const mark = record.ok ? "✓" : "✗";
  const text = markdown ? `**${record.text}**` : record.text;
  const prefix = record.ok ? "" : markdown ? "_does not hold:_ " : "does not hold: ";
  const evidence = evidenceText(record.evidence);
  return `${mark} ${prefix}${text}${evidence ? ` — ${evidence}` : ""}`;
}

/**
 * One or more checked statements that display themselves in the Jupyter kernel
 * as ✓ or ✗ lines with their evidence. The bundle carries `text/markdown`,
 * `text/plain` and {@link CLAIM_MIME}; the notebook runner reads the last one
 * and fails a run (and the seed sweep) on any ✗, naming the notebook, the cell
 * and the statement.
 */
export class Claims {
  /** The statements, in the order given. */
  readonly records: readonly ClaimRecord[];

  /** Wraps checked statements (use {@link claim} and {@link claims}). */
  constructor(records: readonly ClaimRecord[]) {
    this.records = records;
  }

  /** True when every statement holds. */
  get ok(): boolean {
    return this.records.every((r) => r.ok);
  }

  /** The statements as plain text, one line each. */
  toString(): string {
    return this.records.map((r) => line(r, false)).join("\n");
  }

  /** The MIME bundle shown when a cell ends with these claims. */
  [DISPLAY](): Record<string, unknown> {
    const first = this.records[0];
    const payload = this.records.length === 1 ? { ...first } : {
      ok: this.ok,
      text: this.records.map((r) => r.text).join("; "),
      evidence: {},
      claims: this.records,
    };
    return {
      "text/markdown": this.records.map((r) => line(r, true)).join("  \n"),
      "text/plain": this.toString(),
      [CLAIM_MIME]: payload,
    };
  }
}

function record(condition: unknown, text: unknown, evidence: unknown): ClaimRecord {
  const context = "make claim";
  if (typeof condition !== "boolean") {
    raise("type", context, `condition must be a boolean, got ${typeof condition}`);
  }
  if (typeof text !== "string" || text.trim() === "") {
    raise("type", context, "text must be a non-empty string");
  }
  if (evidence === null || typeof evidence !== "object" || Array.isArray(evidence)) {
    raise("type", context, "evidence must be an object of named numbers, strings or booleans");
  }
  for (const [k, v] of Object.entries(evidence)) {
    if (!["number", "string", "boolean"].includes(typeof v)) {
      raise("type", context, `evidence.${k} must be a number, string or boolean, got ${typeof v}`);
    }
  }
  return { ok: condition, text, evidence: { ...(evidence as Evidence) } };
}

/**
 * A visible check of a conclusion: ends a cell with "✓ text — evidence" when
 * `condition` holds and "✗ does not hold: text — evidence" when it does not. A
 * reader who changes a parameter sees at once which conclusions still hold; the
 * seed sweep fails on a ✗. Claim only what should hold for any seed; word by the
 * data (see {@link describeComparison}) what may not.
 *
 * Numbers in `evidence` are shown with four significant digits.
 *
 * @param condition The check, computed from the notebook's numbers.
 * @param text The conclusion, as a sentence.
 * @param evidence The numbers behind it, by name.
 * @returns A displayable {@link Claims} with one statement.
 * @throws {TypeError} If `condition` is not a boolean, `text` is empty or an
 *   evidence value is not a number, string or boolean.
 * @see notebooks/00_tour.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claim } from "@lib/claims/mod.ts";
 * const c = claim(0.81 > 0.74, "the MLP beats logistic regression", { mlp: 0.81, lr: 0.74 });
 * assert.equal(c.toString(), "✓ the MLP beats logistic regression — mlp = 0.81, lr = 0.74");
 * assert.equal(claim(false, "it rains").toString(), "✗ does not hold: it rains");
 * ```
 */
export function claim(condition: boolean, text: string, evidence: Evidence = {}): Claims {
  return new Claims([record(condition, text, evidence)]);
}

/**
 * Several claims shown together in one output (one line each).
 *
 * @param items Claims made with {@link claim} (at least one).
 * @returns One displayable {@link Claims} holding every statement.
 * @throws {TypeError} If an item is not a {@link Claims}.
 * @throws {RangeError} If no item is given.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claim, claims } from "@lib/claims/mod.ts";
 * const both = claims(claim(true, "a"), claim(false, "b"));
 * assert.equal(both.ok, false);
 * assert.equal(both.records.length, 2);
 * ```
 */
export function claims(...items: Claims[]): Claims {
  if (items.length === 0) raise("range", "combine claims", "give at least one claim");
  items.forEach((c, i) => {
    if (!(c instanceof Claims)) raise("type", "combine claims", `items[${i}] must be a claim`);
  });
  return new Claims(items.flatMap((c) => c.records));
}
