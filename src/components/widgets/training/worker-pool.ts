/**
 * The page's training workers: every training run on a page (every figure, every run of a
 * comparison) is placed on one of a few shared workers, never more than
 *
 *   poolSize(cores) = clamp(cores − 1, 1, MAX_WORKERS)
 *
 * so training leaves at least one core to the page's own thread, which draws the charts and
 * answers the reader. (Measured on a two-core machine before this pool, with a worker per run:
 * a two-run comparison's chart redraws of 20-40 ms of work took 60-100 ms of wall time, because
 * both cores were training. One worker on two cores: see the long-task gate in
 * tests/long-tasks/.) Runs on one worker take turns slice by slice (run-host.ts).
 *
 * A new run goes to a new worker while the pool has room and every worker already has a run,
 * else to the worker with the fewest runs. A worker that fails to load (network, a strict CSP)
 * reports through `onerror`: its runs are told to fall back to the main thread (`onFail`), and
 * the pool opens no more runs (the next worker would fail the same way).
 */
import type { FromHost, FromWorker, ToHost, ToWorker } from "./messages";

/** Three runs is the most one figure trains at once (RNN, LSTM, GRU). */
export const MAX_WORKERS = 3;

/** How many workers a machine with `cores` logical cores gets (unknown: assume two). */
export function poolSize(cores: number | undefined): number {
  const c = cores !== undefined && Number.isFinite(cores) && cores >= 1 ? Math.floor(cores) : 2;
  return Math.max(1, Math.min(MAX_WORKERS, c - 1));
}

/**
 * Milliseconds a worker rests after each training slice of `sliceMs` on a machine with `cores`
 * logical cores. With two cores (or fewer) the one worker would otherwise hold a whole core
 * while the page's thread shares the other with Chromium's raster, compositor and garbage-
 * collection helpers: measured there, redraws of 15-25 ms of CPU took 50-90 ms of wall time.
 * Resting REST_SHARE of the time gives the page room; machines with more cores lose nothing.
 */
export const REST_SHARE = 1 / 3;
export function restAfterSlice(sliceMs: number, cores: number | undefined): number {
  // One worker (two cores or fewer, or unknown): rest so that rest / (slice + rest) = REST_SHARE.
  return poolSize(cores) > 1 ? 0 : Math.round((sliceMs * REST_SHARE) / (1 - REST_SHARE));
}

/** The part of a Worker the pool uses (a fake in tests). */
export interface WorkerLike {
  postMessage(m: ToHost): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromHost>) => void) | null;
  onerror: ((e: Event) => void) | null;
}

/** One run's line to its worker. */
export interface RunPort {
  send(m: ToWorker): void;
  /** Ends the run on the worker; later sends are ignored. */
  close(): void;
}

export interface WorkerPool {
  /** A port for a new run, or null when no worker can be had (then train on the main thread). */
  open(onMessage: (m: FromWorker) => void, onFail: () => void): RunPort | null;
  /** Runs per live worker, in creation order (tests; diagnostics). */
  load(): number[];
}

interface Listener {
  readonly onMessage: (m: FromWorker) => void;
  readonly onFail: () => void;
}

interface Slot {
  readonly worker: WorkerLike;
  readonly runs: Map<number, Listener>;
}

export function createWorkerPool(spawn: () => WorkerLike | null, size: number): WorkerPool {
  const slots: Slot[] = [];
  let nextRun = 1;
  let broken = false;

  const addSlot = (): Slot | null => {
    let worker: WorkerLike | null;
    try {
      worker = spawn();
    } catch {
      worker = null;
    }
    if (!worker) return null;
    const slot: Slot = { worker, runs: new Map() };
    worker.onmessage = (e) => slot.runs.get(e.data.run)?.onMessage(e.data.message);
    worker.onerror = (e) => {
      e.preventDefault();
      broken = true;
      worker.terminate();
      slots.splice(slots.indexOf(slot), 1);
      const listeners = [...slot.runs.values()];
      slot.runs.clear();
      for (const l of listeners) l.onFail();
    };
    slots.push(slot);
    return slot;
  };

  const pick = (): Slot | null => {
    const idle = slots.length === 0 || slots.every((s) => s.runs.size > 0);
    if (idle && slots.length < size) {
      const fresh = addSlot();
      if (fresh) return fresh;
    }
    let best: Slot | null = null;
    for (const s of slots) if (!best || s.runs.size < best.runs.size) best = s;
    return best;
  };

  return {
    open(onMessage, onFail) {
      if (broken) return null;
      const slot = pick();
      if (!slot) return null;
      const run = nextRun++;
      slot.runs.set(run, { onMessage, onFail });
      let open = true;
      return {
        send(message) {
          if (open && slot.runs.has(run)) slot.worker.postMessage({ run, message });
        },
        close() {
          if (!open) return;
          open = false;
          if (slot.runs.delete(run)) slot.worker.postMessage({ run, message: { type: "close" } });
        },
      };
    },
    load: () => slots.map((s) => s.runs.size),
  };
}

let page: WorkerPool | null = null;

/** The page's pool (created on first use); null where the page has no Worker. */
export function pageWorkerPool(): WorkerPool | null {
  if (typeof Worker === "undefined") return null;
  page ??= createWorkerPool(
    () => new Worker(new URL("./train.worker.ts", import.meta.url), { type: "module" }) as WorkerLike,
    poolSize(typeof navigator === "undefined" ? undefined : navigator.hardwareConcurrency),
  );
  return page;
}
