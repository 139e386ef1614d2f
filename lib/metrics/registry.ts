/**
 * A registry of every function of `lib/metrics`: its kind, the input it
 * takes, and, for scalar metrics, its direction (a score is higher-better,
 * a loss lower-better), its range and the value of a perfect prediction.
 * Tests iterate over it to check invariances for all metrics at once; a
 * test fails when an exported function is missing from it.
 *
 * @module
 */

import type { NumberArray } from "./_validate.ts";
import * as c from "./classification.ts";
import { confusionMatrix } from "./confusion.ts";
import { metricsAtThreshold } from "./threshold.ts";
import { bestThreshold, minCostThreshold } from "./threshold_search.ts";
import { rocAucScore, rocCurve } from "./roc.ts";
import { averagePrecisionScore, precisionRecallCurve } from "./pr.ts";
import { logLoss, multiclassLogLoss } from "./log_loss.ts";
import { brierScoreLoss, calibrationCurve } from "./calibration.ts";
import { expectedCalibrationError } from "./calibration_error.ts";
import { dcgAtK, ndcgAtK } from "./ranking.ts";
import * as hits from "./ranking_hits.ts";
import * as mean from "./ranking_mean.ts";
import * as lists from "./ranking_lists.ts";
import * as listMeans from "./ranking_lists_mean.ts";
import type { ItemId } from "./_id_lists.ts";
import * as reg from "./regression.ts";

/** The task a metric evaluates. */
export type MetricKind = "classification" | "ranking" | "regression";

/** A score is better when higher, a loss when lower. */
export type MetricDirection = "score" | "loss";

/** The arguments a metric takes, by input type. */
export interface MetricInputs {
  /** Class labels (any finite numbers) and predicted labels. */
  labels: [NumberArray, NumberArray];
  /** 0/1 labels and 0/1 predictions. */
  binaryLabels: [NumberArray, NumberArray];
  /** 0/1 labels and real-valued scores. */
  binaryScores: [NumberArray, NumberArray];
  /** 0/1 labels and probabilities of class 1. */
  probabilities: [NumberArray, NumberArray];
  /** Class indices and one row of class probabilities per sample. */
  probabilityMatrix: [NumberArray, NumberArray[]];
  /** One query: relevance grades (≥ 0) and scores. */
  relevance: [NumberArray, NumberArray];
  /** Many queries: one array of grades and one of scores per query. */
  queries: [NumberArray[], NumberArray[]];
  /** One query as ids: its relevant items (no repeats) and the ranked ids retrieved. */
  rankedIds: [ItemId[], ItemId[]];
  /** Many queries as ids: one relevant set and one ranked list per query. */
  rankedIdQueries: [ItemId[][], ItemId[][]];
  /** Real targets and real predictions. */
  regression: [NumberArray, NumberArray];
}

/** The input types of {@link MetricInputs}. */
export type MetricInput = keyof MetricInputs;

interface EntryBase<I extends MetricInput> {
  /** The exported name. */
  readonly name: string;
  /** The exported function itself. */
  readonly fn: (...args: never[]) => unknown;
  readonly kind: MetricKind;
  readonly input: I;
}

/** A metric that returns one number. */
export interface ScalarMetricEntry<I extends MetricInput = MetricInput> extends EntryBase<I> {
  readonly output: "scalar";
  readonly direction: MetricDirection;
  /** Closed bounds of the value (±Infinity when unbounded). */
  readonly range: readonly [number, number];
  /** The value of a perfect prediction, when it is a constant. */
  readonly best?: number;
  /** Calls the metric with the registry's default options. */
  readonly compute: (yTrue: MetricInputs[I][0], yPred: MetricInputs[I][1]) => number;
}

/** A function that returns a curve, a matrix or a threshold choice. */
export interface StructuredMetricEntry<I extends MetricInput = MetricInput> extends EntryBase<I> {
  readonly output: "structure";
  /** Calls the function with the registry's default options. */
  readonly compute: (yTrue: MetricInputs[I][0], yPred: MetricInputs[I][1]) => unknown;
}

/** One registry entry; narrow on `input` and `output`. */
export type MetricEntry = {
  [I in MetricInput]: ScalarMetricEntry<I> | StructuredMetricEntry<I>;
}[MetricInput];

/** The cut-off the registry uses for the @k metrics. */
export const REGISTRY_K = 3;

const unit = [0, 1] as const;
const nonNegative = [0, Infinity] as const;
const k = REGISTRY_K;

