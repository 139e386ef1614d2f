import { assertInteger, raise } from "../_shared/validate.ts";
import { loadDataset } from "../data/mod.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";
import type { DenseMatrix } from "../vectors/mod.ts";

/** Films with the features a recommender may use. */
export interface MovieCatalogue {
  /** Film titles. */
  titles: string[];
  /** The distinct genres, in order of first appearance. */
  genres: string[];
  /** Index into `genres` of each film. */
  genreOf: Int32Array;
  /**
   * `films × (genres + 3)` features: genre one-hot, then release year, IMDB rating and
   * log₁₀ IMDB votes, each standardised to mean 0 and sd 1.
   */
  features: DenseMatrix;
}

function standardise(x: number[]): number[] {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length) || 1;
  return x.map((v) => (v - mean) / sd);
}

/**
 * The films of the `movies` dataset that have a genre, an IMDB rating, votes and a release
 * date, with standardised features (see {@link MovieCatalogue}).
 *
 * @returns The catalogue.
 * @see notebooks/05_embeddings.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { movieCatalogue } from "@lib/embeddings/mod.ts";
 * const films = movieCatalogue();
 * assert.equal(films.features.cols, films.genres.length + 3);
 * assert.equal(films.titles.length, films.features.rows);
 * ```
 */
export function movieCatalogue(): MovieCatalogue {
  const df = loadDataset("movies");
  const col = (name: string) => df[name].values as unknown[];
  const [title, genre, date, rating, votes] = [
    "title",
    "major_genre",
    "release_date",
    "imdb_rating",
    "imdb_votes",
  ]
    .map(col);
  const keep: number[] = [];
  for (let i = 0; i < title.length; i++) {
    const d = date[i] as Date;
    if (
      typeof genre[i] === "string" && Number.isFinite(rating[i]) && Number(votes[i]) > 0 &&
      d instanceof Date && Number.isFinite(d.getTime())
    ) keep.push(i);
  }
  const genres = [...new Set(keep.map((i) => genre[i] as string))];
  const genreOf = Int32Array.from(keep, (i) => genres.indexOf(genre[i] as string));
  const numeric = [
    standardise(keep.map((i) => (date[i] as Date).getUTCFullYear())),
    standardise(keep.map((i) => rating[i] as number)),
    standardise(keep.map((i) => Math.log10(votes[i] as number))),
  ];
  const cols = genres.length + 3;
  const data = new Float32Array(keep.length * cols);
  keep.forEach((_, r) => {
    data[r * cols + genreOf[r]] = 1;
    numeric.forEach((x, c) => (data[r * cols + genres.length + c] = x[r]));
  });
  return {
    titles: keep.map((i) => String(title[i])),
    genres,
    genreOf,
    features: { data, rows: keep.length, cols },
  };
}

/** Options of {@link simulateMovieUsers}. */
export interface MovieUsersOptions extends RandomOptions {
  /** Number of simulated users. */
  users: number;
  /** Films each user watches. @default 20 */
  itemsPerUser?: number;
  /** Share of each user's films held out for testing. @default 0.25 */
  testShare?: number;
}

/** Simulated users' watched films, split into training and test lists. */
export interface MovieUsers {
  /** Training films of each user. */
  train: Int32Array[];
  /** Held-out films of each user. */
  test: Int32Array[];
  /** Each user's hidden genre affinities, `users × genres`. */
  tastes: DenseMatrix;
}

/**
 * Users with hidden tastes who pick films: user $u$ has an affinity $a_{u,g}$ for each genre
 * (two favourite genres at +3, the rest normal with sd 0.5) and a taste for quality
 * $q_u \sim N(1, 0.5^2)$; the utility of film $i$ is
 * $a_{u, g(i)} + q_u\,\text{rating}_i + 0.5\,\text{popularity}_i + \varepsilon_{ui}$ (popularity:
 * standardised log votes) with Gumbel noise
 * ε, and the user watches the `itemsPerUser` films of highest utility (a draw without replacement
 * from the softmax of the utilities). A share `testShare` of each user's films is held out.
 *
 * @param catalogue From {@link movieCatalogue}.
 * @param options `users`, `itemsPerUser`, `testShare`, and `seed` or `rng`.
 * @returns {@link MovieUsers}.
 * @throws {RangeError} If a size is out of range.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { movieCatalogue, simulateMovieUsers } from "@lib/embeddings/mod.ts";
 * const users = simulateMovieUsers(movieCatalogue(), { users: 3, itemsPerUser: 8, seed: 1 });
 * assert.deepEqual(users.train.map((t) => t.length), [6, 6, 6]);
 * assert.deepEqual(users.test.map((t) => t.length), [2, 2, 2]);
 * ```
 */
export function simulateMovieUsers(
  catalogue: MovieCatalogue,
  options: MovieUsersOptions,
): MovieUsers {
  const context = "simulate movie users";
  const { users, itemsPerUser = 20, testShare = 0.25 } = options ?? {};
  const n = catalogue.features.rows, g = catalogue.genres.length, f = catalogue.features;
  assertInteger(users, "users", context, { min: 1 });
  assertInteger(itemsPerUser, "itemsPerUser", context, { min: 2, max: n });
  if (!(testShare > 0 && testShare < 1)) {
    raise("range", context, `testShare must be strictly between 0 and 1, got ${testShare}`);
  }
  const rng = resolveRng(options, context);
  const nTest = Math.max(1, Math.round(itemsPerUser * testShare));
  const tastes = new Float32Array(users * g);
  const train: Int32Array[] = [], test: Int32Array[] = [];
  const utility = new Float64Array(n);
  for (let u = 0; u < users; u++) {
    const a = tastes.subarray(u * g, (u + 1) * g);
    for (let k = 0; k < g; k++) a[k] = rng.normal(0, 0.5);
    a[rng.int(0, g)] = 3;
    a[rng.int(0, g)] = 3;
    const q = rng.normal(1, 0.5);
    for (let i = 0; i < n; i++) {
      const gumbel = -Math.log(-Math.log(rng.random() || Number.MIN_VALUE));
      utility[i] = a[catalogue.genreOf[i]] + q * f.data[i * f.cols + g + 1] +
        0.5 * f.data[i * f.cols + g + 2] + gumbel;
    }
    const chosen = Array.from({ length: n }, (_, i) => i).sort((x, y) => utility[y] - utility[x])
      .slice(0, itemsPerUser);
    for (let i = chosen.length - 1; i > 0; i--) {
      const j = rng.int(0, i + 1);
      [chosen[i], chosen[j]] = [chosen[j], chosen[i]];
    }
    test.push(Int32Array.from(chosen.slice(0, nTest)));
    train.push(Int32Array.from(chosen.slice(nTest)));
  }
  return { train, test, tastes: { data: tastes, rows: users, cols: g } };
}
