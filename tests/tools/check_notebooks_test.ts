import assert from "node:assert/strict";
import { FIXTURES, runTool } from "./_run_tool.ts";

Deno.test("check_notebooks.ts reports type and lint problems by notebook, cell and line", async () => {
  const { code, stdout } = await runTool("check_notebooks.ts", [`${FIXTURES}/type_error.ipynb`]);
  assert.equal(code, 1);
  assert.deepEqual(stdout.trimEnd().split("\n"), [
    `${FIXTURES}/type_error.ipynb cell 3 line 2: ` +
    "Type 'number' is not assignable to type 'string'. (TS2322)",
    `${FIXTURES}/type_error.ipynb cell 4 line 1: \`unusedValue\` is never used ` +
    "(If this is intentional, prefix it with an underscore like `_unusedValue`) (no-unused-vars)",
    "checked 1 notebooks, 2 problems",
  ]);
});

Deno.test("check_notebooks.ts accepts cells that await, display and throw at top level", async () => {
  // pass.ipynb uses Deno.jupyter and top-level await; throws.ipynb has a cell after a
  // cell that throws, which is reachable in the kernel.
  const { code, stdout, stderr } = await runTool("check_notebooks.ts", [
    `${FIXTURES}/pass.ipynb`,
    `${FIXTURES}/throws.ipynb`,
    `${FIXTURES}/burst.ipynb`,
  ]);
  assert.equal(code, 0, stdout + stderr);
  assert.equal(stdout, "checked 3 notebooks, 0 problems\n");
});

Deno.test("check_notebooks.ts rejects a missing notebook", async () => {
  const { code, stderr } = await runTool("check_notebooks.ts", [`${FIXTURES}/nope.ipynb`]);
  assert.equal(code, 2);
  assert.equal(stderr.trim(), `Cannot check ${FIXTURES}/nope.ipynb: file not found`);
});
