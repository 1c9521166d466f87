/**
 * The inside of a training worker: it hosts every run the page has placed on it, one pump
 * (pump.ts) per run, keyed by the run's number.
 *
 * Why several runs share one worker: a same-seed comparison trains two or three runs at once.
 * Given a worker each, they took every core of a two-core machine, and the page's own thread
 * (drawing the charts) waited for a core: tasks of 20-40 ms of work took 60-100 ms of wall
 * time. Runs on one worker take turns instead: each pump trains one slice, then yields with
 * setTimeout(0), and the event loop runs the other pumps' slices (first come, first served)
 * and any queued message before it comes back. So n runs on one worker each train at about
 * 1/n of the speed, and training never takes more cores than there are workers (see
 * worker-pool.ts for how many).
 *
 * No DOM: the worker file wires it to `self`; tests drive it directly.
 */
import type { FromHost, ToHost } from "./messages";
import { createPump, type Pump, type PumpEnv } from "./pump";

/** What a pump needs (pump.ts), except that posts carry the run's number. */
export interface RunHostEnv extends Omit<PumpEnv, "post"> {
  readonly post: (m: FromHost) => void;
}

export interface RunHost {
  handle(m: ToHost): void;
  /** Runs open on this host (for tests and the pool's bookkeeping). */
  readonly size: number;
}

export function createRunHost(env: RunHostEnv): RunHost {
  const pumps = new Map<number, Pump>();
  const pumpFor = (run: number): Pump => {
    let pump = pumps.get(run);
    if (!pump) {
      pump = createPump({ ...env, post: (message) => env.post({ run, message }) });
      pumps.set(run, pump);
    }
    return pump;
  };
  return {
    handle({ run, message }) {
      if (message.type === "close") {
        pumps.get(run)?.dispose();
        pumps.delete(run);
        return;
      }
      pumpFor(run).handle(message);
    },
    get size() {
      return pumps.size;
    },
  };
}
