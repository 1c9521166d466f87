/**
 * The init-variance widget's config (state.ts, re-exported) and the core's Monte Carlo
 * estimate for it. Build time, tests and the island's lazily loaded computation import this.
 */
import { type LayerVariance, propagateVariance } from "../../../lib/variance-propagation";
import {
  type InitVarianceConfig,
  VARIANCE_BATCH,
  VARIANCE_SCHEMES,
  VARIANCE_SEED,
  type VarianceResults,
  type VarianceScheme,
} from "./state";

export * from "./state";

/** One scheme's per-layer variances for a config (the core's Monte Carlo estimate). */
export function schemeVariances(c: InitVarianceConfig, scheme: VarianceScheme): LayerVariance[] {
  return propagateVariance({
    activation: c.activation,
    scheme,
    width: c.width,
    depth: c.depth,
    batch: VARIANCE_BATCH,
    seed: VARIANCE_SEED,
  });
}

/** All three schemes at once (build time, tests). */
export function allVariances(c: InitVarianceConfig): VarianceResults {
  return Object.fromEntries(VARIANCE_SCHEMES.map((s) => [s, schemeVariances(c, s)])) as VarianceResults;
}
