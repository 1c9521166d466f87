import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sigmoid } from "../../src/lib/activations";
import {
  type ChainConfig,
  chainGradients,
  explodingBand,
  firstToLastRatio,
  layerBounds,
  productBound,
  smallestDepthBelow,
  uniformChain,
} from "../../src/lib/chain";

const central = (g: (v: number) => number, v: number, h = 1e-5) => (g(v + h) - g(v - h)) / (2 * h);
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
const lossOf = (cfg: ChainConfig) => chainGradients(cfg).loss;
const withAt = (xs: readonly number[], i: number, v: number) => xs.map((x, j) => (j === i ? v : x));

describe("chain of one-neuron layers", () => {
  it("two sigmoid layers by hand: dL/db_1 = sigma'(z_1) w_2 sigma'(z_2) (a_2 - y)", () => {
    const r = chainGradients({
      weights: [0.5, -1.5],
      biases: [0.1, 0.2],
      x: 2,
      target: 1,
      activation: "sigmoid",
    });
    const z1 = 0.5 * 2 + 0.1;
    const a1 = sigmoid(z1);
    const z2 = -1.5 * a1 + 0.2;
    const a2 = sigmoid(z2);
    const s1 = a1 * (1 - a1);
    const s2 = a2 * (1 - a2);
    expect(r.layers[1]?.dLdb).toBeCloseTo(s2 * (a2 - 1), 15);
    expect(r.layers[0]?.dLdb).toBeCloseTo(s1 * -1.5 * s2 * (a2 - 1), 15);
    expect(r.layers[0]?.dLdw).toBeCloseTo(s1 * -1.5 * s2 * (a2 - 1) * 2, 15);
    expect(r.layers[1]?.factor).toBeCloseTo(-1.5 * s2, 15);
    expect(r.dLdaL).toBeCloseTo(a2 - 1, 15);
  });

  it("every dL/db_l and dL/dw_l matches central differences (rel. error < 1e-6), sigmoid and tanh", () => {
    const arb = fc.record({
      depth: fc.integer({ min: 1, max: 8 }),
      seedW: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 8, maxLength: 8 }),
      seedB: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
      x: fc.double({ min: -2, max: 2, noNaN: true }),
      target: fc.double({ min: -1, max: 1, noNaN: true }),
      activation: fc.constantFrom("sigmoid" as const, "tanh" as const),
    });
    fc.assert(
      fc.property(arb, ({ depth, seedW, seedB, x, target, activation }) => {
        const cfg: ChainConfig = {
          weights: seedW.slice(0, depth),
          biases: seedB.slice(0, depth),
          x,
          target,
          activation,
        };
        const r = chainGradients(cfg);
        for (let l = 0; l < depth; l++) {
          const gb = central(
            (v) => lossOf({ ...cfg, biases: withAt(cfg.biases, l, v) }),
            cfg.biases[l] as number,
          );
          const gw = central(
            (v) => lossOf({ ...cfg, weights: withAt(cfg.weights, l, v) }),
            cfg.weights[l] as number,
          );
          const layer = r.layers[l];
          if (!layer) throw new Error("missing layer");
          if (Math.abs(layer.dLdb) > 1e-6) expect(relErr(layer.dLdb, gb)).toBeLessThan(1e-6);
          if (Math.abs(layer.dLdw) > 1e-6) expect(relErr(layer.dLdw, gw)).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it("dL/db_1 is the product of the per-layer factors times sigma'(z_1) dL/da_L", () => {
    const r = chainGradients(uniformChain(6, 0.9, 0.3, 1, 0, "sigmoid"));
    const product = r.layers.slice(1).reduce((p, l) => p * l.factor, 1);
    expect(
      relErr(r.layers[0]?.dLdb as number, (r.layers[0]?.slope as number) * product * r.dLdaL),
    ).toBeLessThan(1e-13);
  });

  it("with |w| <= 1 the sigmoid chain's product of factors never exceeds 4^-(L-1), and each layer sits under its bound", () => {
    expect(productBound(10, 1, "sigmoid")).toBe(4 ** -9);
    expect(productBound(10, 1, "tanh")).toBe(1);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 30, maxLength: 30 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 30, maxLength: 30 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (depth, ws, bs, x) => {
          const r = chainGradients({
            weights: ws.slice(0, depth),
            biases: bs.slice(0, depth),
            x,
            target: 0.5,
            activation: "sigmoid",
          });
          const product = r.layers.slice(1).reduce((p, l) => p * Math.abs(l.factor), 1);
          expect(product).toBeLessThanOrEqual(productBound(depth, 1, "sigmoid"));
          const bounds = layerBounds(depth, 1, r.dLdaL, "sigmoid");
          r.layers.forEach((l, i) => {
            expect(Math.abs(l.dLdb)).toBeLessThanOrEqual((bounds[i] as number) * (1 + 1e-12));
          });
        },
      ),
      { numRuns: 200, seed: 3 },
    );
  });

  it("the first layer of a 10-layer sigmoid chain (w = 1, b = 0) learns over 10^5 times more slowly than the last", () => {
    const ratio = firstToLastRatio(chainGradients(uniformChain(10, 1, 0, 1, 0, "sigmoid")));
    expect(ratio).toBeLessThan(1e-5);
    expect(ratio).toBeGreaterThan(4 ** -9 * 0.1); // within a factor of ten of the bound 4^-9
  });

  it("large |w| near z = 0 explodes: w = 8, b = -4 on a_{l-1} = 1/2 gives factor 2 per layer", () => {
    // z_l = 8 * 0.5 - 4 = 0 at every layer (sigma(0) = 1/2 feeds the next), so each factor is 8 / 4 = 2.
    const r = chainGradients(uniformChain(12, 8, -4, 0.5, 0, "sigmoid"));
    for (const l of r.layers) expect(l.factor).toBeCloseTo(2, 12);
    expect(firstToLastRatio(r)).toBeCloseTo(2 ** 11, 6);
  });

  it("tanh vanishes more slowly than the sigmoid for the same chain", () => {
    const s = firstToLastRatio(chainGradients(uniformChain(10, 1, 0, 0.5, 0, "sigmoid")));
    const t = firstToLastRatio(chainGradients(uniformChain(10, 1, 0, 0.5, 0, "tanh")));
    expect(t).toBeGreaterThan(s * 1000);
  });

  it("smallestDepthBelow finds the first depth whose ratio is under the threshold", () => {
    const d = smallestDepthBelow(1e-6, 1, 0, 1, 0, "sigmoid");
    expect(d).not.toBeNull();
    const at = (L: number) => firstToLastRatio(chainGradients(uniformChain(L, 1, 0, 1, 0, "sigmoid")));
    expect(at(d as number)).toBeLessThan(1e-6);
    expect(at((d as number) - 1)).toBeGreaterThanOrEqual(1e-6);
    // A chain whose factors are exactly 2 never vanishes.
    expect(smallestDepthBelow(1e-6, 8, -4, 0.5, 0, "sigmoid", 50)).toBeNull();
  });

  it("rejects malformed chains", () => {
    expect(() => uniformChain(0, 1, 0, 1, 0, "sigmoid")).toThrow(RangeError);
    expect(() =>
      chainGradients({ weights: [1, 2], biases: [0], x: 1, target: 0, activation: "sigmoid" }),
    ).toThrow(RangeError);
  });
});

describe("the exploding band: |w sigma'(w a + b)| >= 1", () => {
  it("is empty for |w| < 4 and a single point at |w| = 4", () => {
    expect(explodingBand(3.99)).toBeNull();
    expect(explodingBand(-2)).toBeNull();
    const at4 = explodingBand(4);
    expect(at4?.width).toBe(0);
  });
  it("matches Nielsen's closed form and its edges have factor exactly 1", () => {
    for (const w of [5, 6.9, 10, -7, 50]) {
      const band = explodingBand(w, 0.3);
      if (!band) throw new Error("expected a band");
      const aw = Math.abs(w);
      const nielsen = (2 / aw) * Math.log((aw * (1 + Math.sqrt(1 - 4 / aw))) / 2 - 1);
      expect(relErr(band.width, nielsen)).toBeLessThan(1e-12);
      for (const edge of [band.lo, band.hi]) {
        const s = sigmoid(w * edge + 0.3);
        expect(Math.abs(w * s * (1 - s))).toBeCloseTo(1, 9);
      }
    }
  });
  it("is never wider than about 0.45, reached near |w| = 6.9", () => {
    let best = 0;
    let bestW = 0;
    for (let w = 4; w <= 40; w += 0.01) {
      const width = explodingBand(w)?.width ?? 0;
      if (width > best) [best, bestW] = [width, w];
    }
    expect(best).toBeGreaterThan(0.44);
    expect(best).toBeLessThan(0.46);
    expect(bestW).toBeGreaterThan(6.5);
    expect(bestW).toBeLessThan(7.3);
  });
});
