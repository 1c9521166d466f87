/**
 * Plain against residual MLP at the first training step: the per-layer gradient norms of one
 * deep sigmoid network with and without skip connections, from the same seed (same data,
 * same initial weights, same first batch). Used by chapter 5's prose on skip connections, so
 * every number it quotes is computed by the core at build time.
 *
 * Why the residual network keeps its gradient: a residual block computes y = x + F(x), so
 * dy/dx = I + dF/dx; the backward pass through L blocks multiplies L factors (I + J_l), and
 * expanding the product gives the identity plus terms, rather than the plain network's bare
 * product J_L ... J_1 of small factors.
 */
import type { ExperimentConfig } from "../../../lib/config";
import { createSession } from "../training/session";

export const RESIDUAL_DEPTH = 20;

/** Twenty sigmoid layers of 16 units, standard initialisation, SGD, on the two circles. */
export function residualConfig(residual: boolean): ExperimentConfig {
  return {
    seed: 1,
    steps: 1,
    batchSize: 32,
    data: { dataset: "circles", n: 400, noise: 0.05, standardise: false, seqLength: 20 },
    model: {
      kind: "mlp",
      depth: RESIDUAL_DEPTH,
      width: 16,
      activation: "sigmoid",
      norm: "none",
      residual,
      init: { scheme: "standard", scale: 1, a: 1, sigma: 1, bias: "zero", biasValue: 0, biasSigma: 0.1 },
    },
    loss: "bceWithLogits",
    optimiser: {
      name: "sgd",
      lr: 0.5,
      momentum: 0.9,
      rho: 0.9,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      weightDecay: 0,
    },
    clip: { kind: "none", threshold: 1 },
  };
}

export interface FirstStepGradients {
  /** ||dL/dW|| of the first hidden layer and of the last hidden layer. */
  readonly first: number;
  readonly last: number;
  /** first / last. */
  readonly ratio: number;
}

export function firstStepGradients(residual: boolean): FirstStepGradients {
  const s = createSession(residualConfig(residual));
  s.advance({ maxSteps: 1 });
  const layers = s.points[0]?.layers ?? [];
  const first = layers[0]?.gradNorm ?? Number.NaN;
  const last = layers[RESIDUAL_DEPTH - 1]?.gradNorm ?? Number.NaN;
  return { first, last, ratio: first / last };
}
