/**
 * Room for a horizontal legend above the plot: how many rows plotly.js will wrap
 * the entries into, estimated from the entry texts in Arial (or Liberation Sans,
 * which has the same widths), so that the figure grows by the rows its legend
 * takes. Other fonts give other rows; plotly.js then moves the plot area (see
 * `_header.ts`), so the estimate sizes the figure but never decides an overlap.
 *
 * @module
 */

/** Character widths of Arial / Liberation Sans in em (Helvetica AFM metrics, rounded). */
const WIDTHS: [string, number][] = [
  ["'|ijl", 0.23],
  [" !,./:;I[\\]ft", 0.28],
  ["()-`r{}", 0.34],
  ['"*^', 0.47],
  ["Jcksvxyz", 0.5],
  ["0123456789abdeghnopqu#$?_L–", 0.56],
  ["+<=>~×±", 0.59],
  ["FTZ", 0.62],
  ["ABEKPSVXY&", 0.67],
  ["CDHNRUw", 0.73],
  ["GOQ", 0.78],
  ["Mm", 0.84],
  ["%", 0.89],
  ["W", 0.95],
  ["@—→", 1.02],
];
const WIDTH_OF = new Map(WIDTHS.flatMap(([chars, w]) => [...chars].map((c) => [c, w])));
/** Width of a character not in the table (Greek letters, symbols): on the wide side. */
const OTHER = 0.7;

/** Legend font size and the sizes plotly.js gives legend entries, in pixels. */
const LEGEND = {
  fontSize: 13,
  /** Line sample (30) and the gaps around it (2 × 5), before the text. */
  sample: 40,
  /** Gap after an entry. */
  gap: 5,
  /** Height of one row of entries. */
  rowHeight: 20,
  /** Padding above and below the entries. */
  padding: 10,
} as const;

/** Estimated width in pixels of `text` in the figure font at `fontSize` (tags ignored). */
export function _textWidth(text: string, fontSize: number = LEGEND.fontSize): number {
  let em = 0;
  for (const c of text.replace(/<[^>]*>/g, "")) em += WIDTH_OF.get(c) ?? OTHER;
  // The table's widths are 1–3 % above the browser's for text in Latin letters.
  return Math.ceil(em * fontSize);
}

/**
 * Rows of a horizontal legend with these entries over a plot `plotWidth` pixels
 * wide, following plotly.js: entries are placed left to right at their own width
 * when all fit in one row; otherwise every entry takes the width of the widest and
 * rows wrap. `grouped` legends (entries with a `legendgroup`) wrap at each entry's
 * own width. 3 % of the width is kept in reserve for a y axis whose tick labels
 * widen the left margin.
 */
export function _legendRows(names: readonly string[], plotWidth: number, grouped: boolean): number {
  if (names.length === 0) return 0;
  const maxWidth = 0.97 * plotWidth;
  const widths = names.map((n) => LEGEND.sample + _textWidth(n) + LEGEND.gap);
  const total = widths.reduce((a, b) => a + b, 0);
  if (total < maxWidth) return 1;
  const widest = Math.max(...widths);
  let rows = 1, x = 0;
  for (const w of widths) {
    const step = grouped ? w : widest;
    if (x > 0 && x + step > maxWidth) {
      rows += 1;
      x = 0;
    }
    x += step;
  }
  return rows;
}

/** Height in pixels of a horizontal legend with `rows` rows (0 for no legend). */
export function _legendHeight(rows: number): number {
  return rows === 0 ? 0 : rows * LEGEND.rowHeight + LEGEND.padding;
}
