/**
 * Runs the library's doc examples (the ```ts code blocks of its JSDoc comments)
 * as tests, as `deno test --doc` does, but loading each library module folder
 * once instead of once per example.
 *
 * `deno test --doc` turns every example into a module of its own and runs each
 * module in a fresh worker, so every example that imports `@lib/world/mod.ts`
 * loads danfojs again (about 1 s of CPU): the 262 examples took 130 s of CPU,
 * nearly all of it loading. Here each example also becomes a module of its own,
 * type-checked as written: its imports at the top level and the rest of its code
 * the body of a `Deno.test` named `lib/<file>.ts$<fence>-<fence>`, every line on
 * the line it has in the documented file, so that errors point there. One test
 * file per module folder imports all its examples, and `deno test` runs each such
 * file in one worker. Examples import what they use (the library through
 * `@lib/`), before their code; a code block tagged `ignore` is skipped.
 *
 * Usage: `deno run -A tools/doc_tests.ts [--no-check] [--parallel] [--out DIR] [paths…]`
 * (default `lib/`); the examples go to `DIR` (default `out/doc_tests/`), which is
 * emptied first.
 *
 * @module
 */

/** One example: where it is and its code lines. */
export interface Example {
  /** The documented file, relative to the project, e.g. `lib/metrics/auc.ts`. */
  file: string;
  /** Line of the opening and of the closing fence, 1-based. */
  start: number;
  end: number;
  /** The code, one entry per line, without the comment's ` * ` prefix. */
  lines: string[];
}

const LANGUAGES = new Set(["", "js", "javascript", "mjs", "jsx", "ts", "typescript", "mts", "tsx"]);

