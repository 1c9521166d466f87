/**
 * Plain against residual MLP: the numbers chapter 6's prose on skip connections quotes, read
 * from the build-time runs of remedy-compare's "residual" comparison (static-compare.ts), so
 * the prose and the figure next to it are the same experiment: same seed (same data, same
 * initial weights, same batches), twenty sigmoid layers, only the skip connections differ.
 *
 * Why the residual network keeps its gradient: a residual block computes y = x + F(x), so
 * dy/dx = I + dF/dx; the backward pass through L blocks multiplies L factors (I + J_l), and
 * expanding the product gives the identity plus terms, rather than the plain network's bare
 * product J_L ... J_1 of small factors.
 *
 * Build time and tests only (it trains both runs in Node through the core's schema).
 */
import type { ExperimentConfig } from "../../../lib/config";
import { baseDepthOf, withDepth } from "../remedy-compare/comparisons";
import { comparisonPair } from "../remedy-compare/pairs";
import { type StaticSide, staticComparison } from "../remedy-compare/static-compare";
import { createSession } from "../training/session";

const depth = baseDepthOf("residual");
if (depth === undefined) throw new Error('the "residual" comparison must fix a depth');
/** The depth of both networks in the figure as it loads (the knob's default). */
export const RESIDUAL_DEPTH: number = depth;

/** The comparison's plain (false) or residual (true) run config: the figure's, at its default depth. */
export function residualConfig(residual: boolean): ExperimentConfig {
  const pair = comparisonPair("residual");
  return (residual ? pair.remedy : pair.baseline).config;
}

export interface FirstStepGradients {
  /** ||dL/dW|| of the first hidden layer and of the last hidden layer at step 1. */
  readonly first: number;
  readonly last: number;
  /** first / last. */
  readonly ratio: number;
}

/** The figure's runs (trained to the end once per build and memoised). */
export function residualRuns(): { readonly plain: StaticSide; readonly residual: StaticSide } {
  const s = staticComparison("residual");
  return { plain: s.baseline, residual: s.remedy };
}

/** The gradient norms of the first recorded point (step 1: the initial weights, the first batch). */
export function firstStepGradients(residual: boolean): FirstStepGradients {
  const runs = residualRuns();
  const p = (residual ? runs.residual : runs.plain).points[0];
  if (p?.step !== 1) throw new Error("the residual comparison must record step 1");
  const first = p.layers[0]?.gradNorm ?? Number.NaN;
  const last = p.layers[RESIDUAL_DEPTH - 1]?.gradNorm ?? Number.NaN;
  return { first, last, ratio: first / last };
}

/**
 * The first step's first/last hidden-layer gradient ratio at another depth of the knob (one
 * step of the figure's configs at that depth): how the two ratios change with depth.
 */
export function firstStepRatioAt(residual: boolean, depth: number): number {
  const s = createSession(withDepth(residualConfig(residual), depth));
  s.advance({ maxSteps: 1 });
  const layers = s.points[0]?.layers ?? [];
  return (layers[0]?.gradNorm ?? Number.NaN) / (layers[depth - 1]?.gradNorm ?? Number.NaN);
}

/**
 * How far apart the hidden layers' gradient norms are in one run: at each recorded point the
 * largest over the smallest hidden-layer ||dL/dW||, and the smallest and largest of those
 * spreads over the run (what the gradient chart shows as the fan of its lines).
 */
export function gradientSpread(side: StaticSide): { readonly min: number; readonly max: number } {
  const spreads = side.points.map((p) => {
    const g = p.layers.slice(0, -1).map((l) => l.gradNorm);
    return Math.max(...g) / Math.min(...g);
  });
  return { min: Math.min(...spreads), max: Math.max(...spreads) };
}
