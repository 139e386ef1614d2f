import assert from "node:assert/strict";
import { DataFrame, Series } from "danfojs";
import {
  displayBundle,
  installDataFrameDisplay,
  parseCsv,
  type TableBundle,
} from "@lib/data/mod.ts";
import { formatCell, formatNumber, shownPositions } from "../../lib/data/_table.ts";

const DISPLAY = Symbol.for("Jupyter.display");

/** Calls the Jupyter display hook the kernel calls on a cell's result. */
function kernelBundle(value: unknown): TableBundle {
  const hook = (value as Record<symbol, unknown>)[DISPLAY];
  assert.equal(typeof hook, "function", "no Jupyter display hook");
  return (hook as () => TableBundle).call(value);
}

function weatherLike(): DataFrame {
  return parseCsv(
    "day,city,temp,rain\n" +
      "2012-01-01,Oslo,-3.25,NA\n" +
      "2012-01-02,Oslo,0.123456,2\n" +
      "2012-01-01,Lima,21.5,0\n" +
      "2012-01-02,Lima,22,NA\n",
    { dateColumns: ["day"] },
  );
}

Deno.test("formatNumber() shows integers whole and at most 4 decimals otherwise", () => {
  assert.equal(formatNumber(12), "12");
  assert.equal(formatNumber(-1461), "-1461");
  assert.equal(formatNumber(2.3125), "2.3125");
  assert.equal(formatNumber(1234.56789), "1234.5679");
  assert.equal(formatNumber(0.8133008873), "0.8133");
  assert.equal(formatNumber(0.00012346), "0.0001235");
  assert.equal(formatNumber(0.5), "0.5");
  assert.equal(formatNumber(1e-7), "1e-7");
  assert.equal(formatNumber(-1.23456e-9), "-1.235e-9");
  assert.equal(formatNumber(1e20), "1e+20");
  assert.equal(formatNumber(NaN), "NaN");
  assert.equal(formatNumber(-Infinity), "-Infinity");
});

Deno.test("formatCell() shows dates as ISO days, invalid dates as NaT, and cuts long text", () => {
  assert.equal(formatCell(new Date("2015-12-31"), 50), "2015-12-31");
  assert.equal(formatCell(new Date("2015-12-31T10:30:00Z"), 50), "2015-12-31T10:30:00Z");
  assert.equal(formatCell(new Date(NaN), 50), "NaT");
  assert.equal(formatCell("a\nb", 50), "a b");
  assert.equal(formatCell("abcdefghij", 5), "abcd…");
  assert.equal(formatCell(null, 50), "null");
  assert.equal(formatCell(true, 50), "true");
});

Deno.test("shownPositions() keeps head and tail around a gap", () => {
  assert.deepEqual(shownPositions(3, 4), [0, 1, 2]);
  assert.deepEqual(shownPositions(10, 4), [0, 1, -1, 8, 9]);
  assert.deepEqual(shownPositions(10, 5), [0, 1, 2, -1, 8, 9]);
});

Deno.test("displayBundle() of a DataFrame has an HTML and an aligned text table", () => {
  const bundle = displayBundle(weatherLike());
  assert.deepEqual(Object.keys(bundle).sort(), ["text/html", "text/plain"]);
  assert.equal(
    bundle["text/plain"],
    [
      "   day         city    temp  rain",
      "0  2012-01-01  Oslo   -3.25   NaN",
      "1  2012-01-02  Oslo  0.1235     2",
      "2  2012-01-01  Lima    21.5     0",
      "3  2012-01-02  Lima      22   NaN",
      "",
      "4 rows × 4 columns",
    ].join("\n"),
  );
  const html = bundle["text/html"];
  assert.match(html, /^<div>\n<table class="dataframe" border="1">/);
  assert.match(
    html,
    /<thead><tr><th><\/th><th>day<\/th><th>city<\/th><th style="text-align: right;">temp<\/th>/,
  );
  assert.match(
    html,
    /<tr><th>0<\/th><td>2012-01-01<\/td><td>Oslo<\/td><td style="text-align: right;">-3.25<\/td><td style="text-align: right;">NaN<\/td><\/tr>/,
  );
  assert.match(html, /<p>4 rows × 4 columns<\/p>\n<\/div>$/);
});

