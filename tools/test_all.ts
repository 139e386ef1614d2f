/**
 * The workbook's one test command (`deno task test`): formatting, lint,
 * type-checks of the library, tests, tools, doc examples and notebooks, the unit
 * and doc tests, then every notebook executed in a real Jupyter kernel, and the
 * book built from those executed copies and tested in headless Chromium (its
 * screenshots go to `out/book/_screenshots/`). Every
 * step runs even when an earlier one fails; the summary names the failing steps
 * and the time of each.
 *
 * Everything is type-checked once, in one `deno check` (the doc examples are
 * written out as modules first, see `doc_tests.ts`), so the test steps run with
 * `--no-check`. The unit tests of one folder of `tests/` run in one worker (see
 * `_suites.ts`), as do the doc examples of one library folder, two workers at a
 * time (`--parallel`): loading the library once per folder instead of once per
 * file halves the CPU time of the unit tests and cuts that of the doc examples
 * by eight.
 *
 * Usage: `deno run -A tools/test_all.ts [--skip-notebooks]`
 *
 * @module
 */
import { writeExampleTests } from "./doc_tests.ts";
import { writeFolderSuites } from "./_suites.ts";

interface Step {
  name: string;
  args: string[];
  /** Reads `passed`/`failed` counts from the step's output, when it has them. */
  count?: (output: string) => { passed: number; failed: number } | undefined;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

const deno = Deno.execPath();
const skipNotebooks = Deno.args.includes("--skip-notebooks");

// deno test ends with "ok | 12 passed (3 steps) | 0 failed (1s)"; the runner with "3 passed, 0 failed".
const denoTestCount = (text: string) => {
  const m = /(?:ok|FAILED) \| (\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed/.exec(text);
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
};
const runnerCount = (text: string) => {
  const m = /^(\d+) passed, (\d+) failed$/m.exec(text);
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
};

const examples = await writeExampleTests(["lib/"], "out/doc_tests");
const suites = await writeFolderSuites("tests", "out/unit_tests");

const steps: Step[] = [
  { name: "format", args: ["fmt", "--check"] },
  { name: "lint", args: ["lint"] },
  {
    name: "type-check lib, tests, bench, tools, doc examples",
    args: ["check", "lib", "tests", "bench", "tools", "out/doc_tests"],
  },
  { name: "type-check notebooks", args: ["run", "-A", "tools/check_notebooks.ts"] },
  {
    name: "unit tests",
    args: ["test", "-A", "--no-check", "--parallel", ...suites],
    count: denoTestCount,
  },
  {
    name: "doc examples",
    args: ["test", "-A", "--no-check", "--parallel", ...examples],
    count: denoTestCount,
  },
];
if (!skipNotebooks) {
  steps.push({
    name: "notebooks",
    args: ["run", "-A", "tools/run_notebooks.ts", "--sweep", "--jobs", "2"],
    count: runnerCount,
  });
  // The real book, from the executed copies just written (nothing runs again), in a browser:
  // the unit tests above checked the small fixture site.
  steps.push({ name: "book", args: ["run", "-A", "tools/book/build.ts"] }, {
    name: "book in a browser",
    args: ["test", "-A", "--no-check", "tests/book/site_test.ts"],
    count: denoTestCount,
    env: { BOOK_SITE: "out/book" },
  });
}

/** The arguments, with a run of generated files shown as `out/<dir>/*_test.ts (N files)`. */
function shortArgs(args: readonly string[]): string {
  const generated = args.filter((a) => a.startsWith("out/"));
  if (generated.length < 2) return args.join(" ");
  const dir = generated[0].slice(0, generated[0].lastIndexOf("/"));
  const rest = args.filter((a) => !a.startsWith("out/"));
  return `${rest.join(" ")} ${dir}/*_test.ts (${generated.length} files)`;
}

const decoder = new TextDecoder();
const ansiColour = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
const stripAnsi = (s: string) => s.replace(ansiColour, "");
const results: { name: string; ok: boolean; seconds: number }[] = [];
let passed = 0, failed = 0;

for (const step of steps) {
  const env = Object.entries(step.env ?? {}).map(([k, v]) => `${k}=${v} `).join("");
  console.log(`\n=== ${step.name}: ${env}deno ${shortArgs(step.args)}`);
  const start = performance.now();
  const child = new Deno.Command(deno, {
    args: step.args,
    env: step.env,
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  let text = "";
  for await (const chunk of child.stdout) {
    await Deno.stdout.write(chunk);
    text += decoder.decode(chunk, { stream: true });
  }
  const { code } = await child.status;
  const seconds = (performance.now() - start) / 1000;
  results.push({ name: step.name, ok: code === 0, seconds });
  const counted = step.count?.(stripAnsi(text));
  if (counted) {
    passed += counted.passed;
    failed += counted.failed;
  } else if (step.count && code !== 0) failed += 1;
}

console.log("\n=== summary");
for (const r of results) {
  console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name.padEnd(40)} ${r.seconds.toFixed(1)} s`);
}
const failedSteps = results.filter((r) => !r.ok).map((r) => r.name);
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(", ")}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
Deno.exit(failedSteps.length === 0 ? 0 : 1);
