/**
 * Warming a training worker's JavaScript engine before the reader presses Play.
 *
 * Why: V8 runs new code in its interpreter and compiles the hot functions (Maglev, then
 * TurboFan) on background threads once they have run a while. Without a warm-up that happens
 * in the first ~300 ms after Play, exactly when the page swaps the build-time figure for the
 * live chart. Measured on a two-core machine (chapter 5, batch-norm comparison, Chromium trace
 * of the 300 ms after Play): ~540 ms of compile work on the renderer's thread pool
 * (V8.MaglevTask 343 ms, V8.TurbofanTask 199 ms of wall time), the worker's own cold slices
 * overrunning 30 ms to 41 ms, and the page's 20-26 ms frame stretched to 41-50 ms of wall
 * clock: three busy threads on two cores.
 *
 * What: when a run is started (the widget mounts, a knob changes) the host trains a throwaway
 * session of the same config for a short while (`perConfigMs`), slice by slice with the
 * worker's usual rests, then drops it. The real run is untouched (a separate session; a run is
 * a pure function of its config), the engine's compiled code is what remains. A warm-up only
 * uses the worker while no run is training (`busy`) and resumes when the host is idle again;
 * each config is warmed once, and a worker spends at most `totalMs` on warm-ups in its life.
 * MNIST configs are not warmed (their data arrives later, and their code is the same MLP's).
 *
 * No DOM, no posts: it needs a clock, a way to yield, and a way to ask whether runs are busy.
 */
import { type ExperimentConfig, parseConfig } from "../../../lib/config";
import { createSession, type Session } from "./session";

export interface WarmupEnv {
  readonly now: () => number;
  /** Run `f` in a later task. Returns a cancel function. */
  readonly later: (f: () => void) => () => void;
  /** Milliseconds of work per warm-up slice (the worker's slice). */
  readonly sliceMs: number;
  /** True while a real run is training on this thread: warm-ups wait. */
  readonly busy: () => boolean;
  /** Milliseconds of warm-up per distinct config. */
  readonly perConfigMs: number;
  /** Milliseconds of warm-up in this thread's whole life. */
  readonly totalMs: number;
}

export interface Warmup {
  /** A run was started with this config: warm it (once per distinct config). */
  add(config: ExperimentConfig): void;
  /** The host may be idle again: go on warming if there is anything left. */
  resume(): void;
  /** Configs waiting or being warmed (tests). */
  readonly pending: number;
  /** Milliseconds spent warming so far (tests; diagnostics). */
  readonly spentMs: number;
}

interface Job {
  readonly config: ExperimentConfig;
  session: Session | null;
  leftMs: number;
}

export function createWarmup(env: WarmupEnv): Warmup {
  const queue: Job[] = [];
  const seen = new Set<string>();
  let spent = 0;
  let cancel: (() => void) | null = null;

  const schedule = () => {
    if (cancel || queue.length === 0 || env.busy()) return;
    cancel = env.later(slice);
  };

  const slice = () => {
    cancel = null;
    // A real run took the thread since this slice was scheduled: it goes first (resume()).
    if (env.busy()) return;
    const job = queue[0];
    if (!job) return;
    const t0 = env.now();
    try {
      job.session ??= createSession(job.config);
      job.session.advance({ budgetMs: Math.min(env.sliceMs, job.leftMs, env.totalMs - spent), now: env.now });
    } catch {
      // A config the core refuses trains nothing; its real run reports the error.
      job.leftMs = 0;
    }
    const took = Math.max(0, env.now() - t0);
    spent += took;
    job.leftMs -= took;
    if (job.leftMs <= 0 || job.session?.run.done) queue.shift();
    if (spent >= env.totalMs) queue.length = 0;
    schedule();
  };

  return {
    add(config) {
      if (spent < env.totalMs && env.perConfigMs > 0) {
        const parsed = parseConfig(config);
        const key = parsed.ok ? JSON.stringify(parsed.config) : "";
        if (parsed.ok && parsed.config.data.dataset !== "mnist" && !seen.has(key)) {
          seen.add(key);
          queue.push({ config: parsed.config, session: null, leftMs: env.perConfigMs });
        }
      }
      // A start can end a run that was training without an "idle" (a reset while playing):
      // warm-ups waiting for the thread go on, whether or not this config is new.
      schedule();
    },
    resume: schedule,
    get pending() {
      return queue.length;
    },
    get spentMs() {
      return spent;
    },
  };
}
