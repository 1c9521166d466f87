/**
 * The validated configs of a comparison (build time and tests only: it pulls in the core's
 * schema, which the island must not ship). Memoised, so the same objects every time.
 */
import { type ExperimentConfig, parseConfig } from "../../../lib/config";
import { COMPARISONS, type ComparisonName, type ComparisonPair, comparisonPatches } from "./comparisons";

function validated(input: unknown, what: string): ExperimentConfig {
  const r = parseConfig(input);
  if (!r.ok) throw new Error(`comparison ${what} is not a valid experiment: ${r.errors.join("; ")}`);
  return r.config;
}

const pairs = new Map<ComparisonName, ComparisonPair>();

export function comparisonPair(name: ComparisonName): ComparisonPair {
  const hit = pairs.get(name);
  if (hit) return hit;
  const e = COMPARISONS[name];
  const p = comparisonPatches(name);
  const pair: ComparisonPair = {
    name,
    baseline: { name: e.baselineName, config: validated(p.baseline, `${name}.baseline`) },
    remedy: { name: e.remedyName, config: validated(p.remedy, `${name}.remedy`) },
    lossTarget: e.lossTarget,
  };
  pairs.set(name, pair);
  return pair;
}
