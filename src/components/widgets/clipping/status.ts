/**
 * How a clipping run ended, as readout text: "diverged at step 4 (loss exploded …)" or "held-out
 * loss 0.535, accuracy 90%", plus the largest pre-clip norm and the share of steps on which
 * clipping changed the gradient (post-clip norm below the pre-clip norm).
 */
import type { ClipKind } from "../../../lib/clip";
import type { StopReason } from "../../../lib/run";
import { fmt } from "../neuron-stepper/format";
import type { TrainingPoint } from "../training/messages";

export interface RunStatus {
  readonly text: string;
  readonly largest: string;
  readonly shareClipped: string;
  readonly diverged: boolean;
}

export function runStatus(
  points: readonly TrainingPoint[],
  stop: StopReason | null,
  kind: ClipKind,
): RunStatus {
  const last = points.at(-1);
  const finite = points.map((p) => p.gradNorm).filter((v) => Number.isFinite(v));
  const largest = finite.length ? fmt(Math.max(...finite)) : "no steps yet";
  const changed = points.filter(
    (p) => p.clippedGradNorm !== undefined && Number.isFinite(p.gradNorm) && p.clippedGradNorm < p.gradNorm,
  ).length;
  const shareClipped =
    kind === "none"
      ? "never (no clipping)"
      : points.length
        ? `${Math.round((100 * changed) / points.length)}% of recorded steps`
        : "no steps yet";
  if (stop?.kind === "diverged") {
    return { text: `diverged at step ${stop.step} (${stop.reason})`, largest, shareClipped, diverged: true };
  }
  if (!last) return { text: "not trained yet", largest, shareClipped, diverged: false };
  const acc = last.testAccuracy;
  const accText =
    typeof acc === "number" && Number.isFinite(acc) ? `, accuracy ${Math.round(acc * 100)}%` : "";
  return {
    text: `held-out loss ${fmt(last.testLoss)}${accText} at step ${last.step}`,
    largest,
    shareClipped,
    diverged: false,
  };
}