function score<I extends MetricInput>(
  name: string,
  fn: EntryBase<I>["fn"],
  kind: MetricKind,
  input: I,
  compute: ScalarMetricEntry<I>["compute"],
  range: readonly [number, number] = unit,
  best: number | null = 1,
): ScalarMetricEntry<I> {
  const entry = { name, fn, kind, input, output: "scalar" as const, direction: "score" as const };
  return { ...entry, range, compute, ...(best === null ? {} : { best }) };
}

function loss<I extends MetricInput>(
  name: string,
  fn: EntryBase<I>["fn"],
  kind: MetricKind,
  input: I,
  compute: ScalarMetricEntry<I>["compute"],
  range: readonly [number, number] = nonNegative,
): ScalarMetricEntry<I> {
  return { name, fn, kind, input, output: "scalar", direction: "loss", range, best: 0, compute };
}

function structure<I extends MetricInput>(
  name: string,
  fn: EntryBase<I>["fn"],
  kind: MetricKind,
  input: I,
  compute: StructuredMetricEntry<I>["compute"],
): StructuredMetricEntry<I> {
  return { name, fn, kind, input, output: "structure", compute };
}

const C = "classification", R = "ranking", G = "regression";

/**
 * Every exported function of `lib/metrics`, with its kind, input, output
 * and, for scalar metrics, direction, range and perfect value. `compute`
 * calls the function with the registry's options (`k` = {@link REGISTRY_K}
 * for the @k metrics, `beta` = 2 for `fbetaScore`, costs 1 and 3 for `minCostThreshold`).
 *
 * @see notebooks/01_setup.ipynb
 *
 * @example Losses of the registry
 * ```ts
 * import assert from "node:assert/strict";
 * import { METRIC_REGISTRY } from "@lib/metrics/mod.ts";
 * const losses = METRIC_REGISTRY.filter((m) => m.output === "scalar" && m.direction === "loss");
 * assert.ok(losses.some((m) => m.name === "logLoss"));
 * const auc = METRIC_REGISTRY.find((m) => m.name === "rocAucScore");
 * assert.equal(auc?.kind, "classification");
 * ```
 */
