import assert from "node:assert/strict";
import { exampleModule, extractExamples } from "../../tools/doc_tests.ts";
import { ROOT, runTool } from "./_run_tool.ts";

const SOURCE = [
  "/**", //                                           1
  " * Adds.", //                                      2
  " *", //                                            3
  " * @example", //                                   4
  " * ```ts", //                                      5
  ' * import assert from "node:assert/strict";', // 6
  " * import {", //                                   7
  " *   add,", //                                     8
  ' * } from "./add.ts";', //                       9
  " *", //                                           10
  " * // one and one", //                            11
  " * assert.equal(add(1, 1), 2);", //               12
  " * ```", //                                       13
  " * ```ts ignore", //                              14
  " * not code", //                                  15
  " * ```", //                                       16
  " * ```sh", //                                     17
  " * deno task test", //                            18
  " * ```", //                                       19
  " */", //                                          20
  "export const add = (a: number, b: number) => a + b;", // 21
  "// ```ts outside a comment is not an example", // 22
].join("\n");

Deno.test("extractExamples() finds the code blocks of JSDoc comments, without ignored or shell ones", () => {
  const examples = extractExamples("lib/add.ts", SOURCE);
  assert.equal(examples.length, 1);
  assert.deepEqual([examples[0].file, examples[0].start, examples[0].end], ["lib/add.ts", 5, 13]);
  assert.equal(examples[0].lines.length, 7);
  assert.equal(examples[0].lines[0], 'import assert from "node:assert/strict";');
  assert.equal(examples[0].lines[4], "");
});

Deno.test("exampleModule() keeps every line where it is in the documented file", () => {
  const [example] = extractExamples("lib/add.ts", SOURCE);
  const lines = exampleModule(example, "/project").split("\n");
  // Imports stay at the top level, relative ones made absolute.
  assert.equal(lines[5], 'import assert from "node:assert/strict";');
  assert.equal(lines[8], '} from "file:///project/lib/add.ts";');
  // The test opens on the first line after the imports and ends on the closing fence's line.
  assert.equal(lines[9], 'Deno.test("lib/add.ts$5-13", async () => {');
  assert.equal(lines[10], "// one and one");
  assert.equal(lines[11], "assert.equal(add(1, 1), 2);");
  assert.equal(lines[12], "});");
  assert.deepEqual(lines.slice(0, 5), ["", "", "", "", ""]);
});

Deno.test("exampleModule() rejects an import after code, naming the line", () => {
  const example = {
    file: "lib/x.ts",
    start: 5,
    end: 9,
    lines: ["const a = 1;", 'import assert from "node:assert/strict";', "assert.ok(a);"],
  };
  assert.throws(() => exampleModule(example), {
    message: "lib/x.ts:7: imports must come before the code of an example",
  });
});

Deno.test("doc_tests.ts runs each example as a test and reports a failure at the documented line", async () => {
  await Deno.mkdir(`${ROOT}out`, { recursive: true });
  const out = await Deno.makeTempDir({ dir: `${ROOT}out` });
  try {
    const { code, stdout, stderr } = await runTool("doc_tests.ts", [
      "--out",
      out,
      "tests/fixtures/doc_examples",
    ]);
    const text = stdout + stderr;
    assert.equal(code, 1, text);
    assert.match(text, /tests\/fixtures\/doc_examples\/examples\.ts\$10-15 \.\.\. ok/);
    assert.match(text, /tests\/fixtures\/doc_examples\/examples\.ts\$23-26 \.\.\. FAILED/);
    // The failing assertion is on line 25 of the documented file.
    assert.match(text, /examples\.ts\$23-26\.ts:25:\d+/);
    assert.match(text, /1 passed \| 1 failed/);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
