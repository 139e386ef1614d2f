import assert from "node:assert/strict";
import fc from "fast-check";
import { DEFAULT_NA_VALUES, parseCsv, readCsv, toCsv, writeCsv } from "@lib/data/mod.ts";

const isNaNCell = (v: unknown) => typeof v === "number" && Number.isNaN(v);
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

function tempCsv(text?: string): string {
  const path = Deno.makeTempFileSync({ suffix: ".csv" });
  if (text !== undefined) Deno.writeTextFileSync(path, text);
  return path;
}

Deno.test("parseCsv() types numeric columns as numbers and keeps text as strings", () => {
  const df = parseCsv("name,count,ratio,code\nann,1,0.5,0x10\nbob,-2,1e-3,A7\ncid,+3,.25,9\n");
  assert.deepEqual(df.columns, ["name", "count", "ratio", "code"]);
  assert.deepEqual(df.dtypes, ["string", "int32", "float32", "string"]);
  assert.deepEqual(df.column("count").values, [1, -2, 3]);
  assert.deepEqual(df.column("ratio").values, [0.5, 0.001, 0.25]);
  assert.deepEqual(df.column("code").values, ["0x10", "A7", "9"]);
});

Deno.test("parseCsv() turns empty cells and NA markers into NaN, never null", () => {
  const df = parseCsv("a,b,c\n1,x,\nNA,null, NaN \n3,,z\n");
  assert.deepEqual(df.dtypes, ["float32", "string", "string"]);
  assert.deepEqual(df.column("a").values, [1, NaN, 3]);
  assert.deepEqual(df.column("b").values, ["x", NaN, NaN]);
  assert.deepEqual(df.column("c").values, [NaN, NaN, "z"]);
  const cells = (df.values as unknown[][]).flat();
  assert.ok(cells.every((v) => v !== null && v !== undefined));
  assert.deepEqual(DEFAULT_NA_VALUES, ["", "NA", "NaN", "null"]);
});

Deno.test("parseCsv() naValues replaces the default markers", () => {
  const df = parseCsv("a,b\n1,NA\n-,x\n", { naValues: ["-"] });
  assert.deepEqual(df.column("a").values, [1, NaN]);
  assert.deepEqual(df.column("b").values, ["NA", "x"]);
});

Deno.test("parseCsv() reads booleans, quoted fields, other delimiters and a BOM", () => {
  const df = parseCsv('\ufeffok;text\ntrue;"a;b"\nfalse;"line\nbreak"\n;"say ""hi"""\n', {
    delimiter: ";",
  });
  assert.deepEqual(df.columns, ["ok", "text"]);
  assert.deepEqual(df.dtypes, ["boolean", "string"]);
  assert.deepEqual(df.column("ok").values, [true, false, NaN]);
  assert.deepEqual(df.column("text").values, ["a;b", "line\nbreak", 'say "hi"']);
  assert.deepEqual(parseCsv("a\tb\n1\t2\n", { delimiter: "\t" }).values, [[1, 2]]);
});

Deno.test("parseCsv() keeps only the requested columns, in the requested order", () => {
  const df = parseCsv("a,b,c\n1,2,3\n4,5,6\n", { columns: ["c", "a"] });
  assert.deepEqual(df.columns, ["c", "a"]);
  assert.deepEqual(df.values, [[3, 1], [6, 4]]);
});

Deno.test("parseCsv() parses dateColumns into UTC dates and missing dates into invalid dates", () => {
  const df = parseCsv("day,v\n2012-01-31,1\n,2\n2015-12-31,3\n", { dateColumns: ["day"] });
  assert.deepEqual(df.dtypes, ["datetime", "int32"]);
  const days = df.column("day").values as unknown as Date[];
  assert.ok(days.every((d) => d instanceof Date));
  assert.equal(days[0].toISOString(), "2012-01-31T00:00:00.000Z");
  assert.ok(Number.isNaN(days[1].getTime()));
  // describe() leaves the date column out instead of throwing inside mathjs.
  assert.deepEqual(df.describe().columns, ["v"]);
});

Deno.test("parseCsv() handles a header without rows, blank lines and unnamed columns", () => {
  const empty = parseCsv("a,b\n");
  assert.deepEqual(empty.shape, [0, 2]);
  assert.deepEqual(empty.columns, ["a", "b"]);
  assert.deepEqual(parseCsv("a\n1\n\n2\n\n").column("a").values, [1, 2]);
  assert.deepEqual(parseCsv(",v\n0,1\n").columns, ["column_1", "v"]);
});

Deno.test("toCsv() writes NaN and invalid dates as empty cells and dates as ISO days", () => {
  const df = parseCsv("d,x,s\n2012-01-01,1.5,a\n,NA,\n", { dateColumns: ["d"] });
  assert.equal(toCsv(df), "d,x,s\n2012-01-01,1.5,a\n,,\n");
  assert.equal(toCsv(parseCsv('t\n"a,b"\n')), 't\n"a,b"\n');
  assert.equal(toCsv(df.head(1)), "d,x,s\n2012-01-01,1.5,a\n");
});

