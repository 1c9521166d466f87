/**
 * useTrainingRun(config): a training run as Preact state, trained off the main thread.
 *
 *   const t = useTrainingRun(config);
 *   t.points        every recorded TrainingPoint so far (a stable array, appended in place)
 *   t.version       bumps whenever points or progress change: use it as a memo key
 *   t.progress      { phase, stepsDone, steps, stop }; phase "loading-data" while an MNIST
 *                   run waits for its data (fetched once per worker or page), then "ready"
 *   t.findings      the findings over all points so far (computed in the worker)
 *   t.playing, t.error, t.mode ("worker" | "main-thread")
 *   t.play(), t.pause(), t.toggle(), t.step(n), t.reset()
 *   t.requestGrid() 2-D runs: ask for the decision boundary; it arrives as t.grid
 *   t.restartAt(n)  reset, then train exactly n steps and stop (a shared link "at step n")
 *
 * A new config (compare by value: pass a memoised object) starts a new run; reset() starts the
 * same config again, so the same seed replays the same data, initial weights and batch order
 * and gives bit-identical points. Points from a replaced run are dropped by generation number.
 *
 * The run lives on one of the page's shared module Web Workers (worker-pool.ts: at most one
 * fewer than the machine's cores, so training always leaves the page a core). Where Workers are
 * unavailable (or the worker fails to load, e.g. under a strict CSP) the same pump runs on the
 * main thread in slices of MAIN_THREAD_SLICE_MS, so the page still never has a long task.
 *
 * UI updates are batched: the worker posts every ~30 ms, the hook re-renders at most every
 * `refreshMs` (default 150 ms; pass more under prefers-reduced-motion), on a beat shared by
 * every run on the page with the same `refreshMs` (so a comparison's runs re-render together),
 * and at once when a run pauses or ends.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ExperimentConfig } from "../../../lib/config";
import { onBeat } from "./beat";
import type { DecisionGrid } from "./decision-grid";
import type { FindingView, FromWorker, RunProgress, ToWorker, TrainingPoint } from "./messages";
import { pageWorkerPool } from "./worker-pool";

/** Main-thread slices stay far below the 50 ms long-task line, leaving room for drawing. */
export const MAIN_THREAD_SLICE_MS = 8;

export interface TrainingRunOptions {
  /** Minimum milliseconds between re-renders while training. */
  readonly refreshMs?: number;
  /** Force the main-thread fallback (tests; environments where a worker is unwanted). */
  readonly worker?: boolean;
  /** Steps to train right after every (re)start, e.g. to match a build-time static figure. */
  readonly warmup?: number;
}

export interface TrainingRun {
  readonly points: readonly TrainingPoint[];
  readonly version: number;
  readonly progress: RunProgress;
  readonly findings: readonly FindingView[];
  readonly playing: boolean;
  readonly error: string | null;
  readonly mode: "worker" | "main-thread";
  play(): void;
  pause(): void;
  toggle(): void;
  step(n?: number): void;
  reset(): void;
  /**
   * 2-D runs: the decision boundary at the latest step (decision-grid.ts), or null until one
   * is asked for with requestGrid() and arrives (and after every new start).
   */
  readonly grid: DecisionGrid | null;
  /** Asks the trainer for the current decision grid (answered between time slices). */
  requestGrid(size?: number): void;
  /**
   * Starts the current config again from its seed and trains exactly `step` steps (fewer if the
   * run ends or diverges first), then stops: the state a link "at step N" describes. One start
   * message followed by one step message, so the worker can never interleave a warm-up.
   */
  restartAt(step: number): void;
}

/** Something that accepts ToWorker messages: a Worker, or the in-page pump. */
interface Channel {
  send(m: ToWorker): void;
  close(): void;
}

/**
 * The in-page pump. The core is imported lazily, so a page whose widgets train in a worker
 * never downloads it; messages sent before it has loaded are queued.
 */
function mainThreadChannel(onMessage: (m: FromWorker) => void): Channel {
  let queue: ToWorker[] | null = [];
  let pump: { handle(m: ToWorker): void; dispose(): void } | null = null;
  let closed = false;
  Promise.all([import("./pump"), import("./browser-mnist")]).then(
    ([{ createPump }, { loadBrowserMnist }]) => {
      if (closed) return;
      pump = createPump({
        post: onMessage,
        now: () => performance.now(),
        later: (f) => {
          const id = setTimeout(f, 0);
          return () => clearTimeout(id);
        },
        sliceMs: MAIN_THREAD_SLICE_MS,
        loadMnist: loadBrowserMnist,
      });
      for (const m of queue ?? []) pump.handle(m);
      queue = null;
    },
    (e: unknown) =>
      onMessage({ type: "error", generation: -1, message: `could not load the trainer (${String(e)})` }),
  );
  return {
    send: (m) => {
      if (pump) pump.handle(m);
      else queue?.push(m);
    },
    close: () => {
      closed = true;
      pump?.dispose();
    },
  };
}

/** A run on one of the page's shared workers (worker-pool.ts), or null if there are none. */
function workerChannel(onMessage: (m: FromWorker) => void, onFail: () => void): Channel | null {
  const port = pageWorkerPool()?.open(onMessage, onFail) ?? null;
  return port && { send: (m) => port.send(m), close: () => port.close() };
}

