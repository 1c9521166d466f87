/**
 * Automatic findings: the warning signs of chapter 4, read off a run's metrics and written as
 * sentences with their numbers, e.g.
 *
 *   "Layer 1 learns about 1.0e11× slower than layer 11: its update ratio ‖ΔW‖/‖W‖ is 5.8e-14
 *    against 7.8e-3 (medians over steps 201–400)."
 *
 * Pure: metrics in, findings out. The rules and their thresholds are the constants below, so
 * the prose of chapter 4 and the tests can quote them.
 *
 *   plateau     the smoothed training loss stays within PLATEAU_BAND (relative) of its value at
 *               step s for every later point, over at least PLATEAU_MIN_SHARE of the run, while
 *               still above PLATEAU_UNLEARNED of the first loss (a converged run also goes flat,
 *               but near zero: that is not a plateau);
 *   slowLayers  the first layer's median update ratio over the second half of the run is at
 *               least SLOW_FACTOR times smaller than the last layer's;
 *   saturation  in some hidden layer at least SATURATED_SHARE of the (example, unit) pairs are
 *               saturated at the last point (slope below 5% of the activation's maximum);
 *   diverged    the run stopped on a non-finite or exploded loss / gradient / weight;
 *   deadRelu    in some hidden layer at least DEAD_SHARE of the units are dead at the last point
 *               (slope exactly 0 for every probe example: no gradient can reach their weights).
 */
import { fmtNum, fmtShare } from "./metric-format";
import type { StopReason } from "./run";

export { fmtNum, fmtShare } from "./metric-format";

/** Per-layer numbers at one recorded step (hidden layers 1..H, then the output layer H + 1). */
export interface LayerPoint {
  readonly layer: number;
  /** ||dL/dW|| of the layer (after clipping). */
  readonly gradNorm: number;
  /** ||ΔW|| / ||W|| of this step. */
  readonly updateRatio: number;
  /** Saturated share of (example, unit) pairs; null for the output layer or when not measured. */
  readonly saturated: number | null;
  /** Dead share of units; null for the output layer or when not measured. */
  readonly dead: number | null;
  /** Counts of |dL/dW| entries in GRADIENT_BINS (log10 bins, src/lib/histogram.ts). */
  readonly gradHist: readonly number[];
  /** Gradient entries that are exactly 0 (no logarithm, so not in a bin). */
  readonly gradZeros: number;
  /** Gradient entries below the first bin (|g| < 1e-12) and above the last (or not finite). */
  readonly gradUnder: number;
  readonly gradOver: number;
  /** Counts of activation values in ACTIVATION_BINS[activation]; empty for the output layer. */
  readonly actHist: readonly number[];
  /** Activation values outside the histogram's range. */
  readonly actOutside: number;
}

/** One recorded step of a run. */
export interface TrainingPoint {
  readonly step: number;
  /** Training loss of this step's batch. */
  readonly loss: number;
  /** Loss on the held-out set after this step (NaN once diverged). */
  readonly testLoss: number;
  /** Accuracy on the held-out set after this step (null for regression, NaN once diverged; absent in older records). */
  readonly testAccuracy?: number | null;
  readonly accuracy: number | null;
  /** Global gradient norm before clipping. */
  readonly gradNorm: number;
  /** Global gradient norm after clipping (equal to gradNorm without clipping; absent in older records). */
  readonly clippedGradNorm?: number;
  readonly layers: readonly LayerPoint[];
}

export interface FindingsInput {
  readonly points: readonly TrainingPoint[];
  readonly stop: StopReason | null;
  /** Steps taken so far (the last point's step, unless points are thinned). */
  readonly stepsDone: number;
}

const FINDING_KINDS = {
  diverged: { label: "Diverged" },
  plateau: { label: "Loss plateau" },
  slowLayers: { label: "Early layers barely learn" },
  saturation: { label: "Saturated units" },
  deadRelu: { label: "Dead ReLUs" },
} as const;
export type FindingKind = keyof typeof FINDING_KINDS;
export const FINDING_KIND_NAMES = Object.keys(FINDING_KINDS) as readonly FindingKind[];
export const findingLabel = (k: FindingKind): string => FINDING_KINDS[k].label;

