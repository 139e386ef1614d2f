import assert from "node:assert/strict";
import { join } from "node:path";
import { FIXTURES, lastLine, ROOT, runTool, stripAnsi } from "./_run_tool.ts";

interface Output {
  output_type: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
}

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata: { tags?: string[] };
  outputs?: Output[];
  execution_count?: number | null;
}

async function readCells(path: string): Promise<Cell[]> {
  return JSON.parse(await Deno.readTextFile(path)).cells;
}

function asText(text: string | string[] | undefined): string {
  return Array.isArray(text) ? text.join("") : text ?? "";
}

/** The visible text of a cell's outputs: streams and text/plain, colour codes removed. */
function shownText(cell: Cell): string[] {
  return (cell.outputs ?? []).map((out) =>
    stripAnsi(out.output_type === "stream" ? asText(out.text) : asText(out.data?.["text/plain"]))
  );
}

async function runNotebooks(args: string[], env: Record<string, string> = {}) {
  const out = await Deno.makeTempDir({ prefix: "runner_test_" });
  try {
    const result = await runTool("run_notebooks.ts", [...args, "--out", out], env);
    const copies = new Map<string, Cell[]>();
    let runTimes: Record<string, number> = {};
    for await (const entry of Deno.readDir(out)) {
      if (entry.name === "run_times.json") {
        runTimes = JSON.parse(await Deno.readTextFile(join(out, entry.name)));
      } else if (entry.isFile) copies.set(entry.name, await readCells(join(out, entry.name)));
    }
    return { ...result, copies, runTimes };
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

Deno.test("run_notebooks.ts passes a notebook whose cells succeed and keeps the outputs", async () => {
  const { code, stdout, stderr, copies } = await runNotebooks([`${FIXTURES}/pass.ipynb`]);
  assert.equal(code, 0, stdout + stderr);
  assert.match(stdout, /pass\.ipynb {2}PASS {2}\d+\.\d s {2}5 code cells executed\n/);
  assert.equal(lastLine(stdout), "1 passed, 0 failed");
  assert.doesNotMatch(stderr, /is unstable/);
  const cells = copies.get("pass.ipynb")!;
  assert.deepEqual(shownText(cells[3]), ["3"]);
  assert.deepEqual(shownText(cells[4]), ["3 items\n", "6"]);
  assert.deepEqual(shownText(cells[5]), ["displayed"]);
});

Deno.test("run_notebooks.ts records each run's wall time in run_times.json next to the copies", async () => {
  const { code, stdout, runTimes } = await runNotebooks([
    `${FIXTURES}/pass.ipynb`,
    `${FIXTURES}/throws.ipynb`,
  ]);
  assert.equal(code, 1);
  assert.deepEqual(Object.keys(runTimes).sort(), ["pass.ipynb", "throws.ipynb"]);
  for (const [name, seconds] of Object.entries(runTimes)) {
    // The time printed in the report, to its 0.1 s.
    const printed = stdout.match(new RegExp(`${name.replace(".", "\\.")}  \\w+  ([\\d.]+) s`));
    assert.ok(printed, name);
    assert.ok(Math.abs(seconds - Number(printed[1])) <= 0.051, `${name}: ${seconds}`);
    assert.ok(seconds > 0);
  }
});

Deno.test("run_notebooks.ts names the notebook, cell and error of a cell that throws", async () => {
  const { code, stdout, copies } = await runNotebooks([`${FIXTURES}/throws.ipynb`]);
  assert.equal(code, 1);
  assert.match(stdout, /throws\.ipynb {2}FAIL {2}\d+\.\d s {2}2 code cells executed\n/);
  assert.match(stdout, /throws\.ipynb failed at cell 3 \(cells counted from 1 over all cells/);
  assert.match(stdout, /\| throw new RangeError/);
  assert.match(stdout, /error: RangeError: Cannot continue: the third cell fails on purpose/);
  assert.equal(lastLine(stdout), "0 passed, 1 failed");
  const cells = copies.get("throws.ipynb")!;
  assert.equal(cells[3].execution_count, null, "the cell after the failure does not run");
  assert.deepEqual(cells[3].outputs, []);
});

Deno.test("run_notebooks.ts fails a notebook whose cell writes an error output without raising", async () => {
  const { code, stdout } = await runNotebooks([
    `${FIXTURES}/error_output.ipynb`,
    `${FIXTURES}/pass.ipynb`,
  ]);
  assert.equal(code, 1);
  assert.match(stdout, /error_output\.ipynb {2}FAIL/);
  assert.match(stdout, /error_output\.ipynb failed at cell 2 /);
  assert.match(stdout, /the cell wrote an error output without raising/);
  assert.match(stdout, /error: ReportedError: written without raising/);
  assert.match(stdout, /pass\.ipynb {2}PASS/);
  assert.equal(lastLine(stdout), "1 passed, 1 failed");
});

Deno.test("run_notebooks.ts -p overrides constants of the parameters cell", async () => {
  const { code, stdout, copies } = await runNotebooks([
    `${FIXTURES}/pass.ipynb`,
    "-p",
    "N=5",
    "-p",
    'LABEL="widgets"',
  ]);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /5 code cells executed, N=5, LABEL="widgets"\n/);
  const cells = copies.get("pass.ipynb")!;
  assert.deepEqual(cells[1].metadata.tags, ["parameters"]);
  assert.equal(asText(cells[1].source), 'const N = 3;\nconst LABEL = "items";');
  assert.deepEqual(cells[2].metadata.tags, ["injected-parameters"]);
  assert.match(asText(cells[2].source), /\nconst N = 5;\nconst LABEL = "widgets";$/);
  assert.deepEqual(shownText(cells[4]), ["5"]);
  assert.deepEqual(shownText(cells[5]), ["5 widgets\n", "10"]);
});

Deno.test("run_notebooks.ts rejects -p for a name the parameters cell does not declare", async () => {
  const { code, stdout, stderr, copies } = await runNotebooks([
    `${FIXTURES}/pass.ipynb`,
    "-p",
    "SEEED=5",
  ]);
  assert.equal(code, 2);
  assert.equal(
    stderr.trim(),
    'Cannot run pass.ipynb: parameter "SEEED" is not declared in the parameters cell ' +
      "(declared: N, LABEL)",
  );
  assert.equal(stdout, "");
  assert.equal(copies.size, 0, "nothing runs");
});

Deno.test("run_notebooks.ts rejects -p for a notebook without a parameters cell", async () => {
  const { code, stderr } = await runNotebooks([
    `${FIXTURES}/pass.ipynb`,
    `${FIXTURES}/throws.ipynb`,
    "-p",
    "N=5",
  ]);
  assert.equal(code, 2);
  assert.equal(
    stderr.trim(),
    'Cannot run throws.ipynb: it has no code cell tagged "parameters", so -p N cannot be ' +
      'applied (tag the cell of constants with "parameters")',
  );
});

Deno.test("run_notebooks.ts rejects -p values that are not literals", async () => {
  const bad = await runNotebooks([`${FIXTURES}/pass.ipynb`, "-p", "LABEL=widgets"]);
  assert.equal(bad.code, 2);
  assert.equal(
    bad.stderr.trim(),
    "Cannot parse -p LABEL=widgets: VALUE must be a literal such as 42, 0.5, true, " +
      `"text" or [1, 2]; quote strings for the shell, e.g. -p LABEL='"fast"'`,
  );
  const missing = await runNotebooks([`${FIXTURES}/pass.ipynb`, "-p", "N"]);
  assert.equal(missing.code, 2);
  assert.equal(
    missing.stderr.trim(),
    "Cannot parse -p N: expected NAME=VALUE, for example -p SEED=7",
  );
});

Deno.test("run_notebooks.ts rejects missing, invalid and same-named notebooks", async () => {
  const missing = await runNotebooks([`${FIXTURES}/nope.ipynb`]);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr.trim(), `Cannot run ${FIXTURES}/nope.ipynb: file not found`);

  const invalid = await runNotebooks([`tests/tools/_run_tool.ts`]);
  assert.equal(invalid.code, 2);
  assert.match(invalid.stderr, /^Cannot run tests\/tools\/_run_tool\.ts: not a notebook \(/);

  const twice = await runNotebooks([`${FIXTURES}/pass.ipynb`, `${FIXTURES}/pass.ipynb`]);
  assert.equal(twice.code, 2);
  assert.match(
    twice.stderr,
    /^Cannot run notebooks: two notebooks are named pass\.ipynb, and their executed copies/,
  );
});

Deno.test("run_notebooks.ts fails a cell that exceeds --timeout", async () => {
  const { code, stdout } = await runNotebooks([`${FIXTURES}/slow.ipynb`, "--timeout", "1"]);
  assert.equal(code, 1);
  assert.match(stdout, /slow\.ipynb failed at cell 2 /);
  assert.match(stdout, /error: CellTimeoutError: the cell did not finish within 1 s \(--timeout\)/);
});

Deno.test("run_notebooks.ts fails a notebook whose kernel dies", async () => {
  const { code, stdout } = await runNotebooks([`${FIXTURES}/exits.ipynb`]);
  assert.equal(code, 1);
  assert.match(stdout, /exits\.ipynb failed at cell 2 /);
  assert.match(stdout, /error: DeadKernelError: Kernel died/);
});

Deno.test("run_notebooks.ts keeps every output of cells that display in quick succession", async () => {
  const { code, stdout, copies } = await runNotebooks([`${FIXTURES}/burst.ipynb`]);
  assert.equal(code, 0, stdout);
  const cells = copies.get("burst.ipynb")!;
  const expected = Array.from({ length: 20 }, (_, i) => [`display ${i}`, `log ${i}\n`]).flat();
  assert.equal(shownText(cells[1]).join(""), [...expected, '"done"'].join(""));
  const second = Array.from({ length: 20 }, (_, i) => `second ${i}\n`);
  assert.equal(shownText(cells[2]).join(""), [...second, '"done again"'].join(""));
});

Deno.test("run_notebooks.ts explains how to install nbclient when Python lacks it", async () => {
  const { code, stderr } = await runNotebooks([`${FIXTURES}/pass.ipynb`], {
    WORKBOOK_PYTHON: join(ROOT, "no-such-python"),
  });
  assert.equal(code, 2);
  assert.match(stderr, /^Cannot run notebooks: .*no-such-python cannot import nbclient\./);
  assert.match(stderr, /apt-get install python3-nbclient python3-nbconvert python3-ipykernel/);
  assert.match(stderr, /pip install nbclient ipykernel/);
});

Deno.test("run_notebooks.ts counts claims that hold and fails on one that does not", async () => {
  const held = await runNotebooks([`${FIXTURES}/claims.ipynb`]);
  assert.equal(held.code, 0, held.stdout);
  assert.match(
    held.stdout,
    /claims\.ipynb {2}PASS {2}\d+\.\d s {2}4 code cells executed, 3 claims held\n/,
  );
  const failed = await runNotebooks([`${FIXTURES}/claims.ipynb`, "-p", "SEED=7"]);
  assert.equal(failed.code, 1);
  assert.match(failed.stdout, /claims\.ipynb {2}FAIL .*2 claims held, SEED=7\n/);
  assert.match(failed.stdout, /claims\.ipynb failed at cell 5 /);
  assert.match(
    failed.stdout,
    /1 claim did not hold\n {2}error: ClaimFailed: ✗ the seed is even — SEED = 7\n/,
  );
  const shown = shownText(failed.copies.get("claims.ipynb")![5]);
  assert.deepEqual(shown, ["✓ always\n✗ does not hold: the seed is even — SEED = 7"]);
});

Deno.test("run_notebooks.ts --sweep reruns a notebook with its sweep and names the failing run", async () => {
  const { code, stdout } = await runNotebooks([
    `${FIXTURES}/claims.ipynb`,
    `${FIXTURES}/pass.ipynb`,
    "--sweep",
    "--jobs",
    "2",
  ]);
  assert.equal(code, 1, stdout);
  // claims.ipynb: defaults, then its metadata's sweep; pass.ipynb declares no SEED: defaults only.
  assert.match(stdout, /claims\.ipynb {2}PASS .*3 claims held\n/);
  assert.match(stdout, /claims\.ipynb {2}PASS .*3 claims held, SEED=8\n/);
  assert.match(stdout, /claims\.ipynb {2}FAIL .*, SEED=7, STEPS=2\n/);
  assert.match(stdout, /executed copy: .*sweep\/claims\.SEED=7\.STEPS=2\.ipynb/);
  assert.match(stdout, /pass\.ipynb {2}PASS/);
  assert.equal(lastLine(stdout), "3 passed, 1 failed");
  const both = await runNotebooks([`${FIXTURES}/claims.ipynb`, "--sweep", "-p", "SEED=1"]);
  assert.equal(both.code, 2);
  assert.equal(
    both.stderr.trim(),
    "Cannot run notebooks: --sweep sets the parameters itself; drop -p",
  );
});

Deno.test("run_notebooks.ts checks -p values against the parameters cell before running", async () => {
  const cases: [string, string][] = [
    ['SEED="7"', 'SEED="7" must be a number like its default 42, got a string'],
    ["SEED=7.5", "SEED=7.5 must be an integer like its default 42"],
    ["SEED=-1", "SEED=-1 must not be negative (its default is 42)"],
    ["STEPS=0", "STEPS=0 must be at least 1"],
    ["STEPS=11", "STEPS=11 must be at most 10"],
  ];
  for (const [parameter, message] of cases) {
    const { code, stdout, stderr, copies } = await runNotebooks([
      `${FIXTURES}/claims.ipynb`,
      "-p",
      parameter,
    ]);
    assert.equal(code, 2, parameter);
    assert.equal(stderr.trim(), `Cannot run claims.ipynb: -p ${message}`);
    assert.equal(stdout, "");
    assert.equal(copies.size, 0, "nothing runs");
  }
});
