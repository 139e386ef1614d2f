/**
 * Type-checks and lints the code cells of notebooks:
 *
 * ```sh
 * deno run -A tools/check_notebooks.ts [--keep] [notebooks...]
 * ```
 *
 * The Deno kernel does not type-check and `deno check` does not read `.ipynb` files, so
 * each notebook's code cells are written, in order, into one module under `out/check/`
 * (inside the project, so the import map of `deno.json` applies), which `deno lint` and
 * `deno check` then read. Problems are reported against the notebook:
 *
 * ```text
 * notebooks/01_setup.ipynb cell 5 line 3: Type 'string' is not assignable to type 'number'. (TS2322)
 * ```
 *
 * Cells are counted from 1 over all cells, markdown included. Since the cells share one
 * module, a name declared in two cells is an error. `Deno.jupyter` is typed (the
 * `deno.unstable` library is added for the check). A code cell with more than 15 lines
 * of code (blank lines and imports not counted; the parameters cell exempt) is a problem
 * too: one idea a cell. Default: every `notebooks/*.ipynb`.
 * `--keep` keeps the generated modules and prints where they are. Exit status: 0 without
 * problems, 1 with problems, 2 when the check itself cannot run.
 *
 * @module
 */
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type CellLine, extractModule, readNotebookCells } from "./_extract_cells.ts";
import { type Diagnostic, parseCheckOutput, parseLintJson } from "./_diagnostics.ts";
import { longCells, MAX_CELL_LINES } from "./_cell_length.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

interface Generated {
  label: string;
  origins: (CellLine | null)[];
  cellStarts: Set<number>;
}

interface Problem {
  where: string;
  order: [string, number, number];
  message: string;
}

function shown(path: string): string {
  const rel = relative(Deno.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

async function listNotebooks(args: string[]): Promise<string[]> {
  if (args.length > 0) return args.map((arg) => resolve(arg));
  const dir = join(ROOT, "notebooks");
  const found: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isFile && entry.name.endsWith(".ipynb")) found.push(join(dir, entry.name));
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return found.sort();
}

/**
 * A config like the project's deno.json, for `deno lint` of the generated modules (the
 * project's own config excludes `out/` from lint).
 */
async function writeCheckConfig(dir: string): Promise<string> {
  const project = JSON.parse(await Deno.readTextFile(join(ROOT, "deno.json")));
  const rebase = (value: string): string => {
    if (!value.startsWith("./") && !value.startsWith("../")) return value;
    const rel = relative(dir, resolve(ROOT, value)) + (value.endsWith("/") ? "/" : "");
    return rel.startsWith(".") ? rel : `./${rel}`;
  };
  const rebaseMap = (map: Record<string, string>) =>
    Object.fromEntries(Object.entries(map).map(([key, value]) => [key, rebase(value)]));
  const compilerOptions = { ...project.compilerOptions };
  const lib: string[] = compilerOptions.lib ?? ["deno.window"];
  compilerOptions.lib = lib.includes("deno.unstable") ? lib : [...lib, "deno.unstable"];
  const config: Record<string, unknown> = { compilerOptions, lock: false };
  if (project.nodeModulesDir !== undefined) config.nodeModulesDir = project.nodeModulesDir;
  if (project.unstable !== undefined) config.unstable = project.unstable;
  if (project.imports) config.imports = rebaseMap(project.imports);
  if (project.importMap) config.importMap = rebase(project.importMap);
  if (project.scopes) {
    config.scopes = Object.fromEntries(
      Object.entries(project.scopes as Record<string, Record<string, string>>).map((
        [scope, map],
      ) => [rebase(scope), rebaseMap(map)]),
    );
  }
  if (project.lint?.rules) config.lint = { rules: project.lint.rules };
  const file = join(dir, "deno.check.json");
  await Deno.writeTextFile(file, JSON.stringify(config, null, 2) + "\n");
  return file;
}

async function deno(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdin: "null",
  }).output();
  const decoder = new TextDecoder();
  return { code, stdout: decoder.decode(stdout), stderr: decoder.decode(stderr) };
}

function locate(diagnostic: Diagnostic, generated: Map<string, Generated>): Problem {
  const message = `${diagnostic.message} (${diagnostic.code})`;
  const module = generated.get(diagnostic.file);
  if (!module) {
    const where = `${shown(diagnostic.file)} line ${diagnostic.line}`;
    return { where, order: [where, 0, diagnostic.line], message };
  }
  const origin = module.origins[diagnostic.line - 1];
  if (!origin) {
    const where = `${module.label} (generated line ${diagnostic.line})`;
    return { where, order: [module.label, 0, diagnostic.line], message };
  }
  return {
    where: `${module.label} cell ${origin.cell} line ${origin.line}`,
    order: [module.label, origin.cell, origin.line],
    message,
  };
}

