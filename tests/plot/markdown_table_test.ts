import assert from "node:assert/strict";
import { markdownTable } from "@lib/plot/mod.ts";

Deno.test("markdownTable() writes a header, a separator and one line per row", () => {
  // GitHub-flavoured Markdown table syntax (https://github.github.com/gfm/#tables-extension-).
  assert.equal(
    markdownTable(["model", "best form", "ratio"], [["linear", "`n*f+n`", 1.5], ["MLP", "`n`", 2]]),
    [
      "| model | best form | ratio |",
      "| --- | --- | --- |",
      "| linear | `n*f+n` | 1.5 |",
      "| MLP | `n` | 2 |",
    ].join("\n"),
  );
});

Deno.test("markdownTable() escapes pipes and joins line breaks so cells stay in place", () => {
  assert.equal(
    markdownTable(["a|b"], [["one\ntwo"], ["x | y"]]),
    "| a\\|b |\n| --- |\n| one two |\n| x \\| y |",
  );
});

Deno.test("markdownTable() with no rows gives the header alone", () => {
  assert.equal(markdownTable(["x", "y"], []), "| x | y |\n| --- | --- |");
});

Deno.test("markdownTable() does not mutate its inputs", () => {
  const header = ["a"], rows = [["p|q"]];
  markdownTable(header, rows);
  assert.deepEqual([header, rows], [["a"], [["p|q"]]]);
});

Deno.test("markdownTable() rejects bad headers, rows and cells", () => {
  const bad = markdownTable as (h: unknown, r: unknown) => string;
  assert.throws(() => bad("a", []), {
    name: "TypeError",
    message: "Cannot build markdownTable: header must be an array",
  });
  assert.throws(() => bad([], []), {
    name: "RangeError",
    message: "Cannot build markdownTable: header must not be empty",
  });
  assert.throws(() => bad(["a"], "x"), {
    name: "TypeError",
    message: "Cannot build markdownTable: rows must be an array",
  });
  assert.throws(() => bad(["a"], ["x"]), {
    name: "TypeError",
    message: "Cannot build markdownTable: rows[0] must be an array",
  });
  assert.throws(() => bad(["a", "b"], [["x", "y"], ["z"]]), {
    name: "RangeError",
    message: "Cannot build markdownTable: rows[1] must have 2 cells like header, got 1",
  });
  assert.throws(() => bad(["a"], [[null]]), {
    name: "TypeError",
    message: "Cannot build markdownTable: rows[0][0] must be a string or a number, got object",
  });
  assert.throws(() => bad([1 as unknown as string, {}], []), {
    name: "TypeError",
    message: "Cannot build markdownTable: header[1] must be a string or a number, got object",
  });
});