/** A finding as the page shows it (computed in the worker, posted with the points). */
export interface FindingView {
  readonly kind: FindingKind;
  readonly label: string;
  readonly text: string;
}

export interface Finding {
  readonly kind: FindingKind;
  /** The sentence shown to the reader, numbers included. */
  readonly text: string;
  /** The numbers behind the sentence, for tests and for prose computed at build time. */
  readonly values: Readonly<Record<string, number>>;
}

export const PLATEAU_BAND = 0.05;
export const PLATEAU_MIN_SHARE = 0.3;
export const PLATEAU_MIN_STEPS = 100;
export const PLATEAU_UNLEARNED = 0.8;
/** Points in the moving mean that smooths the (noisy) batch loss. */
export const PLATEAU_SMOOTHING = 15;
export const SLOW_FACTOR = 10;
export const SATURATED_SHARE = 0.2;
export const DEAD_SHARE = 0.1;
/** The slow-layer rule needs at least this many points in the window it takes medians over. */
const MIN_WINDOW = 5;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Centred moving mean over `k` points (shorter at the ends). */
export function smooth(xs: readonly number[], k: number): number[] {
  const h = k >> 1;
  return xs.map((_, i) => {
    let s = 0;
    let n = 0;
    for (let j = Math.max(0, i - h); j <= Math.min(xs.length - 1, i + h); j++) {
      s += xs[j]!;
      n++;
    }
    return s / n;
  });
}

function plateauFinding(points: readonly TrainingPoint[], stepsDone: number): Finding | null {
  if (points.length < PLATEAU_SMOOTHING) return null;
  const loss = smooth(
    points.map((p) => p.loss),
    PLATEAU_SMOOTHING,
  );
  const first = points[0]!.loss;
  // Walk back from the end: the plateau starts at the earliest point from which every later
  // smoothed loss stays within the band around that point's value.
  let start = points.length - 1;
  for (let i = points.length - 2; i >= 0; i--) {
    const ref = loss[i]!;
    let inside = true;
    for (let j = i + 1; j < points.length && inside; j++) {
      inside = Math.abs(loss[j]! - ref) <= PLATEAU_BAND * Math.abs(ref);
    }
    if (!inside) break;
    start = i;
  }
  const from = points[start]!.step;
  const span = stepsDone - from;
  const level = loss[start]!;
  if (span < PLATEAU_MIN_STEPS || span < PLATEAU_MIN_SHARE * stepsDone) return null;
  if (!(level >= PLATEAU_UNLEARNED * first)) return null;
  return {
    kind: "plateau",
    text:
      `The training loss has been flat at about ${fmtNum(level)} since step ${from} ` +
      `(it moved by less than ${fmtShare(PLATEAU_BAND)} over the last ${span} steps), ` +
      `not far below where it started (${fmtNum(first)}): the network has stopped learning.`,
    values: { from, span, level, first },
  };
}

