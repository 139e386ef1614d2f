import assert from "node:assert/strict";
import { type DatasetName, type DatasetTypes, listDatasets, loadDataset } from "@lib/data/mod.ts";

const ALL: DatasetName[] = [
  "seattle-weather",
  "iris",
  "movies",
  "flights-200k",
  "mnist",
  "spam-assassin",
  "sotu",
];

/** Number of records of any dataset result. */
function size(data: DatasetTypes[DatasetName]): number {
  if (Array.isArray(data)) return data.length;
  if ("n" in data && typeof data.n === "number") return data.n;
  return (data as DatasetTypes["iris"]).shape[0];
}

const noNulls = (values: unknown[]) => values.every((v) => v !== null && v !== undefined);

Deno.test('loadDataset("seattle-weather") gives 1,461 days with parsed dates', () => {
  const df = loadDataset("seattle-weather");
  assert.deepEqual(df.shape, [1461, 6]);
  assert.deepEqual(df.columns, [
    "date",
    "precipitation",
    "temp_max",
    "temp_min",
    "wind",
    "weather",
  ]);
  assert.deepEqual(df.dtypes, ["datetime", "float32", "float32", "float32", "float32", "string"]);
  const dates = df.column("date").values as unknown as Date[];
  assert.equal(dates[0].toISOString(), "2012-01-01T00:00:00.000Z");
  assert.equal(dates[1460].toISOString(), "2015-12-31T00:00:00.000Z");
  // First data row of vega-datasets' seattle-weather.csv: 2012-01-01,0.0,12.8,5.0,4.7,drizzle
  assert.deepEqual((df.values[0] as unknown[]).slice(1), [0, 12.8, 5, 4.7, "drizzle"]);
  assert.deepEqual(
    [...new Set(df.column("weather").values as string[])].sort(),
    ["drizzle", "fog", "rain", "snow", "sun"],
  );
});

Deno.test('loadDataset("iris") gives 150 flowers, 50 per species', () => {
  const df = loadDataset("iris");
  assert.deepEqual(df.shape, [150, 5]);
  assert.deepEqual(df.columns, [
    "sepal_length",
    "sepal_width",
    "petal_length",
    "petal_width",
    "species",
  ]);
  // Fisher's first and last flowers (UCI iris.data rows 1 and 150).
  assert.deepEqual(df.values[0], [5.1, 3.5, 1.4, 0.2, "setosa"]);
  assert.deepEqual(df.values[149], [5.9, 3, 5.1, 1.8, "virginica"]);
  const counts = df.column("species").valueCounts();
  assert.deepEqual(counts.values, [50, 50, 50]);
});

Deno.test('loadDataset("movies") gives 3,201 films with NaN for nulls and parsed dates', () => {
  const df = loadDataset("movies");
  assert.deepEqual(df.shape, [3201, 16]);
  assert.deepEqual(df.columns, [
    "title",
    "us_gross",
    "worldwide_gross",
    "us_dvd_sales",
    "production_budget",
    "release_date",
    "mpaa_rating",
    "running_time_min",
    "distributor",
    "source",
    "major_genre",
    "creative_type",
    "director",
    "rotten_tomatoes_rating",
    "imdb_rating",
    "imdb_votes",
  ]);
  assert.ok(noNulls((df.values as unknown[][]).flat()));
  assert.equal(df.dtypes[df.columns.indexOf("release_date")], "datetime");
  assert.equal(df.dtypes[df.columns.indexOf("imdb_rating")], "float32");
  // First record of movies.json: "The Land Girls", US Gross 146083, released "Jun 12 1998",
  // US DVD Sales null.
  const first = df.values[0] as unknown[];
  assert.equal(first[0], "The Land Girls");
  assert.equal(first[1], 146083);
  assert.ok(Number.isNaN(first[3]));
  assert.equal((first[5] as Date).toISOString(), "1998-06-12T00:00:00.000Z");
  // 213 films have no IMDB rating (count of nulls in movies.json).
  const imdb = df.column("imdb_rating").values as number[];
  assert.equal(imdb.filter(Number.isNaN).length, 213);
  // Numeric titles such as 1776 stay text in the text column.
  assert.ok((df.column("title").values as unknown[]).includes("1776"));
});

Deno.test('loadDataset("flights-200k") gives 200,000 flights as numeric columns', () => {
  const f = loadDataset("flights-200k");
  assert.equal(f.n, 200000);
  for (const column of [f.delay, f.distance, f.time]) {
    assert.ok(column instanceof Float64Array);
    assert.equal(column.length, 200000);
  }
  // Ranges measured on vega-datasets 3.2.1's flights-200k.json.
  const range = (
    xs: Float64Array,
  ) => [xs.reduce((a, b) => Math.min(a, b)), xs.reduce((a, b) => Math.max(a, b))];
  assert.deepEqual(range(f.delay), [-86, 1444]);
  assert.deepEqual(range(f.distance), [30, 4962]);
  assert.ok(f.time.every((t) => t >= 0 && t < 24));
  assert.deepEqual([f.delay[0], f.distance[0], f.time[0]], [0, 1452, 0]);
});

