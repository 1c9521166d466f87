/**
 * Samples of an activation and its derivative for charts. All values come from the core's
 * registry (src/lib/activations.ts): this file only decides *where* to sample and reads off
 * intervals from the samples; it has no activation maths of its own.
 */
import { ACTIVATIONS, type ActivationName } from "../../lib/activations";

export interface ActivationSample {
  readonly x: number;
  /** f(x) */
  readonly y: number;
  /** f'(x) */
  readonly dy: number;
}

/**
 * n + 1 evenly spaced samples over [lo, hi], both ends included. With a symmetric domain and
 * an even n the grid contains x = 0 exactly, where the sigmoid's and tanh's slopes peak and
 * where ReLU's derivative jumps.
 */
export function sampleActivation(
  name: ActivationName,
  domain: readonly [number, number],
  n = 400,
): ActivationSample[] {
  const act = ACTIVATIONS[name];
  const [lo, hi] = domain;
  const out: ActivationSample[] = [];
  for (let i = 0; i <= n; i++) {
    // lo + i (hi - lo) / n, with the endpoint exact (no drift from repeated addition).
    const x = i === n ? hi : lo + (i * (hi - lo)) / n;
    const y = act.f(x);
    out.push({ x, y, dy: act.df(x, y) });
  }
  return out;
}

/** One sample at x: the reader's point. */
export function pointOf(name: ActivationName, x: number): ActivationSample {
  const act = ACTIVATIONS[name];
  const y = act.f(x);
  return { x, y, dy: act.df(x, y) };
}

/**
 * The maximal runs of samples where f'(x) < threshold, as closed x-intervals [x1, x2]
 * between sample points: the "saturation band" drawn on the chart and described in text.
 */
export function saturationIntervals(
  samples: readonly ActivationSample[],
  threshold: number,
): Array<{ x1: number; x2: number }> {
  const runs: Array<{ x1: number; x2: number }> = [];
  let start: number | null = null;
  let last = Number.NaN;
  for (const s of samples) {
    if (s.dy < threshold) {
      if (start === null) start = s.x;
      last = s.x;
    } else if (start !== null) {
      runs.push({ x1: start, x2: last });
      start = null;
    }
  }
  if (start !== null) runs.push({ x1: start, x2: last });
  return runs;
}

/** The first sample where f' is largest (x = 0 for sigmoid and tanh on a symmetric grid). */
export function derivativePeak(samples: readonly ActivationSample[]): ActivationSample {
  let best = samples[0]!;
  for (const s of samples) if (s.dy > best.dy) best = s;
  return best;
}
