/**
 * The inner steps of word2vec with negative sampling, on one {@link _Kernel} memory holding the
 * input table, the output table and two work rows, each row `stride` floats (the vector length
 * rounded up to a multiple of 4; the padding stays zero). Shared by the trainer and the gradient
 * tests. Offsets are in floats.
 *
 * @module
 */
import type { _Kernel } from "./_kernel.ts";

/**
 * One negative-sampling update for the hidden vector at `h`: `targets[0]` is the observed word
 * (label 1), `targets[1 … n−1]` the noise words (label 0), rows of the output table at `out`.
 * Each output row moves by $\alpha (y - \sigma(h \cdot u))\, h$ (gradient descent on the loss),
 * and the row at `e` receives $\sum_t \alpha (y_t - \sigma(h \cdot u_t))\, u_t
 * = -\alpha\, \partial L / \partial h$ (each $u_t$ taken before its own update, as word2vec.c).
 */
export function _sgnsUpdate(
  k: _Kernel,
  h: number,
  out: number,
  targets: Int32Array,
  nTargets: number,
  stride: number,
  alpha: number,
  e: number,
): void {
  k.f32.fill(0, e, e + stride);
  for (let t = 0; t < nTargets; t++) {
    const u = out + targets[t] * stride;
    const f = k.dot(h, u, stride);
    const g = ((t === 0 ? 1 : 0) - 1 / (1 + Math.exp(-f))) * alpha;
    k.axpy2(h, u, e, g, stride);
  }
}

/**
 * Skip-gram step for one (word, context) pair, ordered as in word2vec.c and gensim: the context
 * word's input row predicts `targets` (the centre word, then noise words); the context's input
 * row then moves by the accumulated row at `e`.
 */
export function _skipGramUpdate(
  k: _Kernel,
  context: number,
  out: number,
  targets: Int32Array,
  nTargets: number,
  stride: number,
  alpha: number,
  e: number,
): void {
  const h = context * stride;
  _sgnsUpdate(k, h, out, targets, nTargets, stride, alpha, e);
  k.axpy(h, e, 1, stride);
}

/**
 * CBOW step: the mean of the context words' input rows (built in the work row `m`) predicts
 * `targets`. Each context row then moves by the whole row at `e` (word2vec.c's and gensim's
 * convention with `cbow_mean`: $-\alpha\,\partial L/\partial h$, which is `nContexts` times
 * $-\alpha$ times the gradient with respect to each context vector).
 */
export function _cbowUpdate(
  k: _Kernel,
  contexts: Int32Array,
  nContexts: number,
  out: number,
  targets: Int32Array,
  nTargets: number,
  stride: number,
  alpha: number,
  m: number,
  e: number,
): void {
  k.f32.fill(0, m, m + stride);
  const inv = 1 / nContexts;
  for (let c = 0; c < nContexts; c++) k.axpy(m, contexts[c] * stride, inv, stride);
  _sgnsUpdate(k, m, out, targets, nTargets, stride, alpha, e);
  for (let c = 0; c < nContexts; c++) k.axpy(contexts[c] * stride, e, 1, stride);
}
