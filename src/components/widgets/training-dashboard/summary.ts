/**
 * What the dashboard shows as text for a run: the progress readouts and the findings (computed
 * by the caller: the worker in the page, static-run.ts at build time). Pure, so
 * the build-time summary (no-JavaScript readers, the chapter's prose) and the live island use
 * the same wording.
 */
import type { FindingView } from "../../../lib/findings";
import { fmtNum } from "../../../lib/metric-format";
import type { StopReason } from "../../../lib/run";
import type { TrainingPoint } from "../training/messages";

export interface RunSummary {
  readonly stepsDone: number;
  readonly steps: number;
  readonly status: string;
  readonly trainLoss: string;
  readonly testLoss: string;
  readonly accuracy: string;
  readonly findings: readonly FindingView[];
}

export function summarise(
  points: readonly TrainingPoint[],
  progress: { stepsDone: number; steps: number; stop: StopReason | null },
  findings: readonly FindingView[],
  playing = false,
): RunSummary {
  const last = points[points.length - 1];
  const stop = progress.stop;
  const status =
    stop?.kind === "diverged"
      ? `diverged at step ${stop.step}`
      : stop?.kind === "completed"
        ? "finished"
        : playing
          ? "training"
          : progress.stepsDone === 0
            ? "not started"
            : "paused";
  return {
    stepsDone: progress.stepsDone,
    steps: progress.steps,
    status,
    trainLoss: last ? fmtNum(last.loss) : "–",
    testLoss: last ? fmtNum(last.testLoss) : "–",
    accuracy: last && last.accuracy !== null ? `${Math.round(last.accuracy * 100)}%` : "–",
    findings,
  };
}
