/**
 * What a training run reports, and the messages between a widget and the worker that trains
 * it. Shared by the worker (train.worker.ts), the main-thread fallback and the hook
 * (useTrainingRun.ts), so both sides agree by type.
 *
 * Everything here is plain data (structured-clone safe): numbers, strings, arrays, and the
 * validated ExperimentConfig.
 */
import type { ExperimentConfig } from "../../../lib/config";
import type { FindingView, TrainingPoint } from "../../../lib/findings";
import type { StopReason } from "../../../lib/run";
import type { DecisionGrid } from "./decision-grid";

export type { FindingView, LayerPoint, TrainingPoint } from "../../../lib/findings";

/**
 * Where a run is before its first step: "loading-data" while the MNIST subset is fetched and
 * decoded (once per worker or page; see mnist-source.ts), "ready" once the run is built.
 * Runs on the built-in data sets are ready at once.
 */
export type RunPhase = "loading-data" | "ready";

/** What the UI knows about a run at any moment. */
export interface RunProgress {
  readonly phase: RunPhase;
  /** Steps taken so far. */
  readonly stepsDone: number;
  /** The configured total. */
  readonly steps: number;
  readonly stop: StopReason | null;
}

/** A batch of new points, posted after each time slice. */
export interface PointsBatch extends Omit<RunProgress, "phase"> {
  /** The run generation this batch belongs to (see ToWorker.start); stale batches are dropped. */
  readonly generation: number;
  readonly points: TrainingPoint[];
  /** The findings over every point so far (src/lib/findings.ts), computed off the main thread. */
  readonly findings: FindingView[];
}

export type ToWorker =
  /** Build a fresh run of `config` (replacing any current one). Does not start playing. */
  | { readonly type: "start"; readonly generation: number; readonly config: ExperimentConfig }
  /** Train continuously, in time slices, until paused, done or replaced. */
  | { readonly type: "play" }
  | { readonly type: "pause" }
  /** Take exactly `steps` more steps (fewer at the end), then stop. */
  | { readonly type: "step"; readonly steps: number }
  /** Send the decision grid of the current weights (2-D runs; see decision-grid.ts). */
  | { readonly type: "grid"; readonly size?: number };

export type FromWorker =
  | ({ readonly type: "points" } & PointsBatch)
  /** Playing ended by itself (done or diverged) — the UI flips its Play button back. */
  | { readonly type: "idle"; readonly generation: number }
  /** The run's data is loading, or has loaded and the run is built (see RunPhase). */
  | { readonly type: "phase"; readonly generation: number; readonly phase: RunPhase }
  /** The answer to a "grid" request: null for runs without one (MNIST, sequences). */
  | { readonly type: "grid"; readonly generation: number; readonly grid: DecisionGrid | null }
  | { readonly type: "error"; readonly generation: number; readonly message: string };

/**
 * A worker hosts several runs (run-host.ts), so messages to and from it carry the run's
 * number, given by the page's worker pool (worker-pool.ts). "close" ends a run for good.
 */
export interface ToHost {
  readonly run: number;
  readonly message: ToWorker | { readonly type: "close" };
}
export interface FromHost {
  readonly run: number;
  readonly message: FromWorker;
}
