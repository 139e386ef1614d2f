/**
 * The length rule for notebook code cells: one idea a cell, at most
 * {@link MAX_CELL_LINES} lines of code. Blank lines and import declarations do not
 * count (a cell of imports may be long); the cell tagged `parameters` is exempt.
 *
 * @module
 */
import type { NotebookCell } from "./_extract_cells.ts";

/** The most lines of code a notebook cell may have. */
export const MAX_CELL_LINES = 15;

/** Lines of code in a cell's source: not blank, not part of an import declaration. */
export function codeLines(source: string): number {
  let count = 0, inImport = false;
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    if (inImport || line.startsWith("import ")) {
      inImport = !/ from ["']/.test(line) && !/^import ["']/.test(line);
      continue;
    }
    count++;
  }
  return count;
}

/** A code cell over the limit: its 1-based number over all cells and its length. */
export interface LongCell {
  cell: number;
  lines: number;
}

/** The code cells of a notebook that have more than `max` lines of code. */
export function longCells(cells: readonly NotebookCell[], max = MAX_CELL_LINES): LongCell[] {
  const found: LongCell[] = [];
  cells.forEach((cell, i) => {
    if (cell.cellType !== "code" || cell.tags?.includes("parameters")) return;
    const lines = codeLines(cell.source);
    if (lines > max) found.push({ cell: i + 1, lines });
  });
  return found;
}
