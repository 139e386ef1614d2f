import assert from "node:assert/strict";
import { extractModule, type NotebookCell } from "../../tools/_extract_cells.ts";

const code = (source: string): NotebookCell => ({ cellType: "code", source });
const markdown = (source: string): NotebookCell => ({ cellType: "markdown", source });

Deno.test("extractModule() writes code cells in order, each after a comment naming it", () => {
  const { text, origins } = extractModule(
    [markdown("# Title"), code("const a = 1;\nconst b = 2;"), code(""), code("a + b")],
    "nb.ipynb",
  );
  assert.equal(
    text,
    "// nb.ipynb cell 2\nconst a = 1;\nconst b = 2;\n// nb.ipynb cell 4\na + b\nexport {};\n",
  );
  assert.deepEqual(origins, [
    null,
    { cell: 2, line: 1 },
    { cell: 2, line: 2 },
    null,
    { cell: 4, line: 1 },
    null,
    null,
  ]);
});

Deno.test("extractModule() guards a cell that could continue the previous expression", () => {
  const { text, cellStarts } = extractModule(
    [code("const xs = [1]"), code("// comment\n[...xs].map((x) => x)"), code("`t`")],
    "nb",
  );
  assert.equal(
    text,
    "// nb cell 1\nconst xs = [1]\n// nb cell 2\n// comment\n;[...xs].map((x) => x)\n" +
      "// nb cell 3\n;`t`\nexport {};\n",
  );
  assert.deepEqual([...cellStarts], [2, 5, 7]);
});

Deno.test("extractModule() joins Windows line endings like Unix ones", () => {
  const { origins } = extractModule([code("const a = 1;\r\nconst b = a;")], "nb");
  assert.deepEqual(origins.slice(1, 3), [{ cell: 1, line: 1 }, { cell: 1, line: 2 }]);
});
