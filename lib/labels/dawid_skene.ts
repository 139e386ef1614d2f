import { assertFiniteNumber, assertInteger } from "../_shared/validate.ts";
import { type AnnotationTable, checkTable } from "./_check.ts";

/** Options of {@link dawidSkene}. */
export interface DawidSkeneOptions {
  /** Upper bound on EM iterations (≥ 1). @default 100 */
  maxIterations?: number;
  /** Stop when no posterior probability changes by more than this (≥ 0). @default 1e-6 */
  tolerance?: number;
  /**
   * Pseudo-count added to every confusion-matrix cell and class count (a
   * Dirichlet prior), so that no probability is exactly 0. @default 0.01
   */
  smoothing?: number;
}

/** The result of {@link dawidSkene}. */
export interface DawidSkene {
  /** The most probable class of each item (the first on exact ties). */
  labels: Int32Array;
  /** `posterior[i][k]`: probability that item i is of class k. */
  posterior: Float64Array[];
  /** Estimated class proportions. */
  classPrior: Float64Array;
  /** `confusion[a][k][l]`: probability that annotator a says l when the true class is k. */
  confusion: Float64Array[][];
  /** Estimated accuracy of each annotator: $\sum_k \pi_k \theta^a_{kk}$. */
  annotatorAccuracy: Float64Array;
  /** EM iterations run. */
  iterations: number;
  /** Whether the tolerance was reached before `maxIterations`. */
  converged: boolean;
  /** Log-likelihood of the labels under the final parameters. */
  logLikelihood: number;
}

