import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { parametersInSource, readApi, typeText } from "../../tools/book/_api.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

Deno.test({
  name:
    "API pages print full signatures: generics, unions, object types, index signatures, defaults",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const modules = await readApi(ROOT, ["claims", "data", "plot"]);
  const signature = (name: string) =>
    modules.flatMap((m) => m.symbols).find((s) => s.name === name)!.signature;
  // The declarations as written in lib/claims/repeat.ts, summarize.ts and lib/data/datasets.ts.
  assert.equal(
    signature("repeatOverSeeds"),
    "async function repeatOverSeeds<T>(\n  seeds: readonly number[],\n" +
      "  fn: (seed: number) => T | Promise<T>,\n): Promise<T[]>",
  );
  assert.equal(
    signature("summarize"),
    "function summarize(values: NumberArray, { level = 0.95 }: SummarizeOptions = {}): Summary",
  );
  assert.equal(
    signature("loadDataset"),
    "function loadDataset<N extends DatasetName>(\n  name: N,\n" +
      "  options: LoadDatasetOptions = {},\n): DatasetTypes[N]",
  );
  // lib/plot/figure.ts: an inline object type, template-literal index signatures, nulls in unions.
  const layout = signature("FigureLayout");
  assert.match(
    layout,
    /^interface FigureLayout \{\n {2}title: \{ text: string; \[key: string\]: unknown \};\n/,
  );
  assert.match(layout, /\n {2}\[axis: `xaxis\$\{number\}`\]: AxisLayout \| undefined;\n/);
  assert.match(signature("Trace"), /\n {2}x\?: \(number \| string \| null\)\[\];\n/);
  assert.match(signature("Trace"), /\n {2}type: "scatter" \| "bar" \| "histogram" \| "heatmap";\n/);
  assert.match(
    signature("Figure"),
    /^class Figure implements FigureSpec \{\n {2}constructor\(spec: FigureSpec\);\n {2}readonly data: Trace\[\];\n/,
  );
  assert.match(signature("Figure"), /\n {2}get title\(\): string;\n/);
});

Deno.test({
  name: "API pages leave out a module's internals (names with a leading underscore)",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const [transfer] = await readApi(ROOT, ["transfer"]);
  const names = transfer.symbols.map((s) => s.name);
  // lib/transfer/mod.ts re-exports clone.ts and strategies.ts, with _artifactsOf and _epochsFor.
  assert.ok(names.includes("transferExperiment") && names.includes("cloneModel"));
  assert.deepEqual(names.filter((n) => n.startsWith("_")), []);
});

Deno.test("typeText() prints conditional, mapped, tuple, function and import types", () => {
  const ref = (name: string) => ({ kind: "typeRef", value: { typeName: name }, repr: name });
  const kw = (value: string) => ({ kind: "keyword", value, repr: value });
  assert.equal(
    typeText({
      kind: "conditional",
      value: {
        checkType: ref("T"),
        extendsType: kw("string"),
        trueType: kw("never"),
        falseType: ref("T"),
      },
    }),
    "T extends string ? never : T",
  );
  assert.equal(
    typeText({
      kind: "mapped",
      value: {
        readonly: true,
        optional: "-",
        typeParam: {
          name: "K",
          constraint: { kind: "typeOperator", value: { operator: "keyof", tsType: ref("T") } },
        },
        tsType: { kind: "indexedAccess", value: { objType: ref("T"), indexType: ref("K") } },
      },
    }),
    "{ readonly [K in keyof T]-?: T[K] }",
  );
  assert.equal(
    typeText({
      kind: "array",
      value: {
        kind: "fnOrConstructor",
        value: {
          constructor: true,
          params: [{
            kind: "rest",
            arg: { kind: "identifier", name: "xs" },
            tsType: { kind: "array", value: kw("number") },
          }],
          tsType: ref("Rng"),
        },
      },
    }),
    "(new (...xs: number[]) => Rng)[]",
  );
  assert.equal(
    typeText({ kind: "tuple", value: [kw("string"), { kind: "optional", value: kw("number") }] }),
    "[string, number?]",
  );
  assert.equal(
    typeText({
      kind: "importType",
      value: { specifier: "./x.ts", qualifier: "Y", typeParams: [kw("number")] },
    }),
    'import("./x.ts").Y<number>',
  );
  assert.equal(typeText({ kind: "literal", value: { kind: "number", number: 3 }, repr: "3" }), "3");
  assert.equal(typeText(undefined), "unknown");
});

Deno.test("parametersInSource() reads names, destructuring patterns and defaults as written", () => {
  const source =
    "/** doc */\nexport function f<T extends Map<string, number> = Map<string, number>>(\n" +
    '  a: (x: number) => T,\n  { level = 0.95, tail = "two" }: Options = {},\n  b = [1, 2],\n  ...rest: number[]\n): void {}';
  const at = new TextEncoder().encode(source.slice(0, source.indexOf("export"))).length;
  assert.deepEqual(parametersInSource(source, at), [
    { pattern: "a" },
    { pattern: '{ level = 0.95, tail = "two" }', value: "{}" },
    { pattern: "b", value: "[1, 2]" },
    { pattern: "...rest" },
  ]);
  // Byte offsets, as deno doc gives them: a multi-byte character before the declaration.
  const withAccent = `// é\n${source}`;
  const at2 = new TextEncoder().encode(withAccent.slice(0, withAccent.indexOf("export"))).length;
  assert.equal(parametersInSource(withAccent, at2)[2].value, "[1, 2]");
});
