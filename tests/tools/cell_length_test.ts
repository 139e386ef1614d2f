import assert from "node:assert/strict";
import { codeLines, longCells, MAX_CELL_LINES } from "../../tools/_cell_length.ts";

Deno.test("codeLines() counts code, not blank lines or import declarations", () => {
  const source = [
    'import { a } from "@lib/a/mod.ts";',
    "import {",
    "  b,",
    "  c,",
    '} from "@lib/b/mod.ts";',
    'import "./side_effect.ts";',
    "",
    "const x = a(b);",
    "   ",
    "x + c;",
  ].join("\n");
  assert.equal(codeLines(source), 2);
  assert.equal(codeLines(""), 0);
  assert.equal(codeLines("const importance = 1;\nimportance;"), 2);
});

Deno.test("longCells() names code cells over the limit and exempts the parameters cell", () => {
  const long = Array.from({ length: MAX_CELL_LINES + 1 }, (_, i) => `const v${i} = ${i};`).join(
    "\n",
  );
  const exact = long.split("\n").slice(1).join("\n");
  const cells = [
    { cellType: "markdown", source: long },
    { cellType: "code", source: long, tags: ["parameters"] },
    { cellType: "code", source: exact },
    { cellType: "code", source: long },
  ];
  assert.deepEqual(longCells(cells), [{ cell: 4, lines: MAX_CELL_LINES + 1 }]);
  assert.deepEqual(longCells(cells, 100), []);
});
