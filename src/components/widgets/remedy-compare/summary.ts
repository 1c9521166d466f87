/**
 * The numeric summary of a same-seed comparison, one row per run. Pure (points in, numbers
 * out), so the build-time table, the live table and the chapter's prose agree.
 *
 *   finalLoss       held-out loss at the last recorded point
 *   testAccuracy    held-out accuracy at the last recorded point
 *   gradRatio       median over recorded points of ‖∂L/∂W¹‖ / ‖∂L/∂W^H‖ (first over last hidden
 *                   layer): about 1 when gradients reach the input side, ≪ 1 when they vanish
 *   stepsToTarget   first recorded step whose held-out loss is at or below the target, or null
 *   maxDead         largest share of dead units in any hidden layer at the last point (ReLU)
 */
import type { TrainingPoint } from "../../../lib/findings";
// Formatters from their own module: importing them through findings.ts would put the findings
// rules (~1.5 KB gz) on every page with a comparison.
import { fmtNum, fmtShare } from "../../../lib/metric-format";

export interface RunNumbers {
  readonly stepsDone: number;
  readonly finalLoss: number | null;
  readonly testAccuracy: number | null;
  readonly gradRatio: number | null;
  readonly stepsToTarget: number | null;
  readonly maxDead: number | null;
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Summary numbers of one run's points (`lossTarget` for stepsToTarget). */
export function runNumbers(points: readonly TrainingPoint[], lossTarget: number): RunNumbers {
  const last = points[points.length - 1];
  const ratios: number[] = [];
  let reached: number | null = null;
  for (const p of points) {
    // layers: hidden 1..H then the output layer, so the last hidden layer is at length - 2.
    const first = p.layers[0];
    const lastHidden = p.layers[p.layers.length - 2];
    if (first && lastHidden && first !== lastHidden && lastHidden.gradNorm > 0) {
      const r = first.gradNorm / lastHidden.gradNorm;
      if (Number.isFinite(r)) ratios.push(r);
    }
    if (reached === null && p.testLoss <= lossTarget) reached = p.step;
  }
  const dead = last?.layers.map((l) => l.dead).filter((d): d is number => d !== null) ?? [];
  const acc = last?.testAccuracy;
  return {
    stepsDone: last?.step ?? 0,
    finalLoss: last && Number.isFinite(last.testLoss) ? last.testLoss : null,
    testAccuracy: typeof acc === "number" && Number.isFinite(acc) ? acc : null,
    gradRatio: median(ratios),
    stepsToTarget: reached,
    maxDead: dead.length > 0 ? Math.max(...dead) : null,
  };
}

/** The table's text for one run: what both the static and the live table print. */
export interface RunRow {
  readonly finalLoss: string;
  readonly testAccuracy: string;
  readonly gradRatio: string;
  readonly stepsToTarget: string;
  readonly maxDead: string;
}

export function formatRow(n: RunNumbers): RunRow {
  return {
    finalLoss: n.finalLoss === null ? "–" : fmtNum(n.finalLoss),
    testAccuracy: n.testAccuracy === null ? "–" : fmtShare(n.testAccuracy),
    gradRatio: n.gradRatio === null ? "–" : fmtNum(n.gradRatio),
    stepsToTarget:
      n.stepsToTarget === null ? (n.stepsDone > 0 ? "not reached" : "–") : String(n.stepsToTarget),
    maxDead: n.maxDead === null ? "–" : fmtShare(n.maxDead),
  };
}
