/**
 * Reading executed notebooks for the book: cells, the chapter title and learning
 * goals (the first markdown cell), and the library names each chapter imports.
 *
 * @module
 */

/** One notebook cell, as nbformat 4 stores it. */
export interface Cell {
  cell_type: "markdown" | "code" | "raw";
  id?: string;
  source: string | string[];
  metadata?: { tags?: string[]; jupyter?: { source_hidden?: boolean }; [key: string]: unknown };
  outputs?: Output[];
}

/** One output of a code cell. */
export interface Output {
  output_type: "stream" | "display_data" | "execute_result" | "error" | "update_display_data";
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

/** A notebook file's JSON. */
export interface Notebook {
  cells: Cell[];
  metadata?: Record<string, unknown>;
}

/** The source of a cell as one string. */
export function cellSource(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** Text of a MIME value stored as a string or a list of lines. */
export function joinText(value: unknown): string {
  return Array.isArray(value) ? value.join("") : String(value ?? "");
}

/** A chapter: its notebook and what the book shows about it. */
export interface Chapter {
  /** File stem, e.g. `01_setup`; also the page name. */
  stem: string;
  notebook: Notebook;
  /** Title without the leading `#`. */
  title: string;
  /** Markdown of the first cell after the title: the learning goals. */
  goals: string;
  /** Wall time of the notebook's last run in seconds, when known. */
  seconds?: number;
}

/**
 * The title and learning goals of a notebook: the first `# ` heading of its first
 * markdown cell and the rest of that cell.
 *
 * @throws {Error} When the notebook has no markdown cell starting with a `# ` title.
 */
export function titleAndGoals(notebook: Notebook, name: string): { title: string; goals: string } {
  const first = notebook.cells.find((c) => c.cell_type === "markdown");
  const source = first ? cellSource(first) : "";
  const m = /^#\s+(.+)\n?([\s\S]*)$/.exec(source.trim());
  if (!m) {
    throw new Error(`Cannot read ${name}: its first markdown cell must start with a "# " title`);
  }
  return { title: m[1].trim(), goals: m[2].trim() };
}

/** Names imported from each `@lib/<module>/…` path in the notebook's code cells. */
export function libraryImports(notebook: Notebook): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const pattern = /import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+["']@lib\/([a-z_]+)\/[^"']*["']/g;
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "code") continue;
    for (const m of cellSource(cell).matchAll(pattern)) {
      const names = used.get(m[2]) ?? new Set<string>();
      for (const part of m[1].split(",")) {
        const name = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0].trim();
        if (/^[A-Za-z_$][\w$]*$/.test(name)) names.add(name);
      }
      used.set(m[2], names);
    }
  }
  return used;
}
