import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  LOSS_NAMES,
  type LossName,
  lossAt,
  lossGrid,
  neuronStep,
  softplus,
  stepsToReach,
  trainNeuron,
} from "../../src/lib/neuron";

/** Central finite difference of g at v with step h. */
const central = (g: (v: number) => number, v: number, h = 1e-5) => (g(v + h) - g(v - h)) / (2 * h);
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);

describe("one sigmoid neuron: hand-computed steps", () => {
  it("squared error, w = 0.5, b = 0, x = 1, y = 1, eta = 1", () => {
    const s = neuronStep({ w: 0.5, b: 0 }, { x: 1, target: 1, eta: 1, loss: "squared" });
    // a = 1/(1+e^-0.5), sigma' = a(1-a), dL/dw = (a-1) sigma' * 1 (values from an independent calculation)
    expect(s.z).toBe(0.5);
    expect(s.a).toBeCloseTo(0.6224593312018546, 14);
    expect(s.dLda).toBeCloseTo(-0.3775406687981454, 14);
    expect(s.sigmaPrime).toBeCloseTo(0.2350037122015945, 14);
    expect(s.dLdw).toBeCloseTo(-0.08872345867463687, 14);
    expect(s.dLdb).toBeCloseTo(-0.08872345867463687, 14);
    expect(s.wNext).toBeCloseTo(0.5887234586746368, 14);
    expect(s.bNext).toBeCloseTo(0.08872345867463687, 14);
    expect(s.loss).toBeCloseTo(0.5 * 0.3775406687981454 ** 2, 14);
  });

  it("the saturated preset (w = 6, x = 2, y = 0) barely moves under squared error despite a near-total error", () => {
    const task = { x: 2, target: 0, eta: 1, loss: "squared" as const };
    const s = neuronStep({ w: 6, b: 0 }, task);
    expect(s.a).toBeCloseTo(0.9999938558253978, 14);
    // tiny numbers: compare relatively (the reference's a(1 - a) loses a few digits to cancellation)
    expect(relErr(s.sigmaPrime, 6.144136851325744e-6)).toBeLessThan(1e-9);
    expect(relErr(s.dLdw, 1.2288198201352298e-5)).toBeLessThan(1e-9);
    expect(s.wNext).toBeCloseTo(5.999987711801799, 14);
    // With cross-entropy sigma' cancels: dL/dw = (a - y) x, about 2, and w drops to about 4 in one step.
    const ce = neuronStep({ w: 6, b: 0 }, { ...task, loss: "crossEntropy" });
    expect(ce.dLdw).toBeCloseTo(1.9999877116507956, 14);
    expect(ce.wNext).toBeCloseTo(4.000012288349204, 14);
  });

  it("cross-entropy reaches a small loss orders of magnitude sooner from the saturated start", () => {
    const start = { w: 6, b: 0 };
    const sq = stepsToReach(start, { x: 2, target: 0, eta: 1, loss: "squared" }, 0.01, 100_000);
    const ce = stepsToReach(start, { x: 2, target: 0, eta: 1, loss: "crossEntropy" }, 0.01, 100_000);
    expect(sq).not.toBeNull();
    expect(ce).not.toBeNull();
    expect((sq as number) / (ce as number)).toBeGreaterThan(100);
  });

  it("the stepper's trajectory chains each step's (wNext, bNext) into the next step", () => {
    const steps = trainNeuron({ w: -1, b: 2 }, { x: 0.7, target: 0.2, eta: 0.5, loss: "squared" }, 5);
    expect(steps).toHaveLength(5);
    for (let i = 1; i < steps.length; i++) {
      expect(steps[i]?.w).toBe(steps[i - 1]?.wNext);
      expect(steps[i]?.b).toBe(steps[i - 1]?.bNext);
    }
    // small eta on a smooth loss: every step lowers it
    for (let i = 1; i < steps.length; i++)
      expect(steps[i]?.loss as number).toBeLessThan(steps[i - 1]?.loss as number);
  });
});

describe("one sigmoid neuron: gradients agree with central finite differences", () => {
  const arb = fc.record({
    w: fc.double({ min: -4, max: 4, noNaN: true }),
    b: fc.double({ min: -3, max: 3, noNaN: true }),
    x: fc.double({ min: -2, max: 2, noNaN: true }),
    target: fc.double({ min: 0, max: 1, noNaN: true }),
    loss: fc.constantFrom<LossName>(...LOSS_NAMES),
  });
  it("dL/dw and dL/db to relative error < 1e-6", () => {
    fc.assert(
      fc.property(arb, ({ w, b, x, target, loss }) => {
        const task = { x, target, eta: 0.1, loss };
        const s = neuronStep({ w, b }, task);
        const fw = central((v) => lossAt({ w: v, b }, task), w);
        const fb = central((v) => lossAt({ w, b: v }, task), b);
        // Skip near-zero gradients where the difference quotient is pure rounding noise.
        if (Math.abs(s.dLdw) > 1e-6) expect(relErr(s.dLdw, fw)).toBeLessThan(1e-6);
        if (Math.abs(s.dLdb) > 1e-6) expect(relErr(s.dLdb, fb)).toBeLessThan(1e-6);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("dL/da agrees with the difference quotient of the loss in a, and dL/dz = dL/da * sigma'", () => {
    for (const loss of LOSS_NAMES) {
      const s = neuronStep({ w: 0.8, b: -0.3 }, { x: 1.5, target: 0.25, eta: 1, loss });
      // L as a function of a directly
      const La = (a: number) =>
        loss === "squared" ? 0.5 * (a - 0.25) ** 2 : -(0.25 * Math.log(a) + 0.75 * Math.log(1 - a));
      expect(relErr(s.dLda, central(La, s.a, 1e-7))).toBeLessThan(1e-6);
      expect(relErr(s.dLdz, s.dLda * s.sigmaPrime)).toBeLessThan(1e-12);
    }
  });
});

describe("losses stay finite when the neuron saturates", () => {
  it("cross-entropy at z = ±800 is finite and correct", () => {
    expect(lossAt({ w: 400, b: 0 }, { x: 2, target: 0, loss: "crossEntropy" })).toBeCloseTo(800, 9);
    expect(lossAt({ w: -400, b: 0 }, { x: 2, target: 0, loss: "crossEntropy" })).toBeCloseTo(0, 12);
    expect(softplus(-800)).toBe(0);
    expect(softplus(0)).toBeCloseTo(Math.LN2, 15);
  });
  it("lossGrid samples the surface row-major by b, both ends included", () => {
    const task = { x: 2, target: 0, loss: "squared" as const };
    const g = lossGrid(task, { min: -2, max: 6 }, { min: -1, max: 1 }, 5, 3);
    expect(Array.from(g.w)).toEqual([-2, 0, 2, 4, 6]);
    expect(Array.from(g.b)).toEqual([-1, 0, 1]);
    expect(g.loss[2 * 5 + 4]).toBeCloseTo(lossAt({ w: 6, b: 1 }, task), 15);
    expect(() => lossGrid(task, { min: 0, max: 1 }, { min: 0, max: 1 }, 0, 3)).toThrow(RangeError);
  });
});