Deno.test('loadDataset("mnist") gives 10,000 labelled 28×28 images in [0, 1]', () => {
  const m = loadDataset("mnist");
  assert.equal(m.n, 10000);
  assert.deepEqual([m.width, m.height], [28, 28]);
  assert.ok(m.images instanceof Float32Array && m.labels instanceof Int32Array);
  assert.equal(m.images.length, 10000 * 784);
  assert.ok(m.images.every((x) => x >= 0 && x <= 1));
  const counts = new Array(10).fill(0);
  for (const label of m.labels) counts[label]++;
  // Images per digit in the mnist 1.1.0 package (length of src/digits/<d>.json / 784).
  assert.deepEqual(counts, [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
  const ink = m.images.subarray(0, 784).reduce((s, x) => s + x, 0);
  assert.ok(ink > 10, "the first image is not blank");
});

Deno.test('loadDataset("spam-assassin") gives 6,046 mails in five groups', () => {
  const mails = loadDataset("spam-assassin");
  assert.equal(mails.length, 6046);
  const groups = new Map<string, number>();
  for (const m of mails) groups.set(m.group, (groups.get(m.group) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries(groups), {
    "easy-ham-1": 2500,
    "easy-ham-2": 1400,
    "hard-ham-1": 250,
    "spam-1": 500,
    "spam-2": 1396,
  });
  assert.equal(mails.filter((m) => m.spam).length, 1896);
  assert.ok(mails.every((m) => m.spam === m.group.startsWith("spam")));
  assert.equal(new Set(mails.map((m) => `${m.group}/${m.id}`)).size, 6046);
  assert.deepEqual(Object.keys(mails[0]), ["id", "group", "spam", "text"]);
  assert.deepEqual([mails[0].id, mails[0].group], ["00001", "easy-ham-1"]);
  assert.match(mails[0].text, /^From exmh-workers-admin@redhat.com/);
  assert.ok(Object.isFrozen(mails[0]));
});

Deno.test('loadDataset("sotu") gives 233 addresses from 1790 to 2021, by year', () => {
  const sotu = loadDataset("sotu");
  assert.equal(sotu.length, 233);
  assert.deepEqual(Object.keys(sotu[0]), ["year", "name", "party", "text"]);
  assert.deepEqual([sotu[0].year, sotu[0].name, sotu[0].party], [
    1790,
    "George Washington",
    "none",
  ]);
  assert.equal(sotu.at(-1)?.year, 2021);
  assert.ok(sotu.every((a, i) => i === 0 || sotu[i - 1].year <= a.year));
  assert.equal(sotu.filter((a) => a.name === "Richard Nixon").length, 5);
  assert.match(sotu[0].text, /^Fellow-Citizens of the Senate and House of Representatives/);
});

Deno.test("loadDataset() returns fresh copies, so changing one does not change the next", () => {
  const m = loadDataset("mnist");
  m.images[0] = 7;
  m.labels[0] = 9;
  assert.equal(loadDataset("mnist").images[0], 0);
  assert.equal(loadDataset("mnist").labels[0], 0);
  const f = loadDataset("flights-200k");
  f.delay.fill(-1);
  assert.equal(loadDataset("flights-200k").delay[1], 171);
  const iris = loadDataset("iris");
  iris.addColumn("ones", new Array(150).fill(1), { inplace: true });
  assert.deepEqual(loadDataset("iris").shape, [150, 5]);
  const weather = loadDataset("seattle-weather");
  (weather.column("date").values[0] as unknown as Date).setUTCFullYear(1999);
  const date0 = loadDataset("seattle-weather").column("date").values[0] as unknown as Date;
  assert.equal(date0.getUTCFullYear(), 2012);
  const sotu = loadDataset("sotu");
  sotu.length = 0;
  assert.equal(loadDataset("sotu").length, 233);
});

Deno.test("loadDataset() finds the package files from any working directory", () => {
  const cwd = Deno.cwd();
  Deno.chdir(Deno.makeTempDirSync());
  try {
    assert.deepEqual(loadDataset("iris", { cache: false }).shape, [150, 5]);
    assert.equal(loadDataset("sotu", { cache: false }).length, 233);
  } finally {
    Deno.chdir(cwd);
  }
});

Deno.test("loadDataset() names the unknown dataset and lists the known ones", () => {
  assert.throws(
    () => loadDataset("seatle-weather" as DatasetName),
    new RangeError(
      'Cannot load dataset "seatle-weather": unknown name; available: ' +
        "seattle-weather, iris, movies, flights-200k, mnist, spam-assassin, sotu",
    ),
  );
  assert.throws(() => loadDataset("toString" as DatasetName), { name: "RangeError" });
  assert.throws(
    () => loadDataset(3 as unknown as DatasetName),
    new TypeError(`Cannot load dataset 3: unknown name; available: ${ALL.join(", ")}`),
  );
});

Deno.test("listDatasets() describes every dataset with its true size, licence and source", () => {
  const infos = listDatasets();
  assert.deepEqual(infos.map((d) => d.name), ALL);
  for (const info of infos) {
    assert.equal(size(loadDataset(info.name)), info.rows, info.name);
    assert.ok(info.description.length > 20 && info.returns.length > 0, info.name);
    assert.ok(info.licence.length > 0, info.name);
    assert.match(info.source, /^[@a-z0-9/.-]+ \d+\.\d+\.\d+: /, info.name);
  }
});
