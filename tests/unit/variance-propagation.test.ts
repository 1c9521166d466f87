import { describe, expect, it } from "vitest";
import { distributionVariance, weightDistribution } from "../../src/lib/inits";
import { layerGain, propagateVariance, propagateVarianceSteps } from "../../src/lib/variance-propagation";

/** Geometric mean of the per-layer ratio of a series (its average factor per layer). */
function perLayerFactor(xs: readonly number[]): number {
  return (xs[xs.length - 1]! / xs[0]!) ** (1 / (xs.length - 1));
}

describe("init variances", () => {
  it("Glorot: Var[W] = 2/(n_in+n_out), uniform limit sqrt(6/(n_in+n_out)); He: Var[W] = 2/n_in", () => {
    const g = weightDistribution({ scheme: "glorotUniform" }, 30, 10);
    expect(g).toEqual({ kind: "uniform", limit: Math.sqrt(6 / 40) });
    expect(distributionVariance(g)).toBeCloseTo(2 / 40, 14);
    expect(distributionVariance(weightDistribution({ scheme: "heNormal" }, 30, 10))).toBeCloseTo(2 / 30, 14);
    expect(distributionVariance(weightDistribution({ scheme: "standard" }, 30, 10))).toBeCloseTo(1 / 90, 14);
  });

  it("layerGain: 1 for tanh+Glorot and ReLU+He at equal widths, 1/3 and 1/6 for the standard init", () => {
    expect(layerGain("tanh", "glorotUniform", 64, 64)!.forward).toBeCloseTo(1, 12);
    expect(layerGain("relu", "heNormal", 64, 64)!.forward).toBeCloseTo(1, 12);
    expect(layerGain("tanh", "standard", 64, 64)!.forward).toBeCloseTo(1 / 3, 12);
    expect(layerGain("relu", "standard", 64, 64)!.forward).toBeCloseTo(1 / 6, 12);
    expect(layerGain("sigmoid", "standard", 64, 64)).toBeNull();
  });
});

describe("propagateVariance (Monte Carlo through the core's initialisers)", () => {
  const run = (activation: "relu" | "tanh" | "sigmoid", scheme: "standard" | "glorotUniform" | "heNormal") =>
    propagateVariance({ activation, scheme, width: 128, depth: 12, batch: 64, seed: 3 });

  it("is deterministic for a seed and has one row per layer", () => {
    const a = run("relu", "heNormal");
    expect(a).toHaveLength(12);
    expect(run("relu", "heNormal")).toEqual(a);
    expect(
      propagateVariance({
        activation: "relu",
        scheme: "heNormal",
        width: 128,
        depth: 12,
        batch: 64,
        seed: 4,
      }),
    ).not.toEqual(a);
  });

  it("ReLU + He keeps the pre-activation variance (factor ~1 per layer); standard shrinks it ~6x per layer", () => {
    const he = perLayerFactor(run("relu", "heNormal").map((r) => r.preActivation));
    const std = perLayerFactor(run("relu", "standard").map((r) => r.preActivation));
    expect(he).toBeGreaterThan(0.85);
    expect(he).toBeLessThan(1.15);
    expect(std).toBeGreaterThan(1 / 8);
    expect(std).toBeLessThan(1 / 4.5);
  });

  it("tanh + Glorot keeps activations and gradients far steadier than the standard init", () => {
    const gl = run("tanh", "glorotUniform");
    const st = run("tanh", "standard");
    const glA = perLayerFactor(gl.map((r) => r.activation));
    expect(glA).toBeGreaterThan(0.8);
    expect(perLayerFactor(st.map((r) => r.activation))).toBeLessThan(0.45);
    // Backwards (top layer first): the gradient variance of layer 1 relative to layer 12.
    const back = (rows: typeof gl) => rows[0]!.gradient / rows[rows.length - 1]!.gradient;
    // tanh' < 1 off zero, so even Glorot loses some gradient variance per layer (Glorot & Bengio saw this too).
    expect(back(gl)).toBeGreaterThan(0.01);
    expect(back(st)).toBeLessThan(1e-4);
    expect(back(gl)).toBeGreaterThan(1000 * back(st));
  });

  it("sigmoid: the gradient variance shrinks by orders of magnitude towards the input under every scheme", () => {
    for (const scheme of ["standard", "glorotUniform", "heNormal"] as const) {
      const rows = run("sigmoid", scheme);
      expect(rows[0]!.gradient / rows[rows.length - 1]!.gradient, scheme).toBeLessThan(1e-3);
    }
  });

  it("pieces of work (propagateVarianceSteps): 2 per layer, and exactly the numbers of one call", () => {
    const opts = { activation: "relu", scheme: "heNormal", width: 24, depth: 7, batch: 32, seed: 1 } as const;
    const steps = propagateVarianceSteps(opts);
    let pieces = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pieces++;
    expect(pieces).toBe(2 * 7);
    expect(r.value).toEqual(propagateVariance(opts));
    // Pinned from the single-task version this replaced (commit c99c1e8): splitting the work
    // must not change a single draw or sum.
    expect(r.value[0]).toEqual({
      layer: 1,
      preActivation: 2.0979243215521124,
      activation: 0.7138762489768095,
      gradient: 0.33381979048237304,
    });
    expect(r.value[6]).toEqual({
      layer: 7,
      preActivation: 0.32105387773273336,
      activation: 0.08595011684014063,
      gradient: 0.5506875091564192,
    });
  });
});
