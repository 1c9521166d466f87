/**
 * Optimisers against step sequences worked out by hand. Two weights w = [1, -2] receive the
 * gradients g1 = [0.5, -1], g2 = [0.1, 0.2], g3 = [-0.3, 0.4] in turn (set directly, so the
 * test exercises the update rule alone). The expected numbers are written out below with the
 * arithmetic that gives them.
 */
import { describe, expect, it } from "vitest";
import {
  createOptimiser,
  isOptimiserName,
  OPTIMISER_NAMES,
  type OptimiserSpec,
} from "../../../src/lib/optimisers";
import { createParam, type Param } from "../../../src/lib/params";

const G = [
  [0.5, -1],
  [0.1, 0.2],
  [-0.3, 0.4],
] as const;

function weight(values: readonly number[], kind: "W" | "b" = "W"): Param {
  const p = createParam(kind === "W" ? "layer1.W" : "layer1.b", 1, kind, [values.length]);
  p.value.set(values);
  return p;
}

/** Run the optimiser over the gradient sequence, returning w after each step. */
function run(spec: OptimiserSpec, steps = 3): number[][] {
  const p = weight([1, -2]);
  const opt = createOptimiser(spec, [p]);
  const out: number[][] = [];
  for (let t = 0; t < steps; t++) {
    p.grad.set(G[t]!);
    opt.step();
    out.push(Array.from(p.value));
  }
  return out;
}

function expectClose(actual: number[], expected: number[], digits = 12) {
  for (const [i, a] of actual.entries()) expect(a).toBeCloseTo(expected[i]!, digits);
}

