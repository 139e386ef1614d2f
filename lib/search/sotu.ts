import { raise } from "../_shared/validate.ts";
import type { SearchDocument } from "./corpus.ts";
import { splitPassages, type SplitPassagesOptions } from "./passages.ts";
import type { QueryIntent } from "./relevance.ts";

/** The fields of a State of the Union address that {@link sotuDocuments} reads. */
export interface SotuAddressLike {
  /** Year of the address. */
  readonly year: number;
  /** The President's name, e.g. "Richard Nixon". */
  readonly name: string;
  /** The President's party. */
  readonly party: string;
  /** The full text. */
  readonly text: string;
}

/** A passage of a State of the Union address as a search document (title = speaker). */
export interface SotuPassage extends SearchDocument {
  /** The President's party. */
  readonly party: string;
  /** Index of the address the passage comes from. */
  readonly address: number;
}

/**
 * Turns State of the Union addresses (`loadDataset("sotu")` from `lib/data`) into
 * passage documents: each address is split into passages of whole sentences
 * ({@link splitPassages}); a passage's title is the speaker's name.
 *
 * @param addresses The addresses.
 * @param options `minWords` per passage.
 * @returns The passages, address by address.
 * @throws {TypeError} If an address lacks a string text or name or a numeric year.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sotuDocuments } from "@lib/search/mod.ts";
 * const docs = sotuDocuments(
 *   [{ year: 1790, name: "George Washington", party: "none", text: "Fellow citizens. I rejoice." }],
 *   { minWords: 3 },
 * );
 * assert.deepEqual(docs, [{ title: "George Washington", body: "Fellow citizens. I rejoice.",
 *   year: 1790, party: "none", address: 0 }]);
 * ```
 */
export function sotuDocuments(
  addresses: readonly SotuAddressLike[],
  options: SplitPassagesOptions = {},
): SotuPassage[] {
  const context = "make State of the Union documents";
  if (!Array.isArray(addresses)) raise("type", context, "addresses must be an array");
  return addresses.flatMap((a, address) => {
    if (typeof a?.text !== "string" || typeof a.name !== "string" || typeof a.year !== "number") {
      raise("type", context, `addresses[${address}] must have a string text and name and a year`);
    }
    return splitPassages(a.text, options).map((body) => ({
      title: a.name,
      body,
      year: a.year,
      party: a.party,
      address,
    }));
  });
}

const person = (query: string, speaker: string, ...terms: string[]): QueryIntent => ({
  query,
  speakers: [speaker],
  terms,
});

const topic = (query: string, ...terms: string[]): QueryIntent => ({ query, terms });

/**
 * Forty-four queries over the State of the Union passages with their judging
 * guidelines ({@link QueryIntent}): twenty about a President (the speaker's own
 * passages are relevant, mentions of them add to it) and twenty-four about a topic
 * (relevance grows with the topic's phrases in the passage). Speakers are spelled
 * as in the data set ("Franklin D Roosevelt"); queries as people type them.
 *
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SOTU_QUERIES } from "@lib/search/mod.ts";
 * assert.equal(SOTU_QUERIES.length, 44);
 * assert.equal(SOTU_QUERIES[0].query, "Richard Nixon");
 * ```
 */
export const SOTU_QUERIES: readonly QueryIntent[] = Object.freeze([
  person("Richard Nixon", "Richard Nixon", "nixon", "watergate", "president nixon"),
  person("Abraham Lincoln", "Abraham Lincoln", "lincoln", "president lincoln", "emancipation"),
  person("Franklin Roosevelt", "Franklin D Roosevelt", "franklin roosevelt", "new deal"),
  person("Theodore Roosevelt", "Theodore Roosevelt", "theodore roosevelt", "square deal"),
  person("Ronald Reagan", "Ronald Reagan", "reagan", "president reagan"),
  person("Barack Obama", "Barack Obama", "obama", "president obama"),
  person("Jimmy Carter", "Jimmy Carter", "carter", "president carter"),
  person("Thomas Jefferson", "Thomas Jefferson", "jefferson", "louisiana purchase"),
  person("Woodrow Wilson", "Woodrow Wilson", "wilson", "president wilson", "league of nations"),
  person("John Kennedy", "John F Kennedy", "kennedy", "president kennedy"),
  person("Harry Truman", "Harry S Truman", "truman", "president truman", "fair deal"),
  person("Dwight Eisenhower", "Dwight D Eisenhower", "eisenhower", "president eisenhower"),
  person("Lyndon Johnson", "Lyndon B Johnson", "lyndon johnson", "great society"),
  person("Bill Clinton", "William J Clinton", "clinton", "president clinton"),
  person("George Washington", "George Washington", "george washington", "general washington"),
  person("Herbert Hoover", "Herbert Hoover", "hoover", "president hoover"),
  person("Ulysses Grant", "Ulysses S Grant", "general grant", "president grant"),
  person("Andrew Jackson", "Andrew Jackson", "jackson", "president jackson"),
  person("Donald Trump", "Donald J Trump", "trump", "president trump"),
  person("Calvin Coolidge", "Calvin Coolidge", "coolidge", "president coolidge"),
  topic("civil war", "civil war", "rebellion", "confederate", "secession", "insurgents"),
  topic("slavery", "slavery", "slaves", "emancipation", "bondage", "freedmen", "abolition"),
  topic("income tax", "income tax", "taxes", "tax cut", "tax relief", "taxpayers", "revenue"),
  topic(
    "nuclear weapons",
    "nuclear weapons",
    "nuclear",
    "atomic",
    "warheads",
    "arms control",
    "disarmament",
    "missiles",
  ),
  topic(
    "health care",
    "health care",
    "health insurance",
    "medicare",
    "medicaid",
    "hospitals",
    "patients",
  ),
  topic("space exploration", "space", "moon", "astronauts", "satellites", "space station", "mars"),
  topic("immigration", "immigration", "immigrants", "aliens", "border", "naturalization"),
  topic("tariff", "tariff", "duties", "customs", "free trade", "reciprocity", "imports"),
  topic("gold standard", "gold standard", "gold", "silver", "coinage", "currency", "specie"),
  topic("railroads", "railroads", "railway", "interstate commerce", "transcontinental", "freight"),
  topic("terrorism", "terrorism", "terrorists", "al qaeda", "homeland security", "terror"),
  topic(
    "climate change",
    "climate change",
    "global warming",
    "carbon",
    "emissions",
    "clean energy",
  ),
  topic("social security", "social security", "retirement", "pensions", "old age", "retirees"),
  topic("great depression", "depression", "unemployment", "relief", "bank failures", "recovery"),
  topic("soviet union", "soviet union", "soviet", "communist", "cold war", "moscow"),
  topic(
    "civil rights",
    "civil rights",
    "discrimination",
    "segregation",
    "voting rights",
    "equal rights",
  ),
  topic("public education", "education", "schools", "teachers", "students", "colleges"),
  topic("national debt", "national debt", "public debt", "deficit", "bonds", "borrowing"),
  topic("panama canal", "panama canal", "isthmus", "canal", "panama", "nicaragua"),
  topic("indian tribes", "indian tribes", "indians", "tribes", "reservations", "indian affairs"),
  topic("energy crisis", "energy", "oil", "gasoline", "petroleum", "energy independence"),
  topic("drug abuse", "drug abuse", "drugs", "narcotics", "cocaine", "addiction"),
  topic("farm prices", "farmers", "agriculture", "farm prices", "crops", "agricultural surplus"),
  topic(
    "veterans benefits",
    "veterans",
    "pensions",
    "disabled soldiers",
    "gi bill",
    "veterans affairs",
  ),
]);
