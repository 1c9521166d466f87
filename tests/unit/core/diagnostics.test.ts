import { describe, expect, it } from "vitest";
import { sigmoid } from "../../../src/lib/activations";
import { clipGradients } from "../../../src/lib/clip";
import {
  collectMlpDiagnostics,
  createMlpDiagnostics,
  deadFraction,
  diagnosticsToJSON,
  findNonFinite,
  SATURATION_THRESHOLD,
  saturatedFraction,
  saturationCutoff,
} from "../../../src/lib/diagnostics";
import { computeLoss } from "../../../src/lib/losses";
import { createMlp, type MlpSpec } from "../../../src/lib/mlp";
import { createOptimiser } from "../../../src/lib/optimisers";
import { createRng } from "../../../src/lib/rng";
import { randomArray, randomTargets } from "./helpers";

/** One SGD step on a random batch; returns the model, optimiser and its diagnostics. */
function stepOnce(spec: MlpSpec, seed = 1, lr = 0.1, histograms = false) {
  const rng = createRng(seed);
  const mlp = createMlp(spec, rng.stream("init"));
  const opt = createOptimiser({ name: "sgd", lr }, mlp.params);
  const batch = 16;
  const x = randomArray(rng, batch * spec.inputs);
  const t = randomTargets(rng, "bceWithLogits", batch, spec.outputs);
  const d = new Float64Array(batch * spec.outputs);
  mlp.zeroGrads();
  const loss = computeLoss("bceWithLogits", mlp.forward(x, batch), t, batch, spec.outputs, d);
  mlp.backward(d);
  opt.step();
  const diag = collectMlpDiagnostics(mlp, opt, createMlpDiagnostics(mlp, { histograms }));
  return { mlp, opt, diag, loss, batch };
}

