/**
 * One test file per folder of `tests/`, importing every `*_test.ts` of that folder
 * (and its subfolders), so that `deno test` runs a folder in one worker: it loads
 * the library once per folder instead of once per test file. Loading dominates:
 * the nine files of `tests/world/` took 14 s of CPU run one worker each and 3 s
 * in one. The tests, their names, their locations in failure reports and their
 * sanitizers stay as they are.
 *
 * @module
 */

async function* testFiles(dir: string): AsyncGenerator<string> {
  const entries: Deno.DirEntry[] = [];
  for await (const e of Deno.readDir(dir)) entries.push(e);
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory) yield* testFiles(path);
    else if (e.isFile && /_test\.(ts|tsx|js|mjs)$/.test(e.name)) yield path;
  }
}

/**
 * Writes `<out>/<folder>_test.ts` for each folder of `root` that holds test files
 * (test files directly in `root` get `<out>/_root_test.ts`); returns the written
 * files. `out` is emptied first.
 *
 * @param root The tests folder, relative to the working directory, e.g. `tests`.
 * @param out Where to write the suites, e.g. `out/unit_tests`.
 */
export async function writeFolderSuites(root: string, out: string): Promise<string[]> {
  const base = root.replace(/\/$/, "");
  const dir = out.replace(/\/$/, "");
  await Deno.remove(dir, { recursive: true }).catch(() => {});
  await Deno.mkdir(dir, { recursive: true });
  const groups = new Map<string, string[]>();
  for await (const file of testFiles(base)) {
    const rest = file.slice(base.length + 1);
    const folder = rest.includes("/") ? rest.split("/")[0] : "_root";
    const group = groups.get(folder) ?? [];
    group.push(file);
    groups.set(folder, group);
  }
  const upToRoot = dir.split("/").map(() => "..").join("/");
  const written: string[] = [];
  for (const [folder, files] of groups) {
    const path = `${dir}/${folder}_test.ts`;
    await Deno.writeTextFile(path, files.map((f) => `import "${upToRoot}/${f}";\n`).join(""));
    written.push(path);
  }
  return written;
}
