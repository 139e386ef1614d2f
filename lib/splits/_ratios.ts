import { assertInteger, raise } from "../_shared/validate.ts";

/** Named part ratios, e.g. `{ train: 0.6, validation: 0.2, test: 0.2 }`, in part order. */
export type Ratios<K extends string> = Readonly<Record<K, number>>;

/** Row indices of each named part, e.g. `{ train, validation, test }`. */
export type Split<K extends string> = Record<K, Int32Array>;

/** Tolerance on the sum of the ratios. */
export const RATIO_SUM_TOLERANCE = 1e-9;

/** Checks the ratios and returns part names and ratios (normalised to sum exactly to 1). */
export function checkRatios(
  ratios: unknown,
  context: string,
): { names: string[]; values: number[] } {
  if (ratios === null || typeof ratios !== "object" || Array.isArray(ratios)) {
    raise(
      "type",
      context,
      "ratios must be an object of named parts, e.g. { train: 0.8, test: 0.2 }",
    );
  }
  const names = Object.keys(ratios);
  if (names.length < 2) {
    raise("range", context, `ratios must name at least two parts, got ${names.length}`);
  }
  const values = names.map((name) => (ratios as Record<string, unknown>)[name]);
  let sum = 0;
  values.forEach((v, i) => {
    if (typeof v !== "number") {
      raise("type", context, `ratio of "${names[i]}" must be a number, got ${typeof v}`);
    }
    if (!Number.isFinite(v)) raise("range", context, `ratio of "${names[i]}" must be finite`);
    if (v < 0) {
      raise("range", context, `ratio of "${names[i]}" must be non-negative, got ${v}`);
    }
    sum += v;
  });
  if (Math.abs(sum - 1) > RATIO_SUM_TOLERANCE) {
    const listed = names.map((n, i) => `${n}=${values[i]}`).join(", ");
    raise(
      "range",
      context,
      `ratios must sum to 1 (within ${RATIO_SUM_TOLERANCE}), got ${sum} (${listed})`,
    );
  }
  return { names, values: (values as number[]).map((v) => v / sum) };
}

/**
 * Largest-remainder (Hamilton) rounding of `total · weights[i]`: every part gets
 * the floor of its quota, and the rows left over go one each to the parts with
 * the largest fractional remainders (ties to the earlier part). Each result is the
 * floor or the ceiling of its quota and the results sum to `total`.
 * `weights` must sum to 1.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const quotas = weights.map((w) => total * w);
  const sizes = quotas.map((q) => Math.floor(q + 1e-9));
  let left = total - sizes.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, frac: q - sizes[i] }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let j = 0; left > 0 && j < order.length; j++, left--) sizes[order[j].i]++;
  return sizes;
}

/** Throws the standard "part would get no rows" error. */
export function emptyPart(
  context: string,
  name: string,
  ratio: number,
  n: number,
  why = "",
): never {
  raise(
    "range",
    context,
    `part "${name}" would get no rows (ratio ${ratio} of ${n} rows${why}); ` +
      "use more rows or a larger ratio",
  );
}

/** Index arrays sorted ascending, one per part. */
export function sortedParts(parts: number[][]): Int32Array[] {
  return parts.map((p) => Int32Array.from(p).sort());
}

/** Builds the named split object from parts in the order of `names`. */
export function nameParts<K extends string>(names: string[], parts: Int32Array[]): Split<K> {
  const out = {} as Record<string, Int32Array>;
  names.forEach((name, i) => (out[name] = parts[i]));
  return out as Split<K>;
}

/** Validates `n` and the ratios and returns names, ratios and sizes (shared by the splits). */
export function checkedSizes(
  n: number,
  ratios: unknown,
  context: string,
): { names: string[]; values: number[]; counts: number[]; sizes: Record<string, number> } {
  assertInteger(n, "n", context, { min: 1 });
  const { names, values } = checkRatios(ratios, context);
  const counts = largestRemainder(n, values);
  counts.forEach((c, i) => {
    if (c === 0) emptyPart(context, names[i], values[i], n);
  });
  const sizes: Record<string, number> = {};
  names.forEach((name, i) => (sizes[name] = counts[i]));
  return { names, values, counts, sizes };
}
