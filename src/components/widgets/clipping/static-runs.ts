/**
 * The clipping widget's two runs trained to the end in Node at build time with the worker's
 * session code, so the static figure, its readouts and the numbers the prose quotes are what
 * a reader's Play replays. Memoised per (kind, c).
 */
import type { ClipKind } from "../../../lib/clip";
import type { TrainingPoint } from "../training/messages";
import { createSession } from "../training/session";
import { clippingRunConfig } from "./config";
import { type RunStatus, runStatus } from "./status";

export interface StaticClipRun {
  readonly points: readonly TrainingPoint[];
  readonly status: RunStatus;
  /** Step at which the run diverged, or null. */
  readonly divergedAt: number | null;
  readonly finalTestLoss: number;
  readonly finalTestAccuracy: number;
  /** Largest finite pre-clip norm over the run. */
  readonly largestNorm: number;
}

const cache = new Map<string, StaticClipRun>();

export function staticClipRun(kind: ClipKind, c: number): StaticClipRun {
  const key = `${kind}:${c}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const s = createSession(clippingRunConfig(kind, c));
  s.advance();
  const stop = s.run.stop;
  const last = s.points.at(-1);
  const norms = s.points.map((p) => p.gradNorm).filter((v) => Number.isFinite(v));
  const out: StaticClipRun = {
    points: s.points,
    status: runStatus(s.points, stop, kind),
    divergedAt: stop?.kind === "diverged" ? stop.step : null,
    finalTestLoss: last ? last.testLoss : Number.NaN,
    finalTestAccuracy: typeof last?.testAccuracy === "number" ? last.testAccuracy : Number.NaN,
    largestNorm: norms.length ? Math.max(...norms) : Number.NaN,
  };
  cache.set(key, out);
  return out;
}
