/**
 * Losses on a batch of logits y [B, K] against targets t [B, K] (same shape for every loss:
 * one-hot rows for softmax cross-entropy, 0/1 values for binary cross-entropy). Each returns
 * the mean loss over the batch and WRITES dL/dy into a caller-owned buffer, so a training
 * step allocates nothing.
 *
 *   mse                  L = (1/(B K)) sum (y - t)^2                  dL/dy = 2 (y - t) / (B K)
 *     (the mean over every element, as TensorFlow.js's meanSquaredError; no factor 1/2)
 *   bceWithLogits        L = (1/(B K)) sum [ max(y,0) - y t + log(1 + e^-|y|) ]
 *                        dL/dy = (sigma(y) - t) / (B K)
 *     (the same as -t log sigma(y) - (1-t) log(1 - sigma(y)), written so that no
 *     exponential of a large positive number is ever taken)
 *   softmaxCrossEntropy  L = -(1/B) sum_b sum_k t_bk log softmax(y_b)_k
 *                        dL/dy_bk = (softmax(y_b)_k sum_k' t_bk' - t_bk) / B
 *     with log softmax(y)_k = y_k - m - log sum_k' e^(y_k' - m), m = max_k y_k (log-sum-exp),
 *     so logits of 1e4 neither overflow nor give log 0.
 */

import { sigmoid } from "./activations";
import { exp, log, log1p } from "./portable-math";

export interface LossEntry {
  readonly label: string;
  /** Mean loss over the batch; writes dL/dlogits into `grad` (may be null to skip it). */
  compute(
    logits: Float64Array,
    targets: Float64Array,
    batch: number,
    k: number,
    grad: Float64Array | null,
  ): number;
  /**
   * For accuracy with a single output: the logit above which the model predicts class 1
   * (0 for logits fed to a sigmoid, 0.5 for a regression onto 0/1 targets).
   */
  readonly logitThreshold: number;
}

function mse(y: Float64Array, t: Float64Array, batch: number, k: number, grad: Float64Array | null): number {
  const n = batch * k;
  const scale = 2 / n;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = y[i]! - t[i]!;
    s += d * d;
    if (grad) grad[i] = scale * d;
  }
  return s / n;
}

function bceWithLogits(
  y: Float64Array,
  t: Float64Array,
  batch: number,
  k: number,
  grad: Float64Array | null,
): number {
  const n = batch * k;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const z = y[i]!;
    const ti = t[i]!;
    // log(1 + e^-|z|) via log1p keeps full precision when e^-|z| is tiny.
    s += Math.max(z, 0) - z * ti + log1p(exp(-Math.abs(z)));
    if (grad) grad[i] = (sigmoid(z) - ti) / n;
  }
  return s / n;
}

function softmaxCrossEntropy(
  y: Float64Array,
  t: Float64Array,
  batch: number,
  k: number,
  grad: Float64Array | null,
): number {
  let total = 0;
  for (let b = 0; b < batch; b++) {
    const r = b * k;
    let m = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < k; j++) if (y[r + j]! > m) m = y[r + j]!;
    let sumExp = 0;
    for (let j = 0; j < k; j++) sumExp += exp(y[r + j]! - m);
    const logZ = m + log(sumExp);
    let tSum = 0;
    for (let j = 0; j < k; j++) {
      const tj = t[r + j]!;
      tSum += tj;
      if (tj !== 0) total -= tj * (y[r + j]! - logZ);
    }
    if (grad) {
      const inv = 1 / sumExp;
      for (let j = 0; j < k; j++) grad[r + j] = (exp(y[r + j]! - m) * inv * tSum - t[r + j]!) / batch;
    }
  }
  return total / batch;
}

const losses = {
  mse: { label: "mean squared error", compute: mse, logitThreshold: 0.5 },
  bceWithLogits: { label: "binary cross-entropy (logits)", compute: bceWithLogits, logitThreshold: 0 },
  softmaxCrossEntropy: { label: "softmax cross-entropy", compute: softmaxCrossEntropy, logitThreshold: 0 },
} as const satisfies Record<string, LossEntry>;

export type LossName = keyof typeof losses;
/** The one list of loss names. */
export const LOSS_NAMES = Object.keys(losses) as ReadonlyArray<LossName>;
export const LOSSES: { readonly [K in LossName]: LossEntry } = losses;

export function isLossName(x: unknown): x is LossName {
  return typeof x === "string" && (LOSS_NAMES as readonly string[]).includes(x);
}

/** Mean loss of `logits` against `targets`, writing dL/dlogits into `grad` when given. */
export function computeLoss(
  name: LossName,
  logits: Float64Array,
  targets: Float64Array,
  batch: number,
  k: number,
  grad: Float64Array | null = null,
): number {
  return LOSSES[name].compute(logits, targets, batch, k, grad);
}

/**
 * Fraction of examples classified correctly. With k > 1 outputs: argmax of the logits equals
 * argmax of the target row. With one output: (logit > threshold) equals (target > 0.5).
 */
export function accuracy(
  logits: Float64Array,
  targets: Float64Array,
  batch: number,
  k: number,
  logitThreshold = 0,
): number {
  let correct = 0;
  if (k === 1) {
    for (let b = 0; b < batch; b++) if (logits[b]! > logitThreshold === targets[b]! > 0.5) correct++;
    return correct / batch;
  }
  for (let b = 0; b < batch; b++) {
    const r = b * k;
    let py = 0;
    let pt = 0;
    for (let j = 1; j < k; j++) {
      if (logits[r + j]! > logits[r + py]!) py = j;
      if (targets[r + j]! > targets[r + pt]!) pt = j;
    }
    if (py === pt) correct++;
  }
  return correct / batch;
}
