/**
 * The scheduler shared by the worker and the main-thread fallback: it owns one Session and
 * turns "play", "pause" and "step" into time slices, posting each slice's new points.
 *
 * Why slices: a worker only receives messages between tasks, so a run trained in one long
 * loop could not be paused or reset. Each slice trains for at most `sliceMs`, posts its points,
 * then yields (setTimeout 0) so queued messages are handled before the next slice. On the main
 * thread the same slices keep every task well under the 50 ms long-task line.
 *
 * No DOM: it needs only a clock, a way to yield, and a way to post.
 */
import { type ExperimentConfig, parseConfig } from "../../../lib/config";
import { findFindings, findingLabel } from "../../../lib/findings";
import type { FromWorker, ToWorker } from "./messages";
import { createSession, type Session } from "./session";

export interface PumpEnv {
  readonly post: (m: FromWorker) => void;
  readonly now: () => number;
  /** Run `f` in a later task (setTimeout(f, 0)). Returns a cancel function. */
  readonly later: (f: () => void) => () => void;
  /** Milliseconds of training per slice. */
  readonly sliceMs: number;
}

export interface Pump {
  handle(m: ToWorker): void;
  /** Cancels any scheduled slice (the owner is going away). */
  dispose(): void;
}

export function createPump(env: PumpEnv): Pump {
  let session: Session | null = null;
  let generation = 0;
  /** Steps still to take for a "step" request; Infinity while playing; 0 when idle. */
  let remaining = 0;
  let cancel: (() => void) | null = null;

  const schedule = () => {
    if (cancel || remaining <= 0) return;
    cancel = env.later(slice);
  };

  const slice = () => {
    cancel = null;
    const s = session;
    if (!s || remaining <= 0) return;
    try {
      const before = s.run.stepsDone;
      const points = s.advance({ maxSteps: remaining, budgetMs: env.sliceMs, now: env.now });
      remaining -= s.run.stepsDone - before;
      env.post({
        type: "points",
        generation,
        points,
        findings: findFindings({ points: s.points, stop: s.run.stop, stepsDone: s.run.stepsDone }).map(
          (f) => ({
            kind: f.kind,
            label: findingLabel(f.kind),
            text: f.text,
          }),
        ),
        stepsDone: s.run.stepsDone,
        steps: s.config.steps,
        stop: s.run.stop,
      });
      if (s.run.done) remaining = 0;
      if (remaining <= 0) env.post({ type: "idle", generation });
      else schedule();
    } catch (e) {
      remaining = 0;
      env.post({ type: "error", generation, message: e instanceof Error ? e.message : String(e) });
    }
  };

  const start = (config: ExperimentConfig, gen: number) => {
    cancel?.();
    cancel = null;
    remaining = 0;
    generation = gen;
    session = null;
    // The config crossed a thread boundary (or came from a URL): validate it with the core's schema.
    const parsed = parseConfig(config);
    if (!parsed.ok) throw new Error(`invalid experiment: ${parsed.errors.join("; ")}`);
    session = createSession(parsed.config);
    // The first point (step 0 is never recorded; step 1 is) arrives with the first slice.
  };

  return {
    handle(m) {
      try {
        switch (m.type) {
          case "start":
            start(m.config, m.generation);
            break;
          case "play":
            remaining = Number.POSITIVE_INFINITY;
            schedule();
            break;
          case "pause":
            if (remaining > 0) {
              remaining = 0;
              cancel?.();
              cancel = null;
              env.post({ type: "idle", generation });
            }
            break;
          case "step":
            remaining = Math.max(0, Math.floor(m.steps));
            schedule();
            break;
        }
      } catch (e) {
        env.post({ type: "error", generation, message: e instanceof Error ? e.message : String(e) });
      }
    },
    dispose() {
      cancel?.();
      cancel = null;
      remaining = 0;
      session = null;
    },
  };
}
