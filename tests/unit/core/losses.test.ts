import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accuracy, computeLoss, isLossName, LOSS_NAMES, LOSSES } from "../../../src/lib/losses";

const f = (xs: number[]) => Float64Array.from(xs);

describe("losses", () => {
  it("mse is the mean of squared errors over every element, gradient 2(y - t)/n", () => {
    const g = new Float64Array(4);
    // errors [1, -2, 0, 3]: (1 + 4 + 0 + 9) / 4 = 3.5
    expect(computeLoss("mse", f([1, 0, 2, 3]), f([0, 2, 2, 0]), 2, 2, g)).toBe(3.5);
    expect(Array.from(g)).toEqual([0.5, -1, 0, 1.5]);
  });

  it("bce with logits: ln 2 at logit 0, and its closed form elsewhere", () => {
    expect(computeLoss("bceWithLogits", f([0, 0]), f([0, 1]), 2, 1)).toBeCloseTo(Math.LN2, 15);
    // -log sigma(2) for t = 1 and -log(1 - sigma(-1)) = -log sigma(1) for t = 0
    const expected = (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(-1))) / 2;
    const g = new Float64Array(2);
    expect(computeLoss("bceWithLogits", f([2, -1]), f([1, 0]), 2, 1, g)).toBeCloseTo(expected, 15);
    // (sigma(z) - t) / 2
    expect(g[0]).toBeCloseTo((1 / (1 + Math.exp(-2)) - 1) / 2, 15);
    expect(g[1]).toBeCloseTo(1 / (1 + Math.exp(1)) / 2, 15);
  });

  it("softmax cross-entropy: ln K for equal logits; gradient (softmax - t)/B", () => {
    const g = new Float64Array(4);
    expect(computeLoss("softmaxCrossEntropy", f([5, 5, 5, 5]), f([0, 0, 1, 0]), 1, 4, g)).toBeCloseTo(
      Math.log(4),
      15,
    );
    expect(Array.from(g)).toEqual([0.25, 0.25, -0.75, 0.25]);
  });

  it("every loss is finite with logits of +-1e4 (no overflow, no log 0)", () => {
    for (const name of LOSS_NAMES) {
      const g = new Float64Array(6);
      const y = f([1e4, -1e4, 0, -1e4, 1e4, 3]);
      const t = name === "softmaxCrossEntropy" ? f([0, 1, 0, 1, 0, 0]) : f([0, 1, 1, 1, 0, 0]);
      const L = computeLoss(name, y, t, 2, 3, g);
      expect(Number.isFinite(L), name).toBe(true);
      for (const v of g) expect(Number.isFinite(v), name).toBe(true);
    }
    // A confidently wrong BCE logit costs |z|: log(1 + e^1e4) = 1e4 exactly in float64.
    expect(computeLoss("bceWithLogits", f([1e4]), f([0]), 1, 1)).toBe(1e4);
    expect(computeLoss("softmaxCrossEntropy", f([1e4, 0]), f([0, 1]), 1, 2)).toBe(1e4);
  });

  it("losses are non-negative and zero only at a perfect fit (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (ys) => {
          const y = Float64Array.from(ys);
          expect(computeLoss("mse", y, y, 1, 3)).toBe(0);
          expect(computeLoss("bceWithLogits", y, f([0, 1, 1]), 1, 3)).toBeGreaterThan(0);
          expect(computeLoss("softmaxCrossEntropy", y, f([0, 1, 0]), 1, 3)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("a null gradient buffer skips the gradient and gives the same loss", () => {
    const y = f([0.3, -1.2, 2]);
    const t = f([0, 0, 1]);
    for (const name of LOSS_NAMES) {
      expect(computeLoss(name, y, t, 1, 3)).toBe(computeLoss(name, y, t, 1, 3, new Float64Array(3)));
    }
  });

  it("accuracy: argmax for several outputs, a threshold for one", () => {
    // rows: argmax 2 vs target 2 (right), argmax 0 vs target 1 (wrong)
    expect(accuracy(f([0, 1, 5, 3, 2, 1]), f([0, 0, 1, 0, 1, 0]), 2, 3)).toBe(0.5);
    expect(accuracy(f([-1, 2, 0.3, -0.2]), f([0, 1, 0, 0]), 4, 1, LOSSES.bceWithLogits.logitThreshold)).toBe(
      0.75,
    );
    expect(accuracy(f([0.4, 0.6]), f([0, 1]), 2, 1, LOSSES.mse.logitThreshold)).toBe(1);
  });

  it("isLossName", () => {
    expect(LOSS_NAMES).toEqual(["mse", "bceWithLogits", "softmaxCrossEntropy"]);
    expect(isLossName("mse")).toBe(true);
    expect(isLossName("hinge")).toBe(false);
  });
});
