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
  /** Log bins only: the bins+1 edges in |value| space, 10^(lo + i (hi - lo) / bins). */
  readonly edges: Float64Array;
  /** Log bins only: for each biased binary exponent x, the bin of 2^(x - 1023) (-1 below, bins above). */
  readonly octaveBin: Int32Array;
  /** Log bins only: one float64 and its two 32-bit words, to read a value's exponent. */
  readonly scratch: Float64Array;
  readonly words: Uint32Array;
  readonly highWord: number;
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
  const log = spec.scale === "log10";
  const edges = log ? Float64Array.from(binEdges(spec)) : new Float64Array(0);
  const octaveBin = new Int32Array(log ? 2048 : 0);
  for (let x = 0; x < octaveBin.length; x++) {
    const v = 2 ** (x - 1023);
    let b = -1;
    while (b < spec.bins && v >= edges[b + 1]!) b++;
    octaveBin[x] = b;
  }
  const scratch = new Float64Array(1);
  const words = new Uint32Array(scratch.buffer);
  scratch[0] = 1; // 0x3ff00000_00000000: the exponent lives in whichever word is non-zero
  const highWord = words[1] === 0x3ff00000 ? 1 : 0;
  return {
    spec,
    counts: new Float64Array(spec.bins),
    edges,
    octaveBin,
    scratch,
    words,
    highWord,
    under: 0,
    over: 0,
    zeros: 0,
    nonFinite: 0,
    total: 0,
  };
}

export function clearHistogram(h: Histogram): void {
  h.counts.fill(0);
  h.under = 0;
  h.over = 0;
  h.zeros = 0;
  h.nonFinite = 0;
  h.total = 0;
}

/**
 * Add values[0..n) to the histogram. A log histogram bins |v| against its edges in value
 * space (bin b holds 10^e_b <= |v| < 10^e_{b+1}) without a logarithm: the float's binary
 * exponent x = floor(log2 |v|) is read from its bits, a table gives the bin of 2^x, and since
 * an octave (0.3 decades) is narrower than a bin (0.5 decades) usually one comparison with
 * the next edge finishes the job. That makes a histogram of every weight gradient cheap
 * enough for every step.
 */
export function addToHistogram(h: Histogram, values: Float64Array, n = values.length): void {
  const { lo, hi, bins, scale } = h.spec;
  const counts = h.counts;
  if (scale === "log10") {
    const { edges, octaveBin, scratch, words, highWord } = h;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v === 0) {
        h.zeros++;
        continue;
      }
      scratch[0] = v;
      const x = (words[highWord]! >>> 20) & 0x7ff;
      if (x === 0x7ff) {
        h.nonFinite++; // all-ones exponent: Infinity or NaN
        continue;
      }
      const a = v < 0 ? -v : v;
      let b = octaveBin[x]!;
      while (b < bins && a >= edges[b + 1]!) b++;
      if (b < 0) h.under++;
      else if (b >= bins) h.over++;
      else counts[b] = counts[b]! + 1;
    }
    h.total += n;
    return;
  }
  const k = bins / (hi - lo);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) h.nonFinite++;
    else if (v < lo) h.under++;
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