/**
 * A cell that throws at top level (to show an error) makes the next cell's first statement
 * unreachable in the module, but not in the kernel, where each cell runs on its own.
 */
function unreachableAcrossCells(d: Diagnostic, generated: Map<string, Generated>): boolean {
  return d.code === "no-unreachable" && !!generated.get(d.file)?.cellStarts.has(d.line);
}

async function check(notebooks: string[], workDir: string): Promise<Problem[]> {
  const config = await writeCheckConfig(workDir);
  const generated = new Map<string, Generated>();
  const tooLong: Problem[] = [];
  for (const [index, notebook] of notebooks.entries()) {
    const label = shown(notebook);
    const cells = await readNotebookCells(notebook);
    for (const { cell, lines } of longCells(cells)) {
      tooLong.push({
        where: `${label} cell ${cell}`,
        order: [label, cell, 0],
        message: `${lines} lines of code, more than ${MAX_CELL_LINES}: keep one idea a cell and ` +
          "move longer logic into lib/ with tests",
      });
    }
    const { text, origins, cellStarts } = extractModule(cells, label);
    const file = join(workDir, `${index + 1}_${basename(notebook, ".ipynb")}.ts`);
    await Deno.writeTextFile(file, text);
    generated.set(file, { label, origins, cellStarts });
  }
  const files = [...generated.keys()];

  const lint = await deno(["lint", "--json", "--config", config, ...files]);
  let diagnostics: Diagnostic[];
  try {
    diagnostics = parseLintJson(lint.stdout);
  } catch {
    throw new Error(`deno lint failed:\n${lint.stderr}`);
  }
  const unparsable = new Set(diagnostics.filter((d) => d.code === "error").map((d) => d.file));
  const checkable = files.filter((file) => !unparsable.has(file));
  if (checkable.length > 0) {
    // Type-check with the project's own deno.json (it types Deno.jupyter through
    // "deno.unstable" and resolves npm packages from the project's node_modules).
    const result = await deno(["check", ...checkable]);
    const found = parseCheckOutput(`${result.stdout}\n${result.stderr}`);
    if (result.code !== 0 && found.length === 0) {
      throw new Error(`deno check failed:\n${result.stderr}`);
    }
    diagnostics = [...diagnostics, ...found];
  }
  return [
    ...tooLong,
    ...diagnostics.filter((d) => !unreachableAcrossCells(d, generated)).map((d) =>
      locate(d, generated)
    ),
  ].sort((a, b) =>
    a.order[0].localeCompare(b.order[0]) || a.order[1] - b.order[1] || a.order[2] - b.order[2]
  );
}

async function main(args: string[]): Promise<number> {
  const keep = args.includes("--keep");
  const notebooks = await listNotebooks(args.filter((arg) => arg !== "--keep"));
  if (notebooks.length === 0) {
    console.error(`Cannot check notebooks: no .ipynb files in ${shown(join(ROOT, "notebooks"))}`);
    return 2;
  }
  const missing = notebooks.find((notebook) => {
    try {
      return !Deno.statSync(notebook).isFile;
    } catch {
      return true;
    }
  });
  if (missing) {
    console.error(`Cannot check ${shown(missing)}: file not found`);
    return 2;
  }
  const parent = join(ROOT, "out", "check");
  await Deno.mkdir(parent, { recursive: true });
  const workDir = await Deno.makeTempDir({ dir: parent, prefix: "run_" });
  try {
    const problems = await check(notebooks, workDir);
    for (const problem of problems) console.log(`${problem.where}: ${problem.message}`);
    console.log(`checked ${notebooks.length} notebooks, ${problems.length} problems`);
    return problems.length > 0 ? 1 : 0;
  } catch (error) {
    console.error(`Cannot check notebooks: ${error instanceof Error ? error.message : error}`);
    return 2;
  } finally {
    if (keep) console.error(`generated modules kept in ${shown(workDir)}`);
    else {
      await Deno.remove(workDir, { recursive: true });
      await Deno.remove(parent).catch(() => {}); // only when no other check is running
    }
  }
}

Deno.exit(await main(Deno.args));
