import { describe, expect, it } from "vitest";
import {
  distributionVariance,
  INIT_SCHEMES,
  type InitScheme,
  initBias,
  initDense,
  isInitScheme,
  weightDistribution,
} from "../../../src/lib/inits";
import { createMlp } from "../../../src/lib/mlp";
import { createParam } from "../../../src/lib/params";
import { createRng } from "../../../src/lib/rng";
import { randomArray } from "./helpers";

function variance(a: Float64Array): number {
  let m = 0;
  for (const v of a) m += v;
  m /= a.length;
  let s = 0;
  for (const v of a) s += (v - m) * (v - m);
  return s / a.length;
}

describe("initialisers", () => {
  it("Glorot uniform limit for 784 -> 30 is sqrt(6/814) = 0.0859 (4 d.p.)", () => {
    const d = weightDistribution({ scheme: "glorotUniform" }, 784, 30);
    expect(d.kind).toBe("uniform");
    expect(d.kind === "uniform" && Number(d.limit.toFixed(4))).toBe(0.0859);
  });

  it("each scheme has its textbook variance", () => {
    const nIn = 784;
    const nOut = 30;
    const expected: Record<InitScheme, number> = {
      uniform: 0.5 ** 2 / 3, // a = 0.5
      normal: 0.2 ** 2, // sigma = 0.2
      standard: 1 / (3 * nIn), // n_in Var = 1/3
      glorotUniform: 2 / (nIn + nOut),
      glorotNormal: 2 / (nIn + nOut),
      heNormal: 2 / nIn,
      heUniform: 2 / nIn,
      lecun: 1 / nIn,
    };
    for (const scheme of INIT_SCHEMES) {
      const d = weightDistribution({ scheme, a: 0.5, sigma: 0.2 }, nIn, nOut);
      expect(distributionVariance(d), scheme).toBeCloseTo(expected[scheme], 15);
    }
  });

  it("samples match their distribution: bounds for uniform, variance within 3% (23,520 draws)", () => {
    const rng = createRng(1);
    for (const scheme of INIT_SCHEMES) {
      const spec = { scheme, a: 0.5, sigma: 0.2 };
      const W = createParam("W", 1, "W", [30, 784]);
      initDense(W, null, spec, rng.stream(scheme));
      const d = weightDistribution(spec, 784, 30);
      if (d.kind === "uniform") {
        let max = 0;
        for (const w of W.value) max = Math.max(max, Math.abs(w));
        expect(max).toBeLessThanOrEqual(d.limit);
        expect(max).toBeGreaterThan(0.99 * d.limit);
      }
      expect(variance(W.value) / distributionVariance(d), scheme).toBeGreaterThan(0.97);
      expect(variance(W.value) / distributionVariance(d), scheme).toBeLessThan(1.03);
    }
  });

  it("the scale factor multiplies every weight (same draw, same seed)", () => {
    const a = createParam("W", 1, "W", [8, 8]);
    const b = createParam("W", 1, "W", [8, 8]);
    initDense(a, null, { scheme: "heNormal" }, createRng(3));
    initDense(b, null, { scheme: "heNormal", scale: 4 }, createRng(3));
    a.value.forEach((v, i) => expect(b.value[i]).toBeCloseTo(4 * v, 14));
  });

  it("biases: zero, constant or normal", () => {
    const rng = createRng(4);
    const b = new Float64Array(2000);
    initBias(b, { kind: "zero" }, rng);
    expect(b.every((v) => v === 0)).toBe(true);
    initBias(b, { kind: "constant", value: 0.1 }, rng);
    expect(b.every((v) => v === 0.1)).toBe(true);
    initBias(b, { kind: "normal", sigma: 0.5 }, rng);
    expect(Math.sqrt(variance(b))).toBeGreaterThan(0.45);
    expect(Math.sqrt(variance(b))).toBeLessThan(0.55);
  });

  it("isInitScheme", () => {
    expect(INIT_SCHEMES).toHaveLength(8);
    expect(isInitScheme("heNormal")).toBe(true);
    expect(isInitScheme("orthogonal")).toBe(false);
  });

  describe("variance through depth: width 512, 20 ReLU layers, batch 64", () => {
    /** Variance of each hidden layer's output, over all batch entries and units. */
    function layerVariances(scheme: InitScheme, seed: number): number[] {
      const rng = createRng(seed);
      const mlp = createMlp(
        { inputs: 512, hidden: Array(20).fill(512), outputs: 1, activation: "relu", init: { scheme } },
        rng.stream("init"),
      );
      mlp.forward(randomArray(rng.stream("data"), 64 * 512), 64, "eval");
      return mlp
        .trace()
        .slice(0, 20)
        .map((t) => variance(t.out));
    }

    it("He init keeps activation variance within 20% of the first layer's, at every layer", () => {
      const v = layerVariances("heNormal", 5);
      for (const x of v) {
        expect(x / v[0]!).toBeGreaterThan(0.8);
        expect(x / v[0]!).toBeLessThan(1.2);
      }
    });

    it("sqrt(1/n) (LeCun) init halves it at every layer: 2^-19 after 20 layers", () => {
      const v = layerVariances("lecun", 5);
      for (let l = 1; l < v.length; l++) {
        expect(v[l]! / v[l - 1]!).toBeGreaterThan(0.4);
        expect(v[l]! / v[l - 1]!).toBeLessThan(0.6);
      }
      const total = v[19]! / v[0]!;
      expect(total).toBeGreaterThan(0.5 ** 19 * 0.5);
      expect(total).toBeLessThan(0.5 ** 19 * 2);
    });
  });
});
