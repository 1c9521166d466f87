import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentiles } from "../../src/lib/percentiles";

describe("percentiles", () => {
  it("interpolates between order statistics (NumPy's default rule)", () => {
    // numpy.percentile([1, 2, 3, 4], [0, 15, 50, 85, 100]) = [1, 1.45, 2.5, 3.55, 4]
    const got = percentiles([4, 1, 3, 2], [0, 15, 50, 85, 100]);
    expect(got.map((x) => Number(x.toFixed(10)))).toEqual([1, 1.45, 2.5, 3.55, 4]);
    expect(percentiles([7], [15, 85])).toEqual([7, 7]);
    expect(percentiles([], [50])[0]).toBeNaN();
    expect(percentiles([1, Number.NaN, 3, Number.POSITIVE_INFINITY], [50])).toEqual([2]);
  });

  it("is monotone in p and stays within the sample's range", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (xs) => {
          const [a, b, c] = percentiles(xs, [15, 50, 85]) as [number, number, number];
          expect(a).toBeLessThanOrEqual(b);
          expect(b).toBeLessThanOrEqual(c);
          expect(a).toBeGreaterThanOrEqual(Math.min(...xs));
          expect(c).toBeLessThanOrEqual(Math.max(...xs));
        },
      ),
    );
  });
});
