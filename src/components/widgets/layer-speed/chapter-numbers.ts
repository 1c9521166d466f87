/**
 * The numbers chapter 3's prose quotes about experiment B, computed by the core at build time:
 * each variant is trained exactly as the widget trains it (same config, same seed), so the
 * text and the figure cannot disagree. Memoised: a page that quotes a variant twice trains it once.
 */
import { createSession } from "../training/session";
import { firstToLastHidden, type LayerSpeedKnobs, parseLayerSpeedKnobs, toExperimentConfig } from "./config";

export interface SpeedNumbers {
  /** First ÷ last hidden-layer gradient norm at the first step and at the last. */
  readonly ratioFirst: number;
  readonly ratioLast: number;
  readonly finalLoss: number;
  readonly accuracy: number | null;
}

const cache = new Map<string, SpeedNumbers>();

export function speedNumbers(partial: Partial<LayerSpeedKnobs> = {}): SpeedNumbers {
  const knobs = parseLayerSpeedKnobs(partial);
  const key = JSON.stringify(knobs);
  const hit = cache.get(key);
  if (hit) return hit;
  const session = createSession(toExperimentConfig(knobs));
  session.advance({});
  const first = session.points[0];
  const last = session.points[session.points.length - 1];
  const out: SpeedNumbers = {
    ratioFirst: firstToLastHidden(first, knobs.depth),
    ratioLast: firstToLastHidden(last, knobs.depth),
    finalLoss: last?.loss ?? Number.NaN,
    accuracy: last?.accuracy ?? null,
  };
  cache.set(key, out);
  return out;
}
