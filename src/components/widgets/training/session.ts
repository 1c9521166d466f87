/**
 * A training session: one createRun plus the per-layer probe, advanced in time slices and
 * reported as compact TrainingPoints. Pure TypeScript with no DOM, so the same code runs in
 * the worker (train.worker.ts), in the main-thread fallback (useTrainingRun.ts) and in Node
 * (tests and the build-time static figure).
 *
 *   const s = createSession(config);
 *   const fresh = s.advance({ maxSteps: 50, budgetMs: 12, now: () => performance.now() });
 *   s.points;        // every point so far: one per `every` steps, plus the first and the last
 *
 * A point is recorded every `every` steps, chosen so a whole run gives about MAX_POINTS points
 * (charts stay light however long the run). Each point carries the held-out loss (evaluate()
 * draws no random numbers, so recording it never changes the run) and the probe's per-layer
 * activation numbers.
 */
import type { ExperimentConfig } from "../../../lib/config";
import type { MnistSubset } from "../../../lib/data/mnist";
import type { LayerPoint, TrainingPoint } from "../../../lib/findings";
import { addToHistogram, clearHistogram, createHistogram, GRADIENT_BINS } from "../../../lib/histogram";
import { createRun, type Run, type StepRecord } from "../../../lib/run";
import { createLayerProbe, type LayerActivityStats } from "./layer-probe";

/** About this many points per run, whatever its length. */
export const MAX_POINTS = 100;

/** Steps between recorded points for a run of `steps` steps. */
export const recordEveryFor = (steps: number): number => Math.max(1, Math.ceil(steps / MAX_POINTS));

export interface AdvanceOptions {
  /** Stop after this many steps (default: no limit but the budget). */
  readonly maxSteps?: number;
  /** Stop once this many milliseconds have passed (checked between steps). */
  readonly budgetMs?: number;
  /** A clock in milliseconds (performance.now in a browser). Needed with budgetMs. */
  readonly now?: () => number;
}

export interface Session {
  readonly config: ExperimentConfig;
  readonly run: Run;
  readonly every: number;
  readonly points: readonly TrainingPoint[];
  /** Trains until maxSteps, the time budget, the end of the run or divergence; returns the new points. */
  advance(options?: AdvanceOptions): TrainingPoint[];
}

export function createSession(config: ExperimentConfig, mnist?: MnistSubset): Session {
  const every = recordEveryFor(config.steps);
  const run = createRun(config, { recordEvery: every, ...(mnist ? { mnist } : {}) });
  const probe = createLayerProbe(config, mnist);
  const gradHist = createHistogram(GRADIENT_BINS);
  const points: TrainingPoint[] = [];

  const toPoint = (r: StepRecord): TrainingPoint => {
    const finite = Number.isFinite(r.loss);
    // After divergence the weights are not finite: probing or evaluating them says nothing.
    const activity: LayerActivityStats[] | null = probe && finite ? probe.measure(run.params) : null;
    const held = finite ? run.evaluate() : null;
    const layers: LayerPoint[] = [];
    for (const s of r.paramStats) {
      if (s.kind !== "W") continue;
      const p = run.params.find((q) => q.name === s.name);
      clearHistogram(gradHist);
      if (p) addToHistogram(gradHist, p.grad);
      const a = activity?.find((x) => x.layer === s.layer);
      layers.push({
        layer: s.layer,
        gradNorm: s.gradNorm,
        updateRatio: s.updateRatio,
        saturated: a ? a.saturated : null,
        dead: a ? a.dead : null,
        gradHist: Array.from(gradHist.counts),
        gradZeros: gradHist.zeros,
        gradUnder: gradHist.under,
        gradOver: gradHist.over + gradHist.nonFinite,
        actHist: a ? a.actHist : [],
        actOutside: a ? a.actOutside : 0,
      });
    }
    return {
      step: r.step,
      loss: r.loss,
      testLoss: held ? held.loss : Number.NaN,
      testAccuracy: held ? held.accuracy : Number.NaN,
      accuracy: r.accuracy,
      gradNorm: r.gradNorm,
      clippedGradNorm: r.clippedGradNorm,
      layers,
    };
  };

  return {
    config,
    run,
    every,
    points,
    advance(options = {}) {
      const fresh: TrainingPoint[] = [];
      const { maxSteps = Number.POSITIVE_INFINITY, budgetMs, now } = options;
      const start = now ? now() : 0;
      let taken = 0;
      // One step at a time, checking the clock between steps: a step is a few milliseconds at most.
      while (!run.done && taken < maxSteps) {
        for (const r of run.step(1)) {
          const p = toPoint(r);
          points.push(p);
          fresh.push(p);
        }
        taken++;
        if (budgetMs !== undefined && now && now() - start >= budgetMs) break;
      }
      return fresh;
    },
  };
}
