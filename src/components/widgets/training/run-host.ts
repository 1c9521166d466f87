/**
 * The inside of a training worker: it hosts every run the page has placed on it, one pump
 * (pump.ts) per run, keyed by the run's number.
 *
 * Why several runs share one worker: a same-seed comparison trains two or three runs at once.
 * Given a worker each, they took every core of a two-core machine, and the page's own thread
 * (drawing the charts) waited for a core: tasks of 20-40 ms of work took 60-100 ms of wall
 * time. Runs on one worker take turns instead: each pump trains one slice, then asks for its
 * next one on the thread's one line of slices (sliceLine: first come, first served, one slice
 * per task), and queued messages are handled between slices. So n runs on one worker each
 * train at about 1/n of the speed, and training never takes more cores than there are workers
 * (see worker-pool.ts for how many).
 *
 * While no run trains, the host warms the engine on the configs it was given (jit-warmup.ts),
 * if `warmup` is set: the worker sets it; tests of the turn-taking leave it out.
 *
 * No DOM: the worker file wires it to `self`; tests drive it directly.
 */
import { createWarmup, type WarmupEnv } from "./jit-warmup";
import type { FromHost, ToHost } from "./messages";
import { createPump, type Pump, type PumpEnv } from "./pump";

/** What a pump needs (pump.ts), except that posts carry the run's number. */
export interface RunHostEnv extends Omit<PumpEnv, "post"> {
  readonly post: (m: FromHost) => void;
  /** Warm-up budgets (jit-warmup.ts); none without. */
  readonly warmup?: Pick<WarmupEnv, "perConfigMs" | "totalMs">;
}

export interface RunHost {
  handle(m: ToHost): void;
  /** Runs open on this host (for tests and the pool's bookkeeping). */
  readonly size: number;
}

/**
 * One line of slices for the whole thread: every pump (and the warm-up) asks for its next
 * slice here, slices run first come, first served, one per `later` task. So the rest that
 * `later` puts between two tasks (train.worker.ts: 15 ms on two-core machines) falls between
 * any two slices of the thread, not between two slices of one run: with a timer per run, two
 * runs each resting 15 ms after a 30 ms slice filled each other's rests, and a comparison kept
 * the worker's core busy all the time (measured: 280 ms of work in the first 300 ms of Play).
 */
export function sliceLine(later: RunHostEnv["later"]): RunHostEnv["later"] {
  const waiting: (() => void)[] = [];
  let timer: (() => void) | null = null;
  const next = () => {
    timer = null;
    waiting.shift()?.();
    if (waiting.length > 0 && !timer) timer = later(next);
  };
  return (f) => {
    const turn = () => f();
    waiting.push(turn);
    timer ??= later(next);
    return () => {
      const i = waiting.indexOf(turn);
      if (i >= 0) waiting.splice(i, 1);
      if (waiting.length === 0 && timer) {
        timer();
        timer = null;
      }
    };
  };
}

export function createRunHost(hostEnv: RunHostEnv): RunHost {
  const env: RunHostEnv = { ...hostEnv, later: sliceLine(hostEnv.later) };
  const pumps = new Map<number, Pump>();
  const busy = () => {
    for (const p of pumps.values()) if (p.busy) return true;
    return false;
  };
  const warmup = env.warmup
    ? createWarmup({ now: env.now, later: env.later, sliceMs: env.sliceMs, busy, ...env.warmup })
    : null;
  const pumpFor = (run: number): Pump => {
    let pump = pumps.get(run);
    if (!pump) {
      pump = createPump({
        ...env,
        post: (message) => {
          env.post({ run, message });
          // A run stopped training: the thread may be idle, so a waiting warm-up goes on.
          if (message.type === "idle" || message.type === "error") warmup?.resume();
        },
      });
      pumps.set(run, pump);
    }
    return pump;
  };
  return {
    handle({ run, message }) {
      if (message.type === "close") {
        pumps.get(run)?.dispose();
        pumps.delete(run);
        warmup?.resume();
        return;
      }
      pumpFor(run).handle(message);
      if (message.type === "start") warmup?.add(message.config);
    },
    get size() {
      return pumps.size;
    },
  };
}
