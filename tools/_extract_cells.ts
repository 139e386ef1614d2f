/**
 * Turns a notebook's code cells into one TypeScript module, remembering where each line
 * came from, so that `deno check` and `deno lint` can read notebooks.
 *
 * @module
 */

/** One cell of a notebook, reduced to what the checker needs. */
export interface NotebookCell {
  /** `"code"`, `"markdown"` or `"raw"`. */
  cellType: string;
  /** The cell's source as one string. */
  source: string;
  /** The cell's tags (`metadata.tags`), e.g. `"parameters"`. */
  tags?: string[];
}

/** Where a line of the generated module came from: 1-based cell and line numbers. */
export interface CellLine {
  /** The cell's number, counted from 1 over all cells (markdown included). */
  cell: number;
  /** The line's number inside the cell, counted from 1. */
  line: number;
}

/** A generated module and the origin of each of its lines. */
export interface ExtractedModule {
  /** The module's text. */
  text: string;
  /** `origins[i]` is the origin of line `i + 1`, or `null` for a generated line. */
  origins: (CellLine | null)[];
  /** Line numbers (1-based, in the module) of each cell's first line of code. */
  cellStarts: Set<number>;
}

/** Characters that would continue the previous cell's last expression (no semicolon). */
const CONTINUES_EXPRESSION = /^[([`+\-/]/;

/**
 * Reads the cells of an `.ipynb` file (nbformat 4).
 *
 * @param path The notebook's path.
 * @returns The notebook's cells in order.
 * @throws {TypeError} When the file is not a notebook.
 */
export async function readNotebookCells(path: string): Promise<NotebookCell[]> {
  const json = JSON.parse(await Deno.readTextFile(path));
  if (!json || !Array.isArray(json.cells)) {
    throw new TypeError(`Cannot read ${path}: not a notebook (no "cells" array)`);
  }
  return json.cells.map((
    cell: { cell_type?: string; source?: string | string[]; metadata?: { tags?: unknown } },
  ) => ({
    cellType: String(cell.cell_type ?? ""),
    source: Array.isArray(cell.source) ? cell.source.join("") : String(cell.source ?? ""),
    tags: Array.isArray(cell.metadata?.tags) ? cell.metadata.tags.map(String) : [],
  }));
}

/**
 * Concatenates the code cells into one module: a comment line naming each cell before
 * its source, and `export {};` at the end so that the file is a module (top-level await
 * allowed, names local to the file). A cell that starts with `(`, `[`, `` ` ``, `+`, `-`
 * or `/` gets a leading `;` so that it cannot continue the previous cell's expression.
 *
 * @param cells The notebook's cells.
 * @param label The notebook's name, written in the comment lines.
 * @returns The module text, the origin of each line and where each cell's code starts.
 */
export function extractModule(cells: NotebookCell[], label: string): ExtractedModule {
  const lines: string[] = [];
  const origins: (CellLine | null)[] = [];
  const cellStarts = new Set<number>();
  cells.forEach((cell, index) => {
    if (cell.cellType !== "code" || cell.source.trim() === "") return;
    lines.push(`// ${label} cell ${index + 1}`);
    origins.push(null);
    let guarded = false;
    cell.source.replace(/\r\n?/g, "\n").split("\n").forEach((line, lineIndex) => {
      const code = line.trimStart();
      const significant = code !== "" && !code.startsWith("//");
      if (significant && !guarded) {
        guarded = true;
        cellStarts.add(lines.length + 1);
        if (CONTINUES_EXPRESSION.test(code) && !code.startsWith("/*")) line = ";" + line;
      }
      lines.push(line);
      origins.push({ cell: index + 1, line: lineIndex + 1 });
    });
  });
  lines.push("export {};", "");
  origins.push(null, null);
  return { text: lines.join("\n"), origins, cellStarts };
}
