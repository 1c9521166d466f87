/**
 * Finite-difference gradient checks (central differences, float64, relative error < 1e-6) for
 * every loss, every activation inside a network, and every layer type: dense, residual, batch
 * norm in training (and evaluation) mode, layer norm, and a deep mixed network. Each check
 * covers every parameter entry and the gradient with respect to the input batch.
 */
import { describe, expect, it } from "vitest";
import { ACTIVATION_NAMES, type ActivationName } from "../../../src/lib/activations";
import { type GradCheckOptions, gradCheck } from "../../../src/lib/gradcheck";
import { computeLoss, LOSS_NAMES } from "../../../src/lib/losses";
import { createMlp, type MlpSpec } from "../../../src/lib/mlp";
import { createRng } from "../../../src/lib/rng";
import { mlpProblem, randomArray, randomTargets } from "./helpers";

const TOL = 1e-6;

function checkMlp(
  spec: MlpSpec,
  seed: number,
  batch = 5,
  loss: (typeof LOSS_NAMES)[number] = "mse",
  options: GradCheckOptions = {},
) {
  const rng = createRng(seed);
  const mlp = createMlp(spec, rng.stream("init"));
  const p = mlpProblem(mlp, rng.stream("data"), batch, loss);
  return gradCheck(p.tensors, p.loss, p.analytic, options);
}

describe("gradient checks", () => {
  it.each(LOSS_NAMES)("loss %s: dL/dlogits", (name) => {
    const rng = createRng(7);
    for (const k of [1, 4]) {
      const batch = 6;
      const logits = randomArray(rng, batch * k, 2);
      const t = randomTargets(rng, name, batch, k);
      const grad = new Float64Array(batch * k);
      const r = gradCheck(
        [{ name: "logits", value: logits, grad }],
        () => computeLoss(name, logits, t, batch, k),
        () => computeLoss(name, logits, t, batch, k, grad),
      );
      expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(TOL);
      expect(r.checked).toBe(batch * k);
    }
  });

  it("softmax cross-entropy with soft (non one-hot) targets", () => {
    const rng = createRng(8);
    const logits = randomArray(rng, 12, 3);
    const t = Float64Array.from({ length: 12 }, () => rng.uniform(0, 1));
    const grad = new Float64Array(12);
    const r = gradCheck(
      [{ name: "logits", value: logits, grad }],
      () => computeLoss("softmaxCrossEntropy", logits, t, 3, 4),
      () => computeLoss("softmaxCrossEntropy", logits, t, 3, 4, grad),
    );
    expect(r.maxRelError).toBeLessThan(TOL);
  });

  it("dense layers alone (linear activation, no hidden nonlinearity)", () => {
    const r = checkMlp(
      {
        inputs: 3,
        hidden: [4],
        outputs: 2,
        activation: "linear",
        init: { scheme: "normal", sigma: 0.7, bias: { kind: "normal", sigma: 0.3 } },
      },
      1,
    );
    expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(TOL);
    // 3*4 + 4 + 4*2 + 2 params and 5 * 3 inputs.
    expect(r.checked).toBe(12 + 4 + 8 + 2 + 15);
  });

  it("a linear model with no hidden layers", () => {
    const r = checkMlp({ inputs: 3, hidden: [], outputs: 3, activation: [] }, 2, 4, "softmaxCrossEntropy");
    expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(TOL);
  });

  it.each(ACTIVATION_NAMES)("two hidden layers of %s", (act: ActivationName) => {
    const r = checkMlp(
      {
        inputs: 3,
        hidden: [5, 4],
        outputs: 2,
        activation: act,
        init: { scheme: "heNormal", bias: { kind: "normal", sigma: 0.5 } },
      },
      3,
    );
    expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(TOL);
  });

  it.each(LOSS_NAMES)("a tanh network under %s", (loss) => {
    const r = checkMlp({ inputs: 2, hidden: [6, 6], outputs: 3, activation: "tanh" }, 4, 5, loss);
    expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(TOL);
  });

  it("residual layers y = x + F(x), including a skip from the input", () => {
    const r = checkMlp({ inputs: 4, hidden: [4, 4, 4], outputs: 2, activation: "tanh", residual: true }, 5);
    expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(TOL);
  });

  it("batch norm in training mode (batch statistics)", () => {
    const r = checkMlp(
      {
        inputs: 3,
        hidden: [5, 5],
        outputs: 2,
        activation: "sigmoid",
        norm: "batch",
        init: { scheme: "heNormal" },
      },
      6,
      7,
    );
    expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(TOL);
  });

  it("batch norm in evaluation mode (running statistics, after some training passes)", () => {
    const rng = createRng(9);
    const mlp = createMlp(
      { inputs: 3, hidden: [5, 5], outputs: 2, activation: "tanh", norm: "batch" },
      rng.stream("init"),
    );
    for (let i = 0; i < 5; i++) mlp.forward(randomArray(rng, 8 * 3, 2), 8, "train");
    const p = mlpProblem(mlp, rng.stream("data"), 4, "mse", "eval");
    const r = gradCheck(p.tensors, p.loss, p.analytic);
    expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(TOL);
  });

  it("layer norm", () => {
    const r = checkMlp({ inputs: 3, hidden: [5, 6], outputs: 2, activation: "tanh", norm: "layer" }, 10);
    expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(TOL);
  });

  it("layer norm and batch norm with residual connections", () => {
    for (const norm of ["batch", "layer"] as const) {
      const r = checkMlp(
        { inputs: 4, hidden: [4, 4], outputs: 1, activation: "softsign", norm, residual: true },
        11,
        6,
      );
      expect(r.maxRelError, `${norm} ${JSON.stringify(r.worst)}`).toBeLessThan(TOL);
    }
  });

  it("a deep mixed network (depth 6, every activation, residual, layer norm)", () => {
    const r = checkMlp(
      {
        inputs: 3,
        hidden: [6, 6, 6, 6, 6, 6],
        outputs: 3,
        activation: ["tanh", "sigmoid", "relu", "leakyRelu", "softsign", "linear"],
        norm: "layer",
        residual: true,
        init: { scheme: "glorotNormal" },
      },
      12,
      5,
      "softmaxCrossEntropy",
    );
    expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(TOL);
  });

  it("a deep plain sigmoid network (depth 6), where early gradients are small but still exact", () => {
    const r = checkMlp(
      {
        inputs: 2,
        hidden: [5, 5, 5, 5, 5, 5],
        outputs: 1,
        activation: "sigmoid",
        init: { scheme: "standard" },
      },
      13,
      6,
      "bceWithLogits",
    );
    expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(TOL);
  });

  it("the checker catches a wrong gradient", () => {
    const rng = createRng(14);
    const mlp = createMlp({ inputs: 2, hidden: [3], outputs: 1, activation: "tanh" }, rng.stream("init"));
    const p = mlpProblem(mlp, rng.stream("data"), 3, "mse");
    const r = gradCheck(p.tensors, p.loss, () => {
      p.analytic();
      mlp.params[0]!.grad[1] = mlp.params[0]!.grad[1]! * 1.001; // a 0.1% error
    });
    expect(r.maxRelError).toBeGreaterThan(1e-4);
    expect(r.worst.tensor).toBe("layer1.W");
    expect(r.worst.index).toBe(1);
  });
});