describe("diagnostics", () => {
  it("saturation cutoffs solve f'(p) = 5% of the maximum slope in closed form", () => {
    expect(SATURATION_THRESHOLD).toBe(0.05);
    // sigma(1 - sigma) = 0.0125  =>  sigma = (1 + sqrt(0.95)) / 2,  p = ln(sigma / (1 - sigma))
    const s = (1 + Math.sqrt(0.95)) / 2;
    expect(saturationCutoff("sigmoid")).toBeCloseTo(Math.log(s / (1 - s)), 9);
    expect(4 * sigmoid(4.3) * (1 - sigmoid(4.3))).toBeGreaterThan(0.05); // just inside
    // 1 - tanh^2 p = 0.05  =>  p = atanh(sqrt(0.95))
    expect(saturationCutoff("tanh")).toBeCloseTo(Math.atanh(Math.sqrt(0.95)), 9);
    // (1 + p)^-2 = 0.05  =>  p = 1/sqrt(0.05) - 1
    expect(saturationCutoff("softsign")).toBeCloseTo(1 / Math.sqrt(0.05) - 1, 9);
    expect(saturationCutoff("relu")).toBe(Number.POSITIVE_INFINITY);
  });

  it("saturated and dead fractions count what they say", () => {
    const pre = Float64Array.from([0, 5, -5, 1, 10, -0.5]); // [2, 3]: rows (0, 5, -5), (1, 10, -0.5)
    expect(saturatedFraction("sigmoid", pre, 6)).toBeCloseTo(3 / 6, 15);
    expect(saturatedFraction("tanh", pre, 6)).toBeCloseTo(3 / 6, 15);
    expect(saturatedFraction("relu", pre, 6)).toBe(0);
    const act = pre.map((v) => Math.max(v, 0));
    // column 2 is (-5, -0.5): negative in every row, so that ReLU unit is dead; columns 0 and 1 are not
    expect(deadFraction("relu", pre, act, 2, 3)).toBeCloseTo(1 / 3, 15);
    expect(deadFraction("leakyRelu", pre, act, 2, 3)).toBe(0);
  });

  it("large initial weights saturate a sigmoid network; small ones do not", () => {
    const spec: MlpSpec = { inputs: 8, hidden: [32, 32], outputs: 1, activation: "sigmoid" };
    const big = stepOnce({ ...spec, init: { scheme: "normal", sigma: 5 } });
    const small = stepOnce({ ...spec, init: { scheme: "glorotUniform" } });
    expect(big.diag.layers[1]!.saturatedFraction).toBeGreaterThan(0.5);
    expect(small.diag.layers[1]!.saturatedFraction).toBeLessThan(0.05);
    expect(big.diag.layers[1]!.preStd).toBeGreaterThan(10 * small.diag.layers[1]!.preStd);
    expect(big.diag.layers[2]!.saturatedFraction).toBe(0); // the output layer is linear
  });

  it("a strongly negative ReLU bias kills every unit", () => {
    const spec: MlpSpec = { inputs: 4, hidden: [10], outputs: 1, activation: "relu" };
    const dead = stepOnce({ ...spec, init: { scheme: "heNormal", bias: { kind: "constant", value: -100 } } });
    const alive = stepOnce({ ...spec, init: { scheme: "heNormal", bias: { kind: "constant", value: 100 } } });
    expect(dead.diag.layers[0]!.deadFraction).toBe(1);
    expect(dead.diag.layers[0]!.gradNormW).toBe(0);
    expect(alive.diag.layers[0]!.deadFraction).toBe(0);
  });

  it("norms: dL/db is the batch sum of delta; update ratio is ||Delta W|| / ||W||", () => {
    const { mlp, diag, batch } = stepOnce({ inputs: 3, hidden: [5, 4], outputs: 1, activation: "tanh" });
    mlp.layers.forEach((L, l) => {
      const d = diag.layers[l]!;
      const delta = mlp.trace()[l]!.delta;
      const colSums = Array.from({ length: L.nOut }, (_, j) => {
        let s = 0;
        for (let b = 0; b < batch; b++) s += delta[b * L.nOut + j]!;
        return s;
      });
      expect(d.gradNormB).toBeCloseTo(Math.hypot(...colSums), 14);
      expect(d.gradNormW).toBeCloseTo(Math.hypot(...L.W.grad), 14);
      expect(d.weightNorm).toBeCloseTo(Math.hypot(...L.W.value), 14);
      // SGD: ||Delta W|| = lr ||dL/dW||
      expect(d.updateNorm).toBeCloseTo(0.1 * d.gradNormW, 14);
      expect(d.updateRatio).toBeCloseTo(d.updateNorm / d.weightNorm, 14);
    });
    expect(diag.gradNorm).toBeCloseTo(clipGradients(mlp.params, { kind: "none", threshold: 0 }).preNorm, 14);
  });

  it("shows the vanishing gradient: in a deep sigmoid net the first layer learns far slower than the last", () => {
    const { diag } = stepOnce({
      inputs: 4,
      hidden: Array(8).fill(16),
      outputs: 1,
      activation: "sigmoid",
      init: { scheme: "standard" },
    });
    const speeds = diag.layers.slice(0, 8).map((d) => d.gradNormB);
    expect(speeds[0]! / speeds[7]!).toBeLessThan(1e-3);
    // and it falls layer by layer toward the input
    for (let l = 1; l < 8; l++) expect(speeds[l - 1]!).toBeLessThan(speeds[l]!);
  });

  it("histograms, when on, hold every gradient entry and every activation", () => {
    const { mlp, diag, batch } = stepOnce(
      { inputs: 3, hidden: [6], outputs: 1, activation: "sigmoid" },
      2,
      0.1,
      true,
    );
    const d = diag.layers[0]!;
    expect(d.gradHistogram!.total).toBe(mlp.layers[0]!.W.grad.length);
    expect(d.actHistogram!.total).toBe(batch * 6);
    expect(d.actHistogram!.under + d.actHistogram!.over).toBe(0); // sigmoid outputs lie in (0, 1)
    const json = diagnosticsToJSON(diag);
    expect(JSON.parse(JSON.stringify(json)).layers[0].gradHistogram.total).toBe(18);
    const off = stepOnce({ inputs: 3, hidden: [6], outputs: 1, activation: "sigmoid" });
    expect(off.diag.layers[0]!.gradHistogram).toBeNull();
  });

  it("findNonFinite names the first non-finite loss, gradient or weight", () => {
    const { mlp } = stepOnce({ inputs: 2, hidden: [3], outputs: 1, activation: "relu" });
    expect(findNonFinite(0.5, mlp.params)).toBeNull();
    expect(findNonFinite(Number.NaN, mlp.params)).toBe("loss is NaN");
    mlp.params[2]!.grad[1] = Number.POSITIVE_INFINITY;
    expect(findNonFinite(0.5, mlp.params)).toBe("gradient of layer2.W is Infinity at entry 1");
    mlp.params[2]!.grad[1] = 0;
    mlp.params[0]!.value[0] = Number.NaN;
    expect(findNonFinite(0.5, mlp.params)).toBe("weight of layer1.W is NaN at entry 0");
  });

  it("a huge learning rate ends in a reported divergence, not an exception", () => {
    const rng = createRng(9);
    const mlp = createMlp(
      { inputs: 2, hidden: [16, 16], outputs: 1, activation: "relu", init: { scheme: "heNormal" } },
      rng,
    );
    const opt = createOptimiser({ name: "sgd", lr: 1e6 }, mlp.params);
    const x = randomArray(rng, 32 * 2);
    const t = randomArray(rng, 32);
    const d = new Float64Array(32);
    let reason: string | null = null;
    let step = 0;
    for (; step < 100 && reason === null; step++) {
      mlp.zeroGrads();
      const loss = computeLoss("mse", mlp.forward(x, 32), t, 32, 1, d);
      mlp.backward(d);
      reason = findNonFinite(loss, mlp.params);
      opt.step();
    }
    expect(reason).not.toBeNull();
    expect(step).toBeLessThan(100);
  });
});
