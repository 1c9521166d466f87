/**
 * Histograms with fixed bins, so that histograms from different steps, layers and runs share
 * one x-axis and can be compared or animated directly.
 *
 * Linear bins split [lo, hi) into `bins` equal parts. Log bins ("log10") do the same to
 * log10 |v|, for magnitudes that span orders (gradients): with lo = -12, hi = 2 and 28 bins,
 * each bin is half a decade. Exact zeros have no logarithm and are counted apart (`zeros`);
 * values below the range go to `under`, above it to `over`, NaN and +-Infinity to `nonFinite`.
 */
import type { ActivationName } from "./activations";

export type HistogramScale = "linear" | "log10";

export interface HistogramSpec {
  readonly lo: number;
  readonly hi: number;
  readonly bins: number;
  readonly scale: HistogramScale;
}

export interface Histogram {
  readonly spec: HistogramSpec;
  readonly counts: Float64Array;
  under: number;
  over: number;
  zeros: number;
  nonFinite: number;
  /** Every value offered, whichever counter it went to. */
  total: number;
}

/** Gradient magnitudes |g| from 1e-12 to 1e2 in half-decade bins. */
export const GRADIENT_BINS: HistogramSpec = { lo: -12, hi: 2, bins: 28, scale: "log10" };

/** Activation values over each activation's natural range, 20 linear bins. */
export const ACTIVATION_BINS: { readonly [K in ActivationName]: HistogramSpec } = {
  sigmoid: { lo: 0, hi: 1, bins: 20, scale: "linear" },
  tanh: { lo: -1, hi: 1, bins: 20, scale: "linear" },
  softsign: { lo: -1, hi: 1, bins: 20, scale: "linear" },
  relu: { lo: 0, hi: 4, bins: 20, scale: "linear" },
  leakyRelu: { lo: -1, hi: 4, bins: 20, scale: "linear" },
  linear: { lo: -4, hi: 4, bins: 20, scale: "linear" },
};

export function createHistogram(spec: HistogramSpec): Histogram {
  if (!(spec.hi > spec.lo) || !Number.isInteger(spec.bins) || spec.bins < 1) {
    throw new RangeError(
      `histogram needs lo < hi and a positive integer bin count, got ${JSON.stringify(spec)}`,
    );
  }
  return { spec, counts: new Float64Array(spec.bins), under: 0, over: 0, zeros: 0, nonFinite: 0, total: 0 };
}

export function clearHistogram(h: Histogram): void {
  h.counts.fill(0);
  h.under = 0;
  h.over = 0;
  h.zeros = 0;
  h.nonFinite = 0;
  h.total = 0;
}

/** Add values[0..n) to the histogram (a log histogram bins log10 |v|). */
export function addToHistogram(h: Histogram, values: Float64Array, n = values.length): void {
  const { lo, hi, bins, scale } = h.spec;
  const k = bins / (hi - lo);
  const counts = h.counts;
  const log = scale === "log10";
  for (let i = 0; i < n; i++) {
    let v = values[i]!;
    if (!Number.isFinite(v)) {
      h.nonFinite++;
      continue;
    }
    if (log) {
      if (v === 0) {
        h.zeros++;
        continue;
      }
      v = Math.log10(v < 0 ? -v : v);
    }
    if (v < lo) h.under++;
    else if (v >= hi) h.over++;
    else {
      // min() guards the top edge against rounding of (v - lo) * k up to `bins`.
      const b = Math.min(bins - 1, Math.floor((v - lo) * k));
      counts[b] = counts[b]! + 1;
    }
  }
  h.total += n;
}

/** The bins+1 edges in value space (10^edge for log bins), for axes and labels. */
export function binEdges(spec: HistogramSpec): number[] {
  const w = (spec.hi - spec.lo) / spec.bins;
  return Array.from({ length: spec.bins + 1 }, (_, i) => {
    const e = spec.lo + i * w;
    return spec.scale === "log10" ? 10 ** e : e;
  });
}

/** A plain, JSON-ready copy (counts as a number array). */
export function histogramToJSON(h: Histogram): {
  spec: HistogramSpec;
  counts: number[];
  under: number;
  over: number;
  zeros: number;
  nonFinite: number;
  total: number;
} {
  return {
    spec: h.spec,
    counts: Array.from(h.counts),
    under: h.under,
    over: h.over,
    zeros: h.zeros,
    nonFinite: h.nonFinite,
    total: h.total,
  };
}
