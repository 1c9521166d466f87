import { describe, expect, it } from "vitest";
import {
  distributionVariance,
  INIT_SCHEMES,
  type InitScheme,
  type InitSpec,
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
    for (const [i, v] of a.value.entries()) expect(b.value[i]).toBeCloseTo(4 * v, 14);
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

  /**
   * He et al.'s argument is about the expectation over the weight draw. At width 512 a single
   * network's per-layer gain still fluctuates by about 10% (the relative spread of
   * (1/n) sum_j relu(w_j . a)^2 is sqrt(5/4) / (1/2) / sqrt(512) ~ 0.1), and those fluctuations
   * compound over 20 layers to +-40%, so one draw proves nothing either way. The tests average
   * each layer's variance over 64 independent networks (one input each), which shrinks the
   * wander to a few percent. Uniform draws with the stated variance keep the 64 x 5.2M draws fast.
   */
  describe("variance through depth: width 512, 20 ReLU layers, averaged over 64 initialisations", () => {
    const NETS = 64;
    function layerVariances(init: InitSpec, seed: number): number[] {
      const rng = createRng(seed);
      const acc = new Array<number>(20).fill(0);
      // One model, its weights redrawn in place for each of the 64 networks (no 84 MB per draw).
      const mlp = createMlp(
        { inputs: 512, hidden: Array(20).fill(512), outputs: 1, activation: "relu", init },
        rng,
      );
      for (let k = 0; k < NETS; k++) {
        const draw = rng.stream(`init${k}`);
        for (const L of mlp.layers) initDense(L.W, L.b, init, draw);
        mlp.forward(randomArray(rng.stream(`data${k}`), 512), 1, "eval");
        const traces = mlp.trace();
        for (let l = 0; l < 20; l++) acc[l] = acc[l]! + variance(traces[l]!.out) / NETS;
      }
      return acc;
    }

    it("He init (Var[W] = 2/n) keeps activation variance within 20% of the first layer's, at every layer", () => {
      const v = layerVariances({ scheme: "heUniform" }, 5);
      // Layer 1: z = W x has variance 2, and relu(z) then has variance 2 (1/2 - 1/(2 pi)) = 1 - 1/pi.
      expect(v[0]! / (1 - 1 / Math.PI)).toBeGreaterThan(0.9);
      expect(v[0]! / (1 - 1 / Math.PI)).toBeLessThan(1.1);
      for (const x of v) {
        expect(x / v[0]!).toBeGreaterThan(0.8);
        expect(x / v[0]!).toBeLessThan(1.2);
      }
    }, 180_000);

    it("sqrt(1/n) init (Var[W] = 1/n) halves it at every layer: 2^-19 after 20 layers", () => {
      const v = layerVariances({ scheme: "uniform", a: Math.sqrt(3 / 512) }, 5);
      for (let l = 1; l < v.length; l++) {
        expect(v[l]! / v[l - 1]!).toBeGreaterThan(0.45);
        expect(v[l]! / v[l - 1]!).toBeLessThan(0.55);
      }
      const total = v[19]! / v[0]!;
      expect(total / 0.5 ** 19).toBeGreaterThan(0.75);
      expect(total / 0.5 ** 19).toBeLessThan(1.33);
    }, 180_000);
  });
});
