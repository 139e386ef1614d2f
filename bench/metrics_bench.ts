/**
 * Speed of the metrics at production sizes: ROC AUC, average precision, log
 * loss and F1 on one million rows (typed arrays), and mean NDCG@10 over ten
 * thousand queries of one hundred documents. Run with
 * `deno bench bench/metrics_bench.ts`.
 *
 * @module
 */

import { createRng } from "@lib/random/mod.ts";
import {
  averagePrecisionScore,
  f1Score,
  logLoss,
  meanNdcgAtK,
  rocAucScore,
} from "@lib/metrics/mod.ts";

const N_ROWS = 1_000_000;
const N_QUERIES = 10_000;
const DOCS_PER_QUERY = 100;

const rng = createRng(7);
const yTrue = new Uint8Array(N_ROWS);
const yProb = new Float64Array(N_ROWS);
const yPred = new Uint8Array(N_ROWS);
for (let i = 0; i < N_ROWS; i++) {
  yTrue[i] = rng.random() < 0.3 ? 1 : 0;
  // An informative but noisy score: a shifted logistic of a normal draw.
  const z = rng.normal(yTrue[i] === 1 ? 1 : 0, 1);
  yProb[i] = 1 / (1 + Math.exp(-z));
  yPred[i] = yProb[i] >= 0.5 ? 1 : 0;
}

const relevance: Uint8Array[] = [];
const scores: Float64Array[] = [];
for (let q = 0; q < N_QUERIES; q++) {
  const rel = new Uint8Array(DOCS_PER_QUERY), score = new Float64Array(DOCS_PER_QUERY);
  for (let d = 0; d < DOCS_PER_QUERY; d++) {
    rel[d] = rng.random() < 0.1 ? rng.int(1, 4) : 0;
    score[d] = rel[d] + rng.normal(0, 1.5);
  }
  relevance.push(rel);
  scores.push(score);
}

Deno.bench("rocAucScore, 1e6 rows", { group: "1e6 rows" }, () => {
  rocAucScore(yTrue, yProb);
});

Deno.bench("averagePrecisionScore, 1e6 rows", { group: "1e6 rows" }, () => {
  averagePrecisionScore(yTrue, yProb);
});

Deno.bench("logLoss, 1e6 rows", { group: "1e6 rows" }, () => {
  logLoss(yTrue, yProb);
});

Deno.bench("f1Score (binary), 1e6 rows", { group: "1e6 rows" }, () => {
  f1Score(yTrue, yPred);
});

Deno.bench("f1Score (macro), 1e6 rows", { group: "1e6 rows" }, () => {
  f1Score(yTrue, yPred, { average: "macro" });
});

Deno.bench("meanNdcgAtK k=10, 1e4 queries × 100 docs", { group: "ranking" }, () => {
  meanNdcgAtK(relevance, scores, { k: 10 });
});