Deno.test("writeCsv() then readCsv() gives NaN in the same cells and numbers typed", () => {
  const text = "id,score,label,when\n1,0.25,cat,2014-05-01\n2,,dog,\n3,-7,,2014-05-03\n";
  const path = tempCsv();
  writeCsv(parseCsv(text, { dateColumns: ["when"] }), path);
  const back = readCsv(path, { dateColumns: ["when"] });
  assert.deepEqual(back.dtypes, ["int32", "float32", "string", "datetime"]);
  assert.deepEqual(back.column("score").values, [0.25, NaN, -7]);
  assert.deepEqual(back.column("label").values, ["cat", "dog", NaN]);
  const when = back.column("when").values as unknown as Date[];
  assert.deepEqual(when.map((d) => Number.isNaN(d.getTime())), [false, true, false]);
  assert.equal(Deno.readTextFileSync(path), text);
});

Deno.test("toCsv() and parseCsv() round-trip numbers, text and missing cells", () => {
  const number = fc.oneof(
    fc.constant(NaN),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
  );
  // Text cells start with "x" so that they are neither numbers, booleans nor NA markers.
  const text = fc.oneof(
    fc.constant(NaN),
    fc.string({ maxLength: 8 }).map((s) => `x${s}`),
    fc.constantFrom("x,y", 'x"q"', "x\nz"),
  );
  const rows = fc.array(fc.tuple(number, text), { minLength: 1, maxLength: 30 });
  fc.assert(
    fc.property(rows, (data) => {
      const csv = "n,t\n" +
        data.map(([n, t]) => `${isNaNCell(n) ? "" : n},${isNaNCell(t) ? "" : quote(t as string)}`)
          .join("\n");
      const df = parseCsv(csv);
      const back = parseCsv(toCsv(df));
      assert.deepEqual(back.values, df.values);
      assert.deepEqual(df.column("n").values, data.map(([n]) => n));
      assert.deepEqual(df.column("t").values, data.map(([, t]) => t));
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("readCsv() reports a missing file by path, not with a Deno stack", () => {
  assert.throws(
    () => readCsv("data/x.csv"),
    (error: Error) => {
      assert.ok(error instanceof Deno.errors.NotFound);
      assert.equal(
        error.message,
        `Cannot read CSV: no file at data/x.csv (relative to ${Deno.cwd()})`,
      );
      return true;
    },
  );
  assert.throws(() => readCsv("/no/such/file.csv"), {
    message: "Cannot read CSV: no file at /no/such/file.csv",
  });
  assert.throws(
    () => readCsv(Deno.makeTempDirSync()),
    { name: "RangeError", message: /^Cannot read CSV: .* is a directory, not a file$/ },
  );
});

Deno.test("readCsv() and parseCsv() reject empty input", () => {
  const path = tempCsv("\n  \n");
  assert.throws(
    () => readCsv(path),
    new RangeError(`Cannot read CSV ${path}: the file is empty (no header row)`),
  );
  assert.throws(
    () => parseCsv(""),
    new RangeError("Cannot parse CSV: the text is empty (no header row)"),
  );
});

Deno.test("parseCsv() names the row and line of a ragged row", () => {
  assert.throws(
    () => parseCsv("a,b,c\n1,2,3\n4,5\n"),
    new RangeError("Cannot parse CSV: row 2 (line 3) has 2 fields, expected 3 as in the header"),
  );
  assert.throws(
    () => parseCsv('a,b\n"multi\nline",2\n1\n'),
    new RangeError("Cannot parse CSV: row 2 (line 4) has 1 field, expected 2 as in the header"),
  );
  const path = tempCsv("a,b\n1,2,3\n");
  assert.throws(
    () => readCsv(path),
    new RangeError(
      `Cannot read CSV ${path}: row 1 (line 2) has 3 fields, expected 2 as in the header`,
    ),
  );
});

Deno.test("parseCsv() rejects bad headers, unknown columns, bad dates and bad options", () => {
  assert.throws(
    () => parseCsv("a,a\n1,2\n"),
    new RangeError('Cannot parse CSV: the header names the column "a" twice'),
  );
  assert.throws(
    () => parseCsv("a,b\n1,2\n", { columns: ["c"] }),
    new RangeError('Cannot parse CSV: no column "c"; available: a, b'),
  );
  assert.throws(
    () => parseCsv("a,b\n1,2\n", { dateColumns: ["day"] }),
    new RangeError('Cannot parse CSV: no column "day"; available: a, b'),
  );
  assert.throws(
    () => parseCsv("d\n2012-01-01\nsoon\n", { dateColumns: ["d"] }),
    new RangeError('Cannot parse CSV: column "d", row 2: "soon" is not a date'),
  );
  assert.throws(
    () => parseCsv("a\n1\n", { delimiter: "::" }),
    new RangeError('Cannot parse CSV: delimiter must be a single character, got "::"'),
  );
  assert.throws(() => parseCsv('a\n"open\n'), {
    name: "RangeError",
    message: /^Cannot parse CSV: Quote Not Closed/,
  });
  assert.throws(
    () => parseCsv(42 as unknown as string),
    new TypeError("Cannot parse CSV: text must be a string, got number"),
  );
});

Deno.test("toCsv() and writeCsv() reject what is not a DataFrame or has no folder", () => {
  const df = parseCsv("a\n1\n");
  assert.throws(
    () => toCsv({} as typeof df),
    new TypeError("Cannot write CSV: df must be a danfojs DataFrame"),
  );
  assert.throws(
    () => toCsv(df.column("a") as unknown as typeof df),
    new TypeError("Cannot write CSV: df must be a danfojs DataFrame"),
  );
  assert.throws(() => writeCsv(df, "/no/such/folder/out.csv"), {
    name: "NotFound",
    message: "Cannot write CSV: the folder of /no/such/folder/out.csv does not exist",
  });
});
