import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTIVATION_BINS,
  addToHistogram,
  binEdges,
  clearHistogram,
  createHistogram,
  GRADIENT_BINS,
  histogramToJSON,
} from "../../../src/lib/histogram";

describe("histograms", () => {
  it("linear bins: [lo, hi) split evenly, with under and over flows", () => {
    const h = createHistogram({ lo: 0, hi: 1, bins: 4, scale: "linear" });
    addToHistogram(h, Float64Array.from([0, 0.1, 0.25, 0.5, 0.74, 0.99, 1, -0.1, 7]));
    expect(Array.from(h.counts)).toEqual([2, 1, 2, 1]);
    expect([h.under, h.over, h.total]).toEqual([1, 2, 9]);
  });

  it("log bins: log10 |v|, half a decade per gradient bin; zeros and non-finite counted apart", () => {
    expect(GRADIENT_BINS.bins / (GRADIENT_BINS.hi - GRADIENT_BINS.lo)).toBe(2);
    const h = createHistogram(GRADIENT_BINS);
    // 1e-3 -> log -3 -> bin (−3 + 12) * 2 = 18; -2e-3 -> log -2.7 -> bin 18; 5e-3 -> -2.3 -> bin 19
    addToHistogram(
      h,
      Float64Array.from([1e-3, -2e-3, 5e-3, 0, 0, Number.NaN, Number.POSITIVE_INFINITY, 1e-20, 1e5]),
    );
    expect(h.counts[18]).toBe(2);
    expect(h.counts[19]).toBe(1);
    expect([h.zeros, h.nonFinite, h.under, h.over, h.total]).toEqual([2, 2, 1, 1, 9]);
    const counted = h.counts.reduce((a, b) => a + b, 0) + h.zeros + h.nonFinite + h.under + h.over;
    expect(counted).toBe(h.total);
  });

  it("log bins agree with the edge definition 10^e_b <= |v| < 10^e_(b+1) for any value (property)", () => {
    const edges = binEdges(GRADIENT_BINS);
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.double(), fc.double({ min: -100, max: 100 }), fc.double({ min: 1e-13, max: 1e-3 })),
          {
            maxLength: 50,
          },
        ),
        (xs) => {
          const h = createHistogram(GRADIENT_BINS);
          addToHistogram(h, Float64Array.from(xs));
          const expected = new Array(GRADIENT_BINS.bins).fill(0);
          let under = 0;
          let over = 0;
          for (const v of xs) {
            const a = Math.abs(v);
            if (!Number.isFinite(v) || a === 0) continue;
            if (a < edges[0]!) under++;
            else if (a >= edges[GRADIENT_BINS.bins]!) over++;
            else expected[edges.findLastIndex((e) => e <= a)]++;
          }
          expect(Array.from(h.counts)).toEqual(expected);
          expect([h.under, h.over]).toEqual([under, over]);
          expect(h.zeros).toBe(xs.filter((v) => v === 0).length);
          expect(h.nonFinite).toBe(xs.filter((v) => !Number.isFinite(v)).length);
        },
      ),
    );
  });

  it("edges in value space and a JSON copy", () => {
    expect(binEdges({ lo: -2, hi: 0, bins: 2, scale: "log10" })).toEqual([0.01, 10 ** -1, 1]);
    expect(binEdges(ACTIVATION_BINS.tanh)).toHaveLength(21);
    const h = createHistogram(ACTIVATION_BINS.sigmoid);
    addToHistogram(h, Float64Array.from([0.5, 0.5]), 1); // only the first n values
    const j = histogramToJSON(h);
    expect(j.counts[10]).toBe(1);
    expect(j.total).toBe(1);
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
    clearHistogram(h);
    expect(h.total + h.counts.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it("rejects a degenerate spec", () => {
    expect(() => createHistogram({ lo: 1, hi: 1, bins: 3, scale: "linear" })).toThrow(/lo < hi/);
    expect(() => createHistogram({ lo: 0, hi: 1, bins: 0, scale: "linear" })).toThrow(/bin count/);
  });
});