export const METRIC_REGISTRY: readonly MetricEntry[] = [
  score("accuracyScore", c.accuracyScore, C, "labels", (t, p) => c.accuracyScore(t, p)),
  structure("confusionMatrix", confusionMatrix, C, "labels", (t, p) => confusionMatrix(t, p)),
  score("precisionScore", c.precisionScore, C, "binaryLabels", (t, p) => c.precisionScore(t, p)),
  score("recallScore", c.recallScore, C, "binaryLabels", (t, p) => c.recallScore(t, p)),
  score("f1Score", c.f1Score, C, "binaryLabels", (t, p) => c.f1Score(t, p)),
  score("fbetaScore", c.fbetaScore, C, "binaryLabels", (t, p) => c.fbetaScore(t, p, { beta: 2 })),
  score("rocAucScore", rocAucScore, C, "binaryScores", (t, s) => rocAucScore(t, s)),
  structure("rocCurve", rocCurve, C, "binaryScores", (t, s) => rocCurve(t, s)),
  score(
    "averagePrecisionScore",
    averagePrecisionScore,
    C,
    "binaryScores",
    (t, s) => averagePrecisionScore(t, s),
  ),
  structure(
    "precisionRecallCurve",
    precisionRecallCurve,
    C,
    "binaryScores",
    (t, s) => precisionRecallCurve(t, s),
  ),
  structure(
    "metricsAtThreshold",
    metricsAtThreshold,
    C,
    "binaryScores",
    (t, s) => metricsAtThreshold(t, s),
  ),
  structure("bestThreshold", bestThreshold, C, "binaryScores", (t, s) => bestThreshold(t, s)),
  structure(
    "minCostThreshold",
    minCostThreshold,
    C,
    "binaryScores",
    (t, s) => minCostThreshold(t, s, { costFp: 1, costFn: 3 }),
  ),
  loss("logLoss", logLoss, C, "probabilities", (t, p) => logLoss(t, p)),
  loss("brierScoreLoss", brierScoreLoss, C, "probabilities", (t, p) => brierScoreLoss(t, p), unit),
  loss(
    "expectedCalibrationError",
    expectedCalibrationError,
    C,
    "probabilities",
    (t, p) => expectedCalibrationError(t, p),
    unit,
  ),
  structure(
    "calibrationCurve",
    calibrationCurve,
    C,
    "probabilities",
    (t, p) => calibrationCurve(t, p),
  ),
  loss(
    "multiclassLogLoss",
    multiclassLogLoss,
    C,
    "probabilityMatrix",
    (t, p) => multiclassLogLoss(t, p),
  ),
  score("dcgAtK", dcgAtK, R, "relevance", (t, s) => dcgAtK(t, s, { k }), nonNegative, null),
  score("ndcgAtK", ndcgAtK, R, "relevance", (t, s) => ndcgAtK(t, s, { k })),
  score(
    "precisionAtK",
    hits.precisionAtK,
    R,
    "relevance",
    (t, s) => hits.precisionAtK(t, s, { k }),
  ),
  score("recallAtK", hits.recallAtK, R, "relevance", (t, s) => hits.recallAtK(t, s, { k })),
  score(
    "reciprocalRank",
    hits.reciprocalRank,
    R,
    "relevance",
    (t, s) => hits.reciprocalRank(t, s, { k }),
  ),
  score(
    "averagePrecisionAtK",
    hits.averagePrecisionAtK,
    R,
    "relevance",
    (t, s) => hits.averagePrecisionAtK(t, s, { k }),
  ),
  score(
    "meanDcgAtK",
    mean.meanDcgAtK,
    R,
    "queries",
    (t, s) => mean.meanDcgAtK(t, s, { k }),
    nonNegative,
    null,
  ),
  score("meanNdcgAtK", mean.meanNdcgAtK, R, "queries", (t, s) => mean.meanNdcgAtK(t, s, { k })),
  score(
    "meanPrecisionAtK",
    mean.meanPrecisionAtK,
    R,
    "queries",
    (t, s) => mean.meanPrecisionAtK(t, s, { k }),
  ),
  score(
    "meanRecallAtK",
    mean.meanRecallAtK,
    R,
    "queries",
    (t, s) => mean.meanRecallAtK(t, s, { k }),
  ),
  score(
    "meanReciprocalRank",
    mean.meanReciprocalRank,
    R,
    "queries",
    (t, s) => mean.meanReciprocalRank(t, s, { k }),
  ),
  score(
    "meanAveragePrecisionAtK",
    mean.meanAveragePrecisionAtK,
    R,
    "queries",
    (t, s) => mean.meanAveragePrecisionAtK(t, s, { k }),
  ),
  score(
    "precisionOfRanking",
    lists.precisionOfRanking,
    R,
    "rankedIds",
    (r, l) => lists.precisionOfRanking(r, l, { k }),
  ),
  score(
    "recallOfRanking",
    lists.recallOfRanking,
    R,
    "rankedIds",
    (r, l) => lists.recallOfRanking(r, l, { k }),
  ),
  score(
    "averagePrecisionOfRanking",
    lists.averagePrecisionOfRanking,
    R,
    "rankedIds",
    (r, l) => lists.averagePrecisionOfRanking(r, l, { k }),
  ),
  score(
    "reciprocalRankOfRanking",
    lists.reciprocalRankOfRanking,
    R,
    "rankedIds",
    (r, l) => lists.reciprocalRankOfRanking(r, l, { k }),
  ),
  score(
    "meanPrecisionOfRankings",
    listMeans.meanPrecisionOfRankings,
    R,
    "rankedIdQueries",
    (r, l) => listMeans.meanPrecisionOfRankings(r, l, { k }),
  ),
  score(
    "meanRecallOfRankings",
    listMeans.meanRecallOfRankings,
    R,
    "rankedIdQueries",
    (r, l) => listMeans.meanRecallOfRankings(r, l, { k }),
  ),
  score(
    "meanAveragePrecisionOfRankings",
    listMeans.meanAveragePrecisionOfRankings,
    R,
    "rankedIdQueries",
    (r, l) => listMeans.meanAveragePrecisionOfRankings(r, l, { k }),
  ),
  score(
    "meanReciprocalRankOfRankings",
    listMeans.meanReciprocalRankOfRankings,
    R,
    "rankedIdQueries",
    (r, l) => listMeans.meanReciprocalRankOfRankings(r, l, { k }),
  ),
  loss(
    "meanSquaredError",
    reg.meanSquaredError,
    G,
    "regression",
    (t, p) => reg.meanSquaredError(t, p),
  ),
  loss(
    "rootMeanSquaredError",
    reg.rootMeanSquaredError,
    G,
    "regression",
    (t, p) => reg.rootMeanSquaredError(t, p),
  ),
  loss(
    "meanAbsoluteError",
    reg.meanAbsoluteError,
    G,
    "regression",
    (t, p) => reg.meanAbsoluteError(t, p),
  ),
  score("r2Score", reg.r2Score, G, "regression", (t, p) => reg.r2Score(t, p), [-Infinity, 1]),
];