/** The runnable code blocks of the JSDoc comments of `source` (the text of `file`). */
export function extractExamples(file: string, source: string): Example[] {
  const examples: Example[] = [];
  const lines = source.split("\n");
  let inComment = false;
  let open: { start: number; lines: string[]; run: boolean } | undefined;
  lines.forEach((line, i) => {
    if (!inComment) {
      if (/^\s*\/\*\*/.test(line) && !/\*\/\s*$/.test(line)) inComment = true;
      return;
    }
    if (/\*\/\s*$/.test(line) && !/^\s*\*\s?```/.test(line)) {
      inComment = false;
      open = undefined;
      return;
    }
    const text = line.replace(/^\s*\* ?/, "");
    if (open === undefined) {
      const fence = /^```(\w*)\s*(.*)$/.exec(text);
      if (fence && LANGUAGES.has(fence[1])) {
        open = { start: i + 1, lines: [], run: !/\bignore\b/.test(fence[2]) };
      }
    } else if (/^```\s*$/.test(text)) {
      if (open.run) examples.push({ file, start: open.start, end: i + 1, lines: open.lines });
      open = undefined;
    } else {
      open.lines.push(text);
    }
  });
  return examples;
}

const IMPORT = /^\s*import\b/;

/**
 * The test module of an example: the example's imports at the top level and the
 * rest of its code in the body of a `Deno.test`, each on the line it has in the
 * documented file (the lines before it are empty). Relative module specifiers
 * become absolute, resolved against the documented file under `root`.
 */
export function exampleModule(example: Example, root = `${Deno.cwd()}/`): string {
  const { file, start, end } = example;
  // Relative imports are relative to the documented file, as in `deno test --doc`.
  const base = new URL(file, new URL(`file://${root.endsWith("/") ? root : `${root}/`}`));
  const lines = example.lines.map((l) =>
    l.replace(
      /(\bfrom\s*|^\s*import\s*)(["'])(\.\.?\/[^"']+)\2/,
      (_, lead, q, spec) => `${lead}${q}${new URL(spec, base).href}${q}`,
    )
  );
  // The imports: from the first line to the end of the last import declaration.
  let body = 0;
  for (let k = 0; k < lines.length; k++) {
    if (IMPORT.test(lines[k])) {
      // An import declaration ends at the line with its module specifier.
      while (k < lines.length && !/["'][^"']+["'];?\s*(\/\/.*)?$/.test(lines[k])) k++;
      body = k + 1;
    } else if (lines[k].trim() !== "" && !lines[k].trim().startsWith("//")) {
      break;
    }
  }
  const late = lines.slice(body).findIndex((l) => IMPORT.test(l));
  if (late >= 0) {
    throw new Error(
      `${file}:${start + 1 + body + late}: imports must come before the code of an example`,
    );
  }
  const out = Array.from({ length: end }, () => "");
  lines.forEach((l, k) => (out[start + k] = l));
  // The test opens on the first line after the imports and closes on the closing fence's line.
  const name = JSON.stringify(`${file}$${start}-${end}`);
  const first = out[start + body];
  out[start + body] = `Deno.test(${name}, async () => {${first === "" ? "" : ` ${first}`}`;
  out[end - 1] = "});";
  return out.join("\n") + "\n";
}

async function* walk(path: string): AsyncGenerator<string> {
  const info = await Deno.stat(path);
  if (info.isFile) {
    if (/\.(ts|tsx|js|mjs|jsx|mts)$/.test(path) && !path.endsWith(".d.ts")) yield path;
    return;
  }
  const entries = [];
  for await (const e of Deno.readDir(path)) entries.push(e.name);
  for (const name of entries.sort()) yield* walk(`${path.replace(/\/$/, "")}/${name}`);
}

/**
 * Writes the examples of the files under `paths` (relative to the working
 * directory) to `out` and one test file per module folder (`<out>/lib_<folder>_test.ts`)
 * that imports them; returns the test files.
 */
export async function writeExampleTests(
  paths: readonly string[],
  out = "out/doc_tests",
): Promise<string[]> {
  const dir = out.replace(/\/$/, "");
  await Deno.remove(dir, { recursive: true }).catch(() => {});
  const groups = new Map<string, string[]>();
  for (const root of paths) {
    for await (const file of walk(root)) {
      const examples = extractExamples(file, await Deno.readTextFile(file));
      for (const example of examples) {
        const path = `${dir}/${file}$${example.start}-${example.end}.ts`;
        await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
        await Deno.writeTextFile(path, exampleModule(example));
        const folder = file.split("/").slice(0, 2).join("_");
        const group = groups.get(folder) ?? [];
        group.push(`import "./${path.slice(dir.length + 1)}";`);
        groups.set(folder, group);
      }
    }
  }
  const testFiles: string[] = [];
  for (const [folder, imports] of groups) {
    const path = `${dir}/${folder}_test.ts`;
    await Deno.writeTextFile(path, imports.join("\n") + "\n");
    testFiles.push(path);
  }
  return testFiles;
}

const USAGE =
  "Usage: deno run -A tools/doc_tests.ts [--no-check] [--parallel] [--out DIR] [paths…]";

if (import.meta.main) {
  const flags: string[] = [], paths: string[] = [];
  let out = "out/doc_tests";
  for (let i = 0; i < Deno.args.length; i++) {
    const arg = Deno.args[i];
    if (arg === "--no-check" || arg === "--parallel") flags.push(arg);
    else if (arg === "--out" && i + 1 < Deno.args.length) out = Deno.args[++i];
    else if (arg.startsWith("-")) {
      console.error(`Unknown option ${arg}. ${USAGE}`);
      Deno.exit(2);
    } else paths.push(arg);
  }
  const files = await writeExampleTests(paths.length > 0 ? paths : ["lib/"], out);
  if (files.length === 0) {
    console.log("no examples found");
    Deno.exit(0);
  }
  const { code } = await new Deno.Command(Deno.execPath(), {
    args: ["test", "-A", ...flags, ...files],
  }).spawn().status;
  Deno.exit(code);
}
