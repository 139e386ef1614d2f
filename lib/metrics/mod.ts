/**
 * Evaluation metrics for classification, ranking, regression and
 * calibration, used in chapter 1 (framing and offline evaluation), chapter 3
 * (evaluating on biased logs), chapter 6 (ranking and retrieval with
 * embeddings) and chapter 7 (debugging: slicing and drift of metrics).
 *
 * Conventions follow scikit-learn and are stated in each function's
 * documentation: `yTrue` first, then `yPred` (labels), `yScore` (any
 * scores) or `yProb` (probabilities), then an options object; inputs are
 * `number[]` or typed arrays and are never modified; `…Score` is higher-is-
 * better, `…Loss`/`…Error` lower-is-better ({@link METRIC_REGISTRY} lists
 * every function with its kind and direction). In brief:
 *
 * - ties in scores: ROC AUC counts a tied positive–negative pair as ½;
 *   ranking metrics average over all orders of tied documents;
 * - precision/recall/F: `zeroDivision` (default 0, no warning; 1 or NaN on
 *   request); macro averages use every label of `yTrue` or `yPred`;
 * - log loss clips probabilities to [ε, 1 − ε], ε the machine epsilon of
 *   the input's element type (scikit-learn ≥ 1.5);
 * - NDCG of a query without relevant documents is 0; gains are linear by
 *   default (`gain: "exponential"` for 2^rel − 1);
 * - recall@k, AP@k and reciprocal rank of a query without relevant
 *   documents are undefined: NaN per query; the means over queries take
 *   `noRelevant: "skip" | "zero" | "error"` (default "error" for recall, MAP
 *   and MRR, "zero" for NDCG and precision);
 * - AP@k's denominator is chosen by `normalization`: R (trec_eval), min(R, k)
 *   (default; Kaggle/ml_metrics) or the hits in the top k (torchmetrics);
 *   `reciprocalRank` and `meanReciprocalRank` take a cut-off k (MRR@k);
 * - the score-based ranking metrics see only the documents passed in; the
 *   `…OfRanking(s)` metrics take ranked id lists and the full relevant set,
 *   so relevant items a candidate list never retrieved count as misses;
 * - a single class in `yTrue` is an error for ROC AUC (and the ROC curve).
 *
 * Sorting uses a radix sort on typed arrays: a million scores take tens of
 * milliseconds (`bench/metrics_bench.ts`).
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { f1Score, ndcgAtK, rocAucScore } from "@lib/metrics/mod.ts";
 * assert.equal(rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75);
 * assert.equal(f1Score([0, 1, 1, 0], [0, 1, 0, 0]), 2 / 3);
 * assert.equal(ndcgAtK([3, 2, 0], [0.9, 0.5, 0.1]), 1);
 * ```
 *
 * @see notebooks/01_setup.ipynb
 * @module
 */
export * from "./classification.ts";
export * from "./confusion.ts";
export * from "./threshold.ts";
export * from "./threshold_search.ts";
export * from "./roc.ts";
export * from "./pr.ts";
export * from "./log_loss.ts";
export * from "./calibration.ts";
export * from "./calibration_error.ts";
export * from "./ranking.ts";
export * from "./ranking_hits.ts";
export * from "./ranking_mean.ts";
export * from "./ranking_lists.ts";
export * from "./ranking_lists_mean.ts";
export * from "./regression.ts";
export * from "./registry.ts";
