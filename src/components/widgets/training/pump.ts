/**
 * The scheduler shared by the worker and the main-thread fallback: it owns one Session and
 * turns "play", "pause" and "step" into time slices, posting each slice's new points.
 *
 * Why slices: a worker only receives messages between tasks, so a run trained in one long
 * loop could not be paused or reset. Each slice trains for at most `sliceMs`, posts its points,
 * then yields (setTimeout 0) so queued messages are handled before the next slice. On the main
 * thread the same slices keep every task well under the 50 ms long-task line.
 *
 * MNIST runs need the decoded subset first: `start` posts phase "loading-data", asks
 * env.loadMnist (fetched once per thread, mnist-source.ts), then builds the session and posts
 * "ready". A "play" or "step" that arrives meanwhile is remembered and begins once the data is
 * there; a new "start" meanwhile makes the late data build nothing. A failed load becomes an
 * "error" message with the loader's sentence.
 *
 * No DOM: it needs only a clock, a way to yield, a way to post, and (for MNIST) a loader.
 */
import { type ExperimentConfig, parseConfig } from "../../../lib/config";
import type { MnistSubset } from "../../../lib/data/mnist";
import { findFindings, findingLabel } from "../../../lib/findings";
import { decisionGrid } from "./decision-grid";
import type { FromWorker, ToWorker } from "./messages";
import { createSession, type Session } from "./session";

export interface PumpEnv {
  readonly post: (m: FromWorker) => void;
  readonly now: () => number;
  /** Run `f` in a later task (setTimeout(f, 0)). Returns a cancel function. */
  readonly later: (f: () => void) => () => void;
  /** Milliseconds of training per slice. */
  readonly sliceMs: number;
  /** The MNIST subset, for configs with data.dataset "mnist" (cached by the caller). */
  readonly loadMnist?: () => Promise<MnistSubset>;
}

export interface Pump {
  handle(m: ToWorker): void;
  /** True while the run is asked to train (playing, or steps still to take). */
  readonly busy: boolean;
  /** Cancels any scheduled slice (the owner is going away). */
  dispose(): void;
}

export function createPump(env: PumpEnv): Pump {
  let session: Session | null = null;
  let generation = 0;
  /** Steps still to take for a "step" request; Infinity while playing; 0 when idle. */
  let remaining = 0;
  let cancel: (() => void) | null = null;
  /** Bumped by every start and by dispose: data that arrives for an older one is dropped. */
  let startToken = 0;

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
    const token = ++startToken;
    // The config crossed a thread boundary (or came from a URL): validate it with the core's schema.
    const parsed = parseConfig(config);
    if (!parsed.ok) throw new Error(`invalid experiment: ${parsed.errors.join("; ")}`);
    if (parsed.config.data.dataset !== "mnist") {
      session = createSession(parsed.config);
      // The first point (step 0 is never recorded; step 1 is) arrives with the first slice.
      return;
    }
    const load = env.loadMnist;
    if (!load) throw new Error("This trainer has no MNIST data: pick another data set.");
    env.post({ type: "phase", generation: gen, phase: "loading-data" });
    load().then(
      (subset) => {
        if (token !== startToken) return;
        try {
          session = createSession(parsed.config, subset);
        } catch (e) {
          fail(gen, e);
          return;
        }
        env.post({ type: "phase", generation: gen, phase: "ready" });
        // A play or step asked for while loading starts now.
        schedule();
      },
      (e: unknown) => {
        if (token === startToken) fail(gen, e);
      },
    );
  };

  const fail = (gen: number, e: unknown) => {
    remaining = 0;
    env.post({ type: "error", generation: gen, message: e instanceof Error ? e.message : String(e) });
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
          case "grid":
            // Between slices, so the weights are those of the last posted point. Before the
            // run exists (MNIST still loading) there is nothing to draw yet.
            if (session) env.post({ type: "grid", generation, grid: decisionGrid(session.run, m.size) });
            break;
        }
      } catch (e) {
        env.post({ type: "error", generation, message: e instanceof Error ? e.message : String(e) });
      }
    },
    get busy() {
      return remaining > 0;
    },
    dispose() {
      startToken++;
      cancel?.();
      cancel = null;
      remaining = 0;
      session = null;
    },
  };
}