/**
 * A fresh run's progress. An MNIST run starts in "loading-data" (the trainer fetches the subset,
 * then posts "ready"), so the first render can already say so.
 */
const initialProgress = (c: ExperimentConfig): RunProgress => ({
  phase: c.data.dataset === "mnist" ? "loading-data" : "ready",
  stepsDone: 0,
  steps: c.steps,
  stop: null,
});

export function useTrainingRun(config: ExperimentConfig, options: TrainingRunOptions = {}): TrainingRun {
  const refreshMs = options.refreshMs ?? 150;
  const useWorker = options.worker ?? true;
  const warmup = Math.max(0, Math.floor(options.warmup ?? 0));
  const points = useRef<TrainingPoint[]>([]);
  const progressRef = useRef<RunProgress>(initialProgress(config));
  const findingsRef = useRef<readonly FindingView[]>([]);
  const gridRef = useRef<DecisionGrid | null>(null);
  const generation = useRef(0);
  const channel = useRef<Channel | null>(null);
  /** What the current run has been asked to do, replayed if the worker dies and we fall back. */
  const configRef = useRef(config);
  const [version, setVersion] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<"worker" | "main-thread">("main-thread");
  /** Cancels the pending re-render (see onBeat), or null when none is pending. */
  const flushTimer = useRef<(() => void) | null>(null);

  const flushNow = useCallback(() => {
    flushTimer.current?.();
    flushTimer.current = null;
    setVersion((v) => v + 1);
  }, []);
  const flushSoon = useCallback(() => {
    if (flushTimer.current) return;
    flushTimer.current = onBeat(refreshMs, flushNow);
  }, [flushNow, refreshMs]);

  const onMessage = useCallback(
    (m: FromWorker) => {
      // Generation -1 is a failure not tied to a run (the trainer did not load).
      if (m.generation !== generation.current && m.generation !== -1) return;
      if (m.type === "points") {
        for (const p of m.points) points.current.push(p);
        progressRef.current = { phase: "ready", stepsDone: m.stepsDone, steps: m.steps, stop: m.stop };
        findingsRef.current = m.findings;
        flushSoon();
      } else if (m.type === "phase") {
        progressRef.current = { ...progressRef.current, phase: m.phase };
        flushNow();
      } else if (m.type === "grid") {
        gridRef.current = m.grid;
        flushSoon();
      } else if (m.type === "idle") {
        setPlaying(false);
        flushNow();
      } else {
        setPlaying(false);
        setError(m.message);
        flushNow();
      }
    },
    [flushNow, flushSoon],
  );

  /** Steps the current run was started with (warm-up or a link's step), replayed on fallback. */
  const startSteps = useRef(warmup);
  const begin = useCallback(
    (c: ExperimentConfig, steps: number = warmup) => {
      startSteps.current = steps;
      generation.current++;
      points.current = [];
      gridRef.current = null;
      progressRef.current = initialProgress(c);
      configRef.current = c;
      setPlaying(false);
      setError(null);
      channel.current?.send({ type: "start", generation: generation.current, config: c });
      if (steps > 0) channel.current?.send({ type: "step", steps });
    },
    [warmup],
  );

  // One channel for the widget's lifetime; a failing worker is replaced by the main-thread pump.
  useEffect(() => {
    const fallback = () => {
      channel.current?.close();
      channel.current = mainThreadChannel(onMessage);
      setMode("main-thread");
      begin(configRef.current, startSteps.current);
      flushNow();
    };
    const w = useWorker ? workerChannel(onMessage, fallback) : null;
    channel.current = w ?? mainThreadChannel(onMessage);
    setMode(w ? "worker" : "main-thread");
    begin(configRef.current);
    return () => {
      channel.current?.close();
      channel.current = null;
      flushTimer.current?.();
    };
  }, [useWorker, onMessage, begin, flushNow]);

  // A new config is a new run.
  useEffect(() => {
    if (configRef.current === config) return;
    begin(config);
    flushNow();
  }, [config, begin, flushNow]);

  const play = useCallback(() => {
    if (progressRef.current.stop) return;
    setPlaying(true);
    channel.current?.send({ type: "play" });
  }, []);
  const pause = useCallback(() => {
    setPlaying(false);
    channel.current?.send({ type: "pause" });
  }, []);
  const step = useCallback((n = 1) => {
    if (progressRef.current.stop) return;
    channel.current?.send({ type: "step", steps: n });
  }, []);
  const reset = useCallback(() => {
    begin(configRef.current);
    flushNow();
  }, [begin, flushNow]);
  const restartAt = useCallback(
    (n: number) => {
      begin(configRef.current, Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);
      flushNow();
    },
    [begin, flushNow],
  );

  const requestGrid = useCallback((size?: number) => {
    channel.current?.send(size === undefined ? { type: "grid" } : { type: "grid", size });
  }, []);

  return useMemo(
    () => ({
      points: points.current,
      version,
      progress: progressRef.current,
      findings: findingsRef.current,
      playing,
      error,
      mode,
      play,
      pause,
      toggle: () => (playing ? pause() : play()),
      step,
      reset,
      grid: gridRef.current,
      requestGrid,
      restartAt,
    }),
    // version stands for points and progress, which live in refs.
    [version, playing, error, mode, play, pause, step, reset, restartAt, requestGrid],
  );
}
