/**
 * The step count in a shared link, for a widget that trains one or more same-seed runs:
 *
 *   const a = useTrainingRun(configA);
 *   const b = useTrainingRun(configB);
 *   const stepLink = useStepLink([a, b], () => setStarted(true)); // after the runs' hooks
 *   <ShareState … step={stepLink} />
 *
 * `current` is the furthest any run has got (a run that diverged stops early; the others go
 * on), so a link made at step N restarts every run from its seed and trains each to N or to
 * where it stops by itself — what the sender had, because a run is a pure function of its
 * config. `onOpen` tells the widget to show the live runs rather than its build-time figure.
 *
 * Why a state and an effect rather than calling restartAt at once: ShareState calls
 * `onOpen(config)` and then `open(step)` in the same task. The new config reaches the runs'
 * hooks on the next render, where their effects start the new runs; this hook's effect runs
 * after theirs (effects run in the order the hooks were called), so restartAt restarts the
 * opened config, not the one on screen before the link was read.
 */
import { useEffect, useState } from "preact/hooks";
import type { StepShare } from "../common/ShareState";
import type { TrainingRun } from "./useTrainingRun";

export function useStepLink(runs: readonly TrainingRun[], onOpen?: () => void): StepShare {
  const [target, setTarget] = useState<number | null>(null);
  // Only a new target restarts the runs (not a new runs array, which every render makes).
  useEffect(() => {
    if (target === null) return;
    for (const r of runs) r.restartAt(target);
    setTarget(null);
  }, [target]);
  return {
    current: Math.max(0, ...runs.map((r) => r.progress.stepsDone)),
    open: (step) => {
      setTarget(step);
      onOpen?.();
    },
  };
}
