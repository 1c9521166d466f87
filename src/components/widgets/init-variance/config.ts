/**
 * The init-variance widget's config (state.ts, re-exported) and the core's Monte Carlo
 * estimate for it. Build time, tests and the island's lazily loaded computation import this.
 */
import {
  type LayerVariance,
  propagateVariance,
  propagateVarianceSteps,
} from "../../../lib/variance-propagation";
import {
  type InitVarianceConfig,
  VARIANCE_BATCH,
  VARIANCE_SCHEMES,
  VARIANCE_SEED,
  type VarianceResults,
  type VarianceScheme,
} from "./state";

export * from "./state";

const estimateOptions = (c: InitVarianceConfig, scheme: VarianceScheme) => ({
  activation: c.activation,
  scheme,
  width: c.width,
  depth: c.depth,
  batch: VARIANCE_BATCH,
  seed: VARIANCE_SEED,
});

/** One scheme's per-layer variances for a config (the core's Monte Carlo estimate). */
export function schemeVariances(c: InitVarianceConfig, scheme: VarianceScheme): LayerVariance[] {
  return propagateVariance(estimateOptions(c, scheme));
}

/** All three schemes at once (build time, tests). */
export function allVariances(c: InitVarianceConfig): VarianceResults {
  return Object.fromEntries(VARIANCE_SCHEMES.map((s) => [s, schemeVariances(c, s)])) as VarianceResults;
}

/**
 * All three schemes as small pieces of work (one layer forwards or backwards per piece), for
 * the island to run a few pieces per task (common/run-sliced.ts); the same numbers as
 * allVariances.
 */
export function* allVarianceSteps(c: InitVarianceConfig): Generator<void, VarianceResults, void> {
  const out: VarianceResults = {};
  for (const s of VARIANCE_SCHEMES) out[s] = yield* propagateVarianceSteps(estimateOptions(c, s));
  return out;
}
