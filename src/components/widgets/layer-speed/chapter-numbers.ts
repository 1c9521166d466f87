/**
 * The numbers chapter 3's prose quotes about experiment B, computed by the core at build time:
 * each variant is trained exactly as the widget trains it (same config, same seed), so the
 * text and the figure cannot disagree. Memoised: a page that quotes a variant twice trains it once.
 *
 *   speedNumbers({ dataset: "mnist" })                    // the whole 300-step run
 *   speedNumbers({ dataset: "mnist" }, { steps: 1 })      // the first step only (ratioFirst)
 *
 * MNIST variants read the committed subset from disk (static-mnist.ts, Node only).
 */
import { createSession } from "../training/session";
import { staticMnist } from "../training/static-mnist";
import { firstToLastHidden, type LayerSpeedKnobs, parseLayerSpeedKnobs, toExperimentConfig } from "./config";

export interface SpeedNumbers {
  /** First ÷ last hidden-layer gradient norm at the first step and at the last trained one. */
  readonly ratioFirst: number;
  readonly ratioLast: number;
  /** Training loss (the last batch's) at the first and the last trained step. */
  readonly firstLoss: number;
  readonly finalLoss: number;
  /** The last batch's accuracy, and the accuracy on the held-out examples, at the last step. */
  readonly accuracy: number | null;
  readonly testAccuracy: number;
  /** Steps trained (the run's length unless `steps` cut it short). */
  readonly steps: number;
}

export interface SpeedNumbersOptions {
  /** Train only this many steps (e.g. 1 for a first-step ratio without the whole run). */
  readonly steps?: number;
}

const cache = new Map<string, SpeedNumbers>();

export function speedNumbers(
  partial: Partial<LayerSpeedKnobs> = {},
  options: SpeedNumbersOptions = {},
): SpeedNumbers {
  const knobs = parseLayerSpeedKnobs(partial);
  const config = toExperimentConfig(knobs);
  const steps = Math.min(config.steps, options.steps ?? config.steps);
  const key = JSON.stringify([knobs, steps]);
  const hit = cache.get(key);
  if (hit) return hit;
  const session = createSession(config, knobs.dataset === "mnist" ? staticMnist() : undefined);
  session.advance({ maxSteps: steps });
  const first = session.points[0];
  const last = session.points[session.points.length - 1];
  const out: SpeedNumbers = {
    ratioFirst: firstToLastHidden(first, knobs.depth),
    ratioLast: firstToLastHidden(last, knobs.depth),
    firstLoss: first?.loss ?? Number.NaN,
    finalLoss: last?.loss ?? Number.NaN,
    accuracy: last?.accuracy ?? null,
    testAccuracy: last?.testAccuracy ?? Number.NaN,
    steps: session.run.stepsDone,
  };
  cache.set(key, out);
  return out;
}