function slowLayersFinding(points: readonly TrainingPoint[], stepsDone: number): Finding | null {
  const half = stepsDone / 2;
  const window = points.filter((p) => p.step > half && p.layers.length >= 2);
  if (window.length < MIN_WINDOW) return null;
  const last = window[0]!.layers.length - 1;
  const firstLayer = window[0]!.layers[0]!.layer;
  const lastLayer = window[0]!.layers[last]!.layer;
  const r1 = median(window.map((p) => p.layers[0]!.updateRatio));
  const rL = median(window.map((p) => p.layers[last]!.updateRatio));
  const g1 = median(window.map((p) => p.layers[0]!.gradNorm));
  const gL = median(window.map((p) => p.layers[last]!.gradNorm));
  if (!(rL > 0) || !Number.isFinite(r1) || !Number.isFinite(rL)) return null;
  const factor = r1 > 0 ? rL / r1 : Number.POSITIVE_INFINITY;
  if (!(factor >= SLOW_FACTOR)) return null;
  const w0 = window[0]!.step;
  const w1 = window[window.length - 1]!.step;
  return {
    kind: "slowLayers",
    text:
      `Layer ${firstLayer} learns about ${fmtNum(factor)}× slower than layer ${lastLayer}: ` +
      `its update ratio ‖ΔW‖/‖W‖ is ${fmtNum(r1)} against ${fmtNum(rL)}, and its gradient norm ` +
      `‖∂L/∂W‖ is ${fmtNum(g1)} against ${fmtNum(gL)} (medians over steps ${w0}–${w1}).`,
    values: { factor, firstRatio: r1, lastRatio: rL, firstGrad: g1, lastGrad: gL, from: w0, to: w1 },
  };
}

/** The hidden layer with the largest value of `pick` at the last point, if any reaches `min`. */
function worstLayer(
  p: TrainingPoint,
  pick: (l: LayerPoint) => number | null,
  min: number,
): { layer: number; share: number; count: number; hidden: number } | null {
  let best: { layer: number; share: number } | null = null;
  let count = 0;
  let hidden = 0;
  for (const l of p.layers) {
    const v = pick(l);
    if (v === null) continue;
    hidden++;
    if (v >= min) count++;
    if (v >= min && (!best || v > best.share)) best = { layer: l.layer, share: v };
  }
  return best ? { ...best, count, hidden } : null;
}

function saturationFinding(p: TrainingPoint): Finding | null {
  const w = worstLayer(p, (l) => l.saturated, SATURATED_SHARE);
  if (!w) return null;
  const others =
    w.count > 1 ? ` ${w.count} of the ${w.hidden} hidden layers are above ${fmtShare(SATURATED_SHARE)}.` : "";
  return {
    kind: "saturation",
    text:
      `${fmtShare(w.share)} of the units in layer ${w.layer} are saturated at step ${p.step}: ` +
      `their slope f′(z) is below 5% of its maximum, so almost no gradient passes through them.${others}`,
    values: { layer: w.layer, share: w.share, layers: w.count, step: p.step },
  };
}

function deadFinding(p: TrainingPoint): Finding | null {
  const w = worstLayer(p, (l) => l.dead, DEAD_SHARE);
  if (!w) return null;
  const others =
    w.count > 1
      ? ` ${w.count} of the ${w.hidden} hidden layers have ${fmtShare(DEAD_SHARE)} or more dead.`
      : "";
  return {
    kind: "deadRelu",
    text:
      `${fmtShare(w.share)} of the ReLUs in layer ${w.layer} are dead at step ${p.step}: ` +
      `they output 0 for every held-out example, so no gradient reaches their weights.${others}`,
    values: { layer: w.layer, share: w.share, layers: w.count, step: p.step },
  };
}

function divergedFinding(stop: StopReason | null): Finding | null {
  if (stop?.kind !== "diverged") return null;
  return {
    kind: "diverged",
    text: `The run diverged at step ${stop.step}: ${stop.reason}. Nothing after that step is meaningful.`,
    values: { step: stop.step },
  };
}

/**
 * Every finding that applies, most severe first. A diverged run reports its divergence alone:
 * the dead or saturated units of its last finite step are the blow-up's debris, not its cause.
 */
export function findFindings(input: FindingsInput): Finding[] {
  const { stop, stepsDone } = input;
  const diverged = divergedFinding(stop);
  if (diverged) return [diverged];
  const points = input.points.filter((p) => Number.isFinite(p.loss));
  const last = points[points.length - 1];
  if (!last) return [];
  const out = [
    plateauFinding(points, stepsDone),
    slowLayersFinding(points, last.step),
    saturationFinding(last),
    deadFinding(last),
  ];
  return out.filter((f): f is Finding => f !== null);
}