describe("optimisers", () => {
  it("sgd: w <- w - 0.1 g", () => {
    const w = run({ name: "sgd", lr: 0.1 });
    expectClose(w[0]!, [0.95, -1.9]); // [1 - 0.05, -2 + 0.1]
    expectClose(w[1]!, [0.94, -1.92]); // [0.95 - 0.01, -1.9 - 0.02]
    expectClose(w[2]!, [0.97, -1.96]); // [0.94 + 0.03, -1.92 - 0.04]
  });

  it("momentum (mu 0.9): v <- 0.9 v - 0.1 g, w <- w + v", () => {
    const w = run({ name: "momentum", lr: 0.1, momentum: 0.9 });
    // v1 = -0.1 g1 = [-0.05, 0.1]
    expectClose(w[0]!, [0.95, -1.9]);
    // v2 = 0.9 [-0.05, 0.1] - 0.1 [0.1, 0.2] = [-0.055, 0.07]
    expectClose(w[1]!, [0.895, -1.83]);
    // v3 = 0.9 [-0.055, 0.07] - 0.1 [-0.3, 0.4] = [-0.0195, 0.023]
    expectClose(w[2]!, [0.8755, -1.807]);
  });

  it("rmsprop (rho 0.9, eps 0): s <- 0.9 s + 0.1 g^2, w <- w - 0.01 g / sqrt(s)", () => {
    const w = run({ name: "rmsprop", lr: 0.01, rho: 0.9, eps: 0 });
    // s1 = [0.025, 0.1]; the step is 0.01 * 0.5/sqrt(0.025) = 0.01 * sqrt(10) = 0.0316227766...
    expectClose(w[0]!, [1 - 0.01 * Math.sqrt(10), -2 + 0.01 * Math.sqrt(10)]);
    // s2 = [0.0235, 0.094]; steps 0.01 * 0.1/sqrt(0.0235) and 0.01 * 0.2/sqrt(0.094) = 0.00652328...
    expectClose(w[1]!, [0.9618539426677818, -1.9749005041288505]);
    // s3 = [0.9*0.0235 + 0.1*0.09, 0.9*0.094 + 0.1*0.16] = [0.03015, 0.1006]
    expectClose(w[2]!, [0.979131311179409, -1.9875118373512393]);
  });

  it("adam (0.9, 0.999, eps 0): bias-corrected moments, three steps", () => {
    const w = run({ name: "adam", lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 0 });
    // t=1: m = 0.1 g1 = [0.05, -0.1], v = 0.001 g1^2 = [0.00025, 0.001];
    //      m_hat = m / 0.1 = g1, v_hat = v / 0.001 = g1^2, so the step is -0.1 sign(g1).
    expectClose(w[0]!, [0.9, -1.9]);
    // t=2: m = [0.055, -0.07], v = [0.00025975, 0.001039];
    //      m_hat = m / 0.19 = [0.28947368, -0.36842105], v_hat = v / 0.001999 = [0.12993997, 0.51975988]
    //      step = -0.1 m_hat / sqrt(v_hat) = [-0.08030410, 0.05110261]
    expectClose(w[1]!, [0.8196959021569026, -1.8488973922816652]);
    // t=3: m = [0.0195, -0.023], v = [0.00034949025, 0.001197961];
    //      m_hat = m / 0.271, v_hat = v / 0.002997001
    expectClose(w[2]!, [0.7986246069187134, -1.835473432287001]);
  });

  it("adam without bias correction would differ: the first step is lr, whatever the gradient's scale", () => {
    for (const scale of [1e-3, 1, 1e6]) {
      const p = weight([0, 0]);
      const opt = createOptimiser({ name: "adam", lr: 0.01 }, [p]);
      p.grad.set([3 * scale, -scale]);
      opt.step();
      // m_hat / sqrt(v_hat) = g / |g| = sign(g) (up to eps = 1e-8)
      expect(p.value[0]).toBeCloseTo(-0.01, 6);
      expect(p.value[1]).toBeCloseTo(0.01, 6);
    }
  });

  it("L2 weight decay adds lambda w to the gradient of weights, not of biases", () => {
    const W = weight([1, -2]);
    const b = weight([0.5], "b");
    const opt = createOptimiser({ name: "sgd", lr: 0.1, weightDecay: 0.01 }, [W, b]);
    W.grad.set([0.5, -1]);
    b.grad.set([0.2]);
    opt.step();
    // g_W = [0.5 + 0.01, -1 - 0.02] = [0.51, -1.02];  w = [1 - 0.051, -2 + 0.102]
    expectClose(Array.from(W.value), [0.949, -1.898]);
    // bias: 0.5 - 0.1 * 0.2, no decay
    expectClose(Array.from(b.value), [0.48]);
    // With a zero gradient, decay alone shrinks the weights by (1 - lr lambda) = 0.999.
    W.grad.fill(0);
    opt.step();
    expectClose(Array.from(W.value), [0.949 * 0.999, -1.898 * 0.999]);
  });

  it("weight decay inside adam: g <- g + lambda w before the moments", () => {
    const p = weight([1, -2]);
    const opt = createOptimiser({ name: "adam", lr: 0.1, weightDecay: 0.5 }, [p]);
    p.grad.set([-0.5, 0]); // g + 0.5 w = [0, -1]: the first entry does not move at all
    opt.step();
    expectClose(Array.from(p.value), [1, -1.9], 7); // eps = 1e-8 shifts the second by ~1e-9
  });

  it("updateNorms records ||Delta w|| per parameter", () => {
    const W = weight([1, -2]);
    const b = weight([0.5], "b");
    const opt = createOptimiser({ name: "momentum", lr: 0.1, momentum: 0.9 }, [W, b]);
    W.grad.set([0.5, -1]);
    b.grad.set([0.2]);
    opt.step();
    expect(opt.updateNorms[0]).toBeCloseTo(Math.sqrt(0.05 ** 2 + 0.1 ** 2), 14);
    expect(opt.updateNorms[1]).toBeCloseTo(0.02, 14);
    expect(opt.t).toBe(1);
  });

  it("setLearningRate changes the next step only", () => {
    const p = weight([1]);
    const opt = createOptimiser({ name: "sgd", lr: 0.1 }, [p]);
    p.grad.set([1]);
    opt.step();
    opt.setLearningRate(0.5);
    opt.step();
    expect(p.value[0]).toBeCloseTo(1 - 0.1 - 0.5, 14);
  });

  it("the registry names every optimiser and rejects others", () => {
    expect(OPTIMISER_NAMES).toEqual(["sgd", "momentum", "rmsprop", "adam"]);
    expect(isOptimiserName("adam")).toBe(true);
    expect(isOptimiserName("adagrad")).toBe(false);
    // @ts-expect-error an unknown name is a type error and a runtime error
    expect(() => createOptimiser({ name: "adagrad", lr: 1 }, [])).toThrow(/sgd, momentum, rmsprop, adam/);
  });
});