Deno.test("displayBundle() shows the head and tail of long tables and wide tables", () => {
  const long = new DataFrame({
    i: Array.from({ length: 100 }, (_, k) => k),
    x: Array.from({ length: 100 }, (_, k) => k / 3),
  });
  const text = displayBundle(long)["text/plain"].split("\n");
  assert.equal(text.length, 1 + 21 + 2);
  assert.match(text[1], /^0\s+0\s+0$/);
  assert.match(text[11], /^…\s+…\s+…$/);
  assert.match(text[21], /^99\s+99\s+33$/);
  assert.equal(text.at(-1), "100 rows × 2 columns");
  assert.equal((displayBundle(long)["text/html"].match(/<tr>/g) ?? []).length, 1 + 21);
  const short = displayBundle(long, { maxRows: 4 })["text/plain"].split("\n");
  assert.deepEqual(short.slice(1, 6).map((l) => l.split(/\s+/)[0]), ["0", "1", "…", "98", "99"]);

  const wide = new DataFrame([Array.from({ length: 30 }, (_, k) => k)]);
  const header = displayBundle(wide, { maxColumns: 6 })["text/plain"].split("\n")[0].trim();
  assert.deepEqual(header.split(/\s+/), ["0", "1", "2", "…", "27", "28", "29"]);
  assert.match(displayBundle(wide)["text/plain"], /1 row × 30 columns$/);
});

Deno.test("displayBundle() escapes HTML and cuts long cells", () => {
  const df = new DataFrame({ s: ["<script>alert('x')</script> & more", "y".repeat(80)] });
  const html = displayBundle(df)["text/html"];
  assert.ok(!html.includes("<script>"));
  assert.match(html, /&lt;script&gt;alert\('x'\)&lt;\/script&gt; &amp; more/);
  assert.match(html, new RegExp(`<td>${"y".repeat(49)}…</td>`));
});

Deno.test("a Series, a groupby result, head(), describe() and column access display as tables", () => {
  const df = weatherLike();
  const column = kernelBundle(df["temp"]);
  assert.match(column["text/plain"], /^\s+temp\n0\s+-3.25\n/);
  assert.match(column["text/plain"], /4 rows, name: temp, dtype: float32$/);
  assert.match(column["text/html"], /<th style="text-align: right;">temp<\/th>/);

  const grouped = kernelBundle(df.groupby(["city"]).col(["temp"]).mean());
  assert.match(grouped["text/plain"], /city\s+temp_mean/);
  // (−3.25 + 0.123456) / 2 = −1.563272
  assert.match(grouped["text/plain"], /Oslo\s+-1.5633\n/);
  assert.match(grouped["text/plain"], /Lima\s+21.75/);
  assert.match(grouped["text/html"], /<td>Lima<\/td><td style="text-align: right;">21.75<\/td>/);

  assert.match(kernelBundle(df.head(2))["text/plain"], /2 rows × 4 columns$/);
  const described = kernelBundle(df.describe())["text/plain"];
  assert.match(described, /^\s+temp\s+rain\ncount\s+4\s+2\n/);
  assert.match(kernelBundle(new Series([1.5, NaN]))["text/plain"], /1\s+NaN/);
});

Deno.test("installDataFrameDisplay() is idempotent and adds no enumerable property", () => {
  installDataFrameDisplay();
  installDataFrameDisplay();
  const df = weatherLike();
  assert.deepEqual(kernelBundle(df), displayBundle(df));
  for (const key in df) assert.notEqual(key, DISPLAY);
  assert.ok(!Object.keys(Object.getPrototypeOf(df)).includes(String(DISPLAY)));
});

Deno.test("displayBundle() rejects what is not a DataFrame or Series and bad limits", () => {
  assert.throws(
    () => displayBundle({} as DataFrame),
    new TypeError("Cannot display a table: frame must be a danfojs DataFrame or Series"),
  );
  assert.throws(
    () => displayBundle(weatherLike(), { maxRows: 1 }),
    new RangeError("Cannot display a table: maxRows must be at least 2, got 1"),
  );
  assert.throws(
    () => displayBundle(weatherLike(), { maxColumns: 2.5 }),
    new RangeError("Cannot display a table: maxColumns must be an integer, got 2.5"),
  );
  assert.throws(
    () => displayBundle(weatherLike(), { maxCellWidth: 0 }),
    new RangeError("Cannot display a table: maxCellWidth must be at least 2, got 0"),
  );
});
