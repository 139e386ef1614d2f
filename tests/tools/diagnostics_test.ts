import assert from "node:assert/strict";
import { parseCheckOutput, parseLintJson } from "../../tools/_diagnostics.ts";

// Output of `NO_COLOR=1 deno check` (Deno 2.9.6) on a module with these problems.
const CHECK_OUTPUT = `Check out/check/p4.ts
TS2345 [ERROR]: Argument of type '{ a: number; }' is not assignable to parameter of type '{ a: number; b: string; }'.
  Property 'b' is missing in type '{ a: number; }' but required in type '{ a: number; b: string; }'.
f({ a: 1 });
  ~~~~~~~~
    at file:///work/main/out/check/p4.ts:3:3

    'b' is declared here.
    function f(o: { a: number; b: string }) { return o; }
                               ^
        at file:///work/main/out/check/p4.ts:2:28

TS2307 [ERROR]: Cannot find module 'file:///work/main/lib/nope.ts'.
    at file:///work/main/out/check/p5.ts:1:22

Found 2 errors.

error: Type checking failed.
`;

Deno.test("parseCheckOutput() reads each error with its message chain and first location", () => {
  assert.deepEqual(parseCheckOutput(CHECK_OUTPUT), [
    {
      file: "/work/main/out/check/p4.ts",
      line: 3,
      code: "TS2345",
      message: "Argument of type '{ a: number; }' is not assignable to parameter of type " +
        "'{ a: number; b: string; }'. Property 'b' is missing in type '{ a: number; }' but " +
        "required in type '{ a: number; b: string; }'.",
    },
    {
      file: "/work/main/out/check/p5.ts",
      line: 1,
      code: "TS2307",
      message: "Cannot find module 'file:///work/main/lib/nope.ts'.",
    },
  ]);
});

Deno.test("parseCheckOutput() reads syntax errors and ignores colour codes", () => {
  const output = "\x1b[1m\x1b[31merror\x1b[0m: SyntaxError: Expression expected\n  |\n" +
    "2 | const b = (a +;\n  |               ~\n    at \x1b[36mfile:///w/p6.ts\x1b[0m:2:15\n";
  assert.deepEqual(parseCheckOutput(output), [
    { file: "/w/p6.ts", line: 2, code: "error", message: "SyntaxError: Expression expected" },
  ]);
});

Deno.test("parseLintJson() reads rule violations with hints and parse errors", () => {
  const json = JSON.stringify({
    version: 1,
    diagnostics: [{
      filename: "file:///w/a.ts",
      range: { start: { line: 5, col: 6, bytePos: 1 }, end: { line: 5, col: 7, bytePos: 2 } },
      message: "`x` is never used",
      code: "no-unused-vars",
      hint: "prefix it",
    }],
    errors: [{
      file_path: "/w/b.ts",
      message: "SyntaxError: Expression expected\n  |\n2 | (a +;\n    at file:///w/b.ts:2:15",
    }],
    checked_files: ["/w/a.ts", "/w/b.ts"],
  });
  assert.deepEqual(parseLintJson(json), [
    { file: "/w/b.ts", line: 2, code: "error", message: "SyntaxError: Expression expected" },
    {
      file: "/w/a.ts",
      line: 5,
      code: "no-unused-vars",
      message: "`x` is never used (prefix it)",
    },
  ]);
});
