/**
 * Build-time traces for <BnPercentiles> and the chapter's prose: both runs of the batch-norm
 * comparison, recorded every TRACE_EVERY steps. Memoised.
 */
import { comparisonPair } from "../remedy-compare/pairs";
import type { PercentileRun } from "./percentile-chart";
import { sigmoidInputTrace } from "./trace";

export const TRACE_EVERY = 20;

let cached: PercentileRun[] | null = null;

export function bnTraces(): PercentileRun[] {
  if (cached) return cached;
  const p = comparisonPair("batchNorm");
  cached = [
    { name: p.baseline.name, trace: sigmoidInputTrace(p.baseline.config, TRACE_EVERY) },
    { name: p.remedy.name, trace: sigmoidInputTrace(p.remedy.config, TRACE_EVERY) },
  ];
  return cached;
}
