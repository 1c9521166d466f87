/**
 * Build-time runs of a comparison, for the static figure (no-JavaScript readers) and the
 * chapter's prose: the core trains both configs to the end in Node, exactly as the worker will
 * in the browser. Memoised per comparison, so a page that quotes a comparison several times
 * trains it once.
 */

import type { TrainingPoint } from "../training/messages";
import { createSession } from "../training/session";
import type { ComparisonName } from "./comparisons";
import { comparisonPair } from "./pairs";
import { type RunNumbers, runNumbers } from "./summary";

export interface StaticSide {
  readonly name: string;
  readonly points: readonly TrainingPoint[];
  readonly numbers: RunNumbers;
}

export interface StaticComparison {
  readonly steps: number;
  readonly lossTarget: number;
  readonly baseline: StaticSide;
  readonly remedy: StaticSide;
}

const cache = new Map<ComparisonName, StaticComparison>();

export function staticComparison(name: ComparisonName): StaticComparison {
  const hit = cache.get(name);
  if (hit) return hit;
  const pair = comparisonPair(name);
  const side = (s: typeof pair.baseline): StaticSide => {
    const session = createSession(s.config);
    session.advance();
    return { name: s.name, points: session.points, numbers: runNumbers(session.points, pair.lossTarget) };
  };
  const out: StaticComparison = {
    steps: pair.baseline.config.steps,
    lossTarget: pair.lossTarget,
    baseline: side(pair.baseline),
    remedy: side(pair.remedy),
  };
  cache.set(name, out);
  return out;
}