/**
 * Aggregates labels with the Dawid–Skene model (Dawid & Skene, 1979): every
 * item has a hidden true class $z_i$ with prior $\pi_k$, and annotator $a$ gives
 * class $l$ to an item of class $k$ with probability $\theta^a_{kl}$ (its
 * confusion matrix). Expectation–maximisation alternates
 *
 * $$ T_{ik} \propto \pi_k \prod_{j:\,\text{item}_j = i} \theta^{a_j}_{k\,l_j}, \qquad
 *    \pi_k = \frac{\alpha + \sum_i T_{ik}}{K\alpha + n}, \qquad
 *    \theta^a_{kl} = \frac{\alpha + \sum_{j:\,a_j = a,\ l_j = l} T_{\text{item}_j k}}
 *                         {K\alpha + \sum_{j:\,a_j = a} T_{\text{item}_j k}} $$
 *
 * ($\alpha$ = `smoothing`), starting from the vote shares of each item, until
 * no $T_{ik}$ changes by more than `tolerance` or `maxIterations` is reached.
 * Unlike {@link majorityVote} it learns who is reliable and weighs votes
 * accordingly (a vote counts about $\log \frac{p}{1-p}$ for a binary annotator
 * of accuracy $p$), and it handles annotators biased towards one class.
 *
 * Deterministic. Edge cases: an item without labels gets the class prior; EM
 * finds a local optimum, and starting from the majority vote keeps class names
 * from swapping as long as most annotators beat chance.
 *
 * @param annotations The labels in long format.
 * @param options Iteration limit, tolerance, smoothing.
 * @returns Labels, posteriors, priors, confusion matrices and annotator accuracies.
 * @throws {RangeError} On inconsistent annotations or bad options.
 *
 * @example One reliable annotator outvotes two careless ones that agree
 * ```ts
 * import assert from "node:assert/strict";
 * import { dawidSkene, simulateAnnotations } from "@lib/labels/mod.ts";
 * const yTrue = Array.from({ length: 400 }, (_, i) => i % 2);
 * const table = simulateAnnotations(yTrue, [
 *   { name: "expert", accuracy: 0.95, costPerLabel: 1 },
 *   { name: "crowd 1", accuracy: 0.6, costPerLabel: 0.1 },
 *   { name: "crowd 2", accuracy: 0.6, costPerLabel: 0.1 },
 * ], { seed: 7 });
 * const ds = dawidSkene(table);
 * const accuracy = ds.labels.filter((l, i) => l === yTrue[i]).length / yTrue.length;
 * assert.ok(accuracy > 0.9);
 * assert.ok(ds.annotatorAccuracy[0] > ds.annotatorAccuracy[1]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function dawidSkene(
  annotations: AnnotationTable,
  options: DawidSkeneOptions = {},
): DawidSkene {
  const context = "aggregate labels with Dawid-Skene";
  const { maxIterations = 100, tolerance = 1e-6, smoothing = 0.01 } = options;
  const { nItems: n, nClasses: K, nAnnotators: A, m } = checkTable(annotations, context);
  assertInteger(maxIterations, "maxIterations", context, { min: 1 });
  assertFiniteNumber(tolerance, "tolerance", context, { min: 0 });
  assertFiniteNumber(smoothing, "smoothing", context, { min: 0 });
  const { item, annotator, label } = annotations;
  // Initial posteriors: the share of each item's votes per class (uniform without votes).
  let T = new Float64Array(n * K);
  const counts = new Float64Array(n);
  for (let j = 0; j < m; j++) {
    T[item[j] * K + label[j]] += 1;
    counts[item[j]] += 1;
  }
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) T[i * K + k] = counts[i] > 0 ? T[i * K + k] / counts[i] : 1 / K;
  }
  const prior = new Float64Array(K);
  const theta = new Float64Array(A * K * K); // theta[(a·K + k)·K + l]
  let iterations = 0, converged = false, logLikelihood = -Infinity;
  const logPost = new Float64Array(n * K);
  while (iterations < maxIterations) {
    iterations++;
    // M-step.
    prior.fill(smoothing);
    for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) prior[k] += T[i * K + k];
    const priorSum = prior.reduce((s, v) => s + v, 0);
    for (let k = 0; k < K; k++) prior[k] /= priorSum;
    theta.fill(smoothing);
    for (let j = 0; j < m; j++) {
      for (let k = 0; k < K; k++) {
        theta[(annotator[j] * K + k) * K + label[j]] += T[item[j] * K + k];
      }
    }
    for (let r = 0; r < A * K; r++) {
      let s = 0;
      for (let l = 0; l < K; l++) s += theta[r * K + l];
      for (let l = 0; l < K; l++) theta[r * K + l] = s > 0 ? theta[r * K + l] / s : 1 / K;
    }
    // E-step in log space.
    for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) logPost[i * K + k] = Math.log(prior[k]);
    for (let j = 0; j < m; j++) {
      for (let k = 0; k < K; k++) {
        logPost[item[j] * K + k] += Math.log(theta[(annotator[j] * K + k) * K + label[j]]);
      }
    }
    const next = new Float64Array(n * K);
    let change = 0;
    logLikelihood = 0;
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, logPost[i * K + k]);
      let s = 0;
      for (let k = 0; k < K; k++) s += Math.exp(logPost[i * K + k] - max);
      logLikelihood += max + Math.log(s);
      for (let k = 0; k < K; k++) {
        next[i * K + k] = Math.exp(logPost[i * K + k] - max) / s;
        change = Math.max(change, Math.abs(next[i * K + k] - T[i * K + k]));
      }
    }
    T = next;
    if (change <= tolerance) {
      converged = true;
      break;
    }
  }
  const labels = new Int32Array(n);
  const posterior: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = T.slice(i * K, (i + 1) * K);
    posterior.push(row);
    let best = 0;
    for (let k = 1; k < K; k++) if (row[k] > row[best]) best = k;
    labels[i] = best;
  }
  const confusion: Float64Array[][] = [];
  const annotatorAccuracy = new Float64Array(A);
  for (let a = 0; a < A; a++) {
    confusion.push([]);
    for (let k = 0; k < K; k++) {
      const row = theta.slice((a * K + k) * K, (a * K + k + 1) * K);
      confusion[a].push(row);
      annotatorAccuracy[a] += prior[k] * row[k];
    }
  }
  return {
    labels,
    posterior,
    classPrior: prior,
    confusion,
    annotatorAccuracy,
    iterations,
    converged,
    logLikelihood,
  };
}
