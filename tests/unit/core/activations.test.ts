import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTIVATION_NAMES,
  ACTIVATIONS,
  isActivationName,
  sigmoid,
  sigmoidPrime,
  tanhPrime,
} from "../../../src/lib/activations";
import { activateInto, activationBackward, slopeInto } from "../../../src/lib/mlp";

/**
 * Grid on [-5, 5] that avoids the ReLU kink at 0 by more than the difference step. Beyond
 * |x| = 5 a central difference of tanh cannot reach 1e-6: tanh(x +- h) agree in all but the
 * last ~5 digits, so the difference quotient itself carries ~1e-11 / f'(x) relative error.
 * The tails are covered instead by the closed forms sigmoidPrime and tanhPrime below.
 */
const GRID = Array.from({ length: 101 }, (_, i) => -5 + i * 0.1 + 0.003);

describe("activations", () => {
  it.each(ACTIVATION_NAMES)("%s: f' matches a central difference of f (rel < 1e-6)", (name) => {
    const a = ACTIVATIONS[name];
    const h = 1e-5;
    for (const x of GRID) {
      const numeric = (a.f(x + h) - a.f(x - h)) / (2 * h);
      const analytic = a.df(x, a.f(x));
      const rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), 1e-7);
      expect(rel, `${name} at x=${x}: ${analytic} vs ${numeric}`).toBeLessThan(1e-6);
    }
  });

  it.each(ACTIVATION_NAMES)("%s: finite value and slope for |x| up to 1e4 and beyond", (name) => {
    const a = ACTIVATIONS[name];
    for (const x of [-1e300, -1e4, -745, -710, -50, 50, 710, 745, 1e4, 1e300]) {
      const y = a.f(x);
      expect(Number.isFinite(y) || (name === "linear" && Math.abs(x) > 1e4), `${name}(${x})`).toBe(true);
      expect(Number.isNaN(a.df(x, y)), `${name}'(${x})`).toBe(false);
    }
  });

  it("sigmoid saturates to exactly 0 and 1 at |x| = 1e4, with zero slope and no NaN", () => {
    expect(sigmoid(1e4)).toBe(1);
    expect(sigmoid(-1e4)).toBe(0);
    expect(sigmoidPrime(1e4)).toBe(0);
    expect(sigmoidPrime(-1e4)).toBe(0);
    expect(tanhPrime(1e4)).toBe(0);
    expect(ACTIVATIONS.tanh.f(-1e4)).toBe(-1);
    expect(ACTIVATIONS.softsign.f(1e4)).toBeCloseTo(1e4 / 10001, 15);
  });

  it("sigma'(0) = 1/4 is the maximum of sigma', and sigma' ~ e^-|x| on the tails", () => {
    expect(sigmoidPrime(0)).toBe(0.25);
    expect(ACTIVATIONS.sigmoid.df(0, sigmoid(0))).toBe(0.25);
    for (let x = -20; x <= 20; x += 0.001) expect(sigmoidPrime(x)).toBeLessThanOrEqual(0.25);
    // sigma'(x) e^|x| -> 1 as |x| grows: sigma'(x) = e^-|x| / (1 + e^-|x|)^2.
    expect(sigmoidPrime(20) * Math.exp(20)).toBeCloseTo(1, 7);
    expect(sigmoidPrime(-30) * Math.exp(30)).toBeCloseTo(1, 12);
  });

  it("tanh' has maximum 1 at 0, and tanh = 2 sigma(2x) - 1", () => {
    expect(tanhPrime(0)).toBe(1);
    for (let x = -10; x <= 10; x += 0.001) {
      expect(tanhPrime(x)).toBeLessThanOrEqual(1);
      expect(2 * sigmoid(2 * x) - 1).toBeCloseTo(Math.tanh(x), 14);
    }
  });

  it("each registry maxSlope is the supremum of f' (sampled)", () => {
    for (const name of ACTIVATION_NAMES) {
      const a = ACTIVATIONS[name];
      let sup = 0;
      for (let x = -10; x <= 10; x += 0.0005) sup = Math.max(sup, a.df(x, a.f(x)));
      expect(sup, name).toBeLessThanOrEqual(a.maxSlope + 1e-15);
      expect(sup, name).toBeGreaterThan(a.maxSlope * (1 - 1e-6));
    }
  });

  it("sigmoidPrime and tanhPrime (from x) agree with df (from y), tails included", () => {
    for (let x = -30; x <= 30; x += 0.25) {
      expect(sigmoidPrime(x)).toBeCloseTo(ACTIVATIONS.sigmoid.df(x, sigmoid(x)), 15);
      expect(tanhPrime(x)).toBeCloseTo(ACTIVATIONS.tanh.df(x, Math.tanh(x)), 15);
    }
  });

  it("the batched kernels compute exactly the registry's f and f'", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTIVATION_NAMES),
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (name, xs) => {
          const a = ACTIVATIONS[name];
          const z = Float64Array.from(xs);
          const n = z.length;
          const y = new Float64Array(n);
          activateInto(name, z, y, n);
          const dA = Float64Array.from(xs, (_, i) => 0.5 + i);
          const dZ = new Float64Array(n);
          activationBackward(name, z, y, dA, dZ, n);
          const s = new Float64Array(n);
          slopeInto(name, z, y, s, n);
          for (let i = 0; i < n; i++) {
            const x = z[i]!;
            // === rather than Object.is: the kernels may give -0 where the registry gives 0.
            expect(y[i] === a.f(x), `${name} f(${x})`).toBe(true);
            expect(s[i] === a.df(x, a.f(x)), `${name} f'(${x})`).toBe(true);
            expect(dZ[i] === dA[i]! * a.df(x, a.f(x)), `${name} dZ(${x})`).toBe(true);
          }
        },
      ),
    );
  });

  it.each(ACTIVATION_NAMES)("%s: a NaN input stays NaN, in the registry and in the kernel", (name) => {
    // A diverged layer must look diverged: no activation may turn NaN into a finite number.
    expect(Number.isNaN(ACTIVATIONS[name].f(Number.NaN))).toBe(true);
    const y = new Float64Array(1);
    activateInto(name, Float64Array.of(Number.NaN), y, 1);
    expect(Number.isNaN(y[0])).toBe(true);
  });

  it("isActivationName accepts exactly the registry's names", () => {
    for (const n of ACTIVATION_NAMES) expect(isActivationName(n)).toBe(true);
    expect(isActivationName("swish")).toBe(false);
    expect(isActivationName(3)).toBe(false);
  });
});
