import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTIVATION_NAMES } from "../../../src/lib/activations";
import { INIT_SCHEMES } from "../../../src/lib/inits";
import { computeLoss, LOSS_NAMES } from "../../../src/lib/losses";
import { BN_EPS, BN_MOMENTUM, createMlp, type MlpSpec, NORMS, planLayers } from "../../../src/lib/mlp";
import { createOptimiser } from "../../../src/lib/optimisers";
import { createRng } from "../../../src/lib/rng";
import { randomArray, randomTargets } from "./helpers";

/** Train `steps` Adam steps on a fixed random problem and return every weight afterwards. */
function train(spec: MlpSpec, seed: number, steps = 20): Float64Array[] {
  const rng = createRng(seed);
  const mlp = createMlp(spec, rng.stream("init"));
  const data = rng.stream("data");
  const batch = 8;
  const x = randomArray(data, batch * spec.inputs);
  const t = randomTargets(data, "softmaxCrossEntropy", batch, spec.outputs);
  const d = new Float64Array(batch * spec.outputs);
  const opt = createOptimiser({ name: "adam", lr: 0.01 }, mlp.params);
  for (let s = 0; s < steps; s++) {
    mlp.zeroGrads();
    computeLoss("softmaxCrossEntropy", mlp.forward(x, batch), t, batch, spec.outputs, d);
    mlp.backward(d);
    opt.step();
  }
  return mlp.params.map((p) => Float64Array.from(p.value));
}

const SPEC: MlpSpec = {
  inputs: 3,
  hidden: [6, 6, 6],
  outputs: 3,
  activation: "tanh",
  norm: "batch",
  residual: true,
};

describe("MLP", () => {
  it("is deterministic: the same seed gives bit-identical weights after training", () => {
    const a = train(SPEC, 42);
    const b = train(SPEC, 42);
    for (const [i, w] of a.entries())
      expect(Buffer.from(w.buffer).equals(Buffer.from(b[i]!.buffer))).toBe(true);
    const c = train(SPEC, 43);
    expect(c.some((w, i) => w.some((v, j) => v !== a[i]![j]))).toBe(true);
  });

  it("draws its initial weights only from the rng it is given, in a fixed order", () => {
    const a = createMlp(SPEC, createRng(1).stream("init"));
    const b = createMlp(SPEC, createRng(1).stream("init"));
    expect(a.params.map((p) => Array.from(p.value))).toEqual(b.params.map((p) => Array.from(p.value)));
  });

  it("runs at depth 50 with finite outputs and gradients; sigmoid gradients vanish toward the input", () => {
    for (const activation of ["sigmoid", "relu", "tanh"] as const) {
      const rng = createRng(50);
      const mlp = createMlp(
        {
          inputs: 4,
          hidden: Array(50).fill(16),
          outputs: 2,
          activation,
          init: { scheme: activation === "relu" ? "heNormal" : "standard" },
        },
        rng.stream("init"),
      );
      expect(mlp.layers).toHaveLength(51);
      const batch = 8;
      const x = randomArray(rng, batch * 4);
      const d = new Float64Array(batch * 2);
      mlp.zeroGrads();
      const L = computeLoss("mse", mlp.forward(x, batch), randomArray(rng, batch * 2), batch, 2, d);
      mlp.backward(d);
      expect(Number.isFinite(L)).toBe(true);
      for (const p of mlp.params) for (const g of p.grad) expect(Number.isFinite(g)).toBe(true);
      if (activation === "sigmoid") {
        const first = Math.hypot(...mlp.params[1]!.grad); // layer1.b
        const last = Math.hypot(...mlp.params[99]!.grad); // layer50.b
        expect(mlp.params[99]!.name).toBe("layer50.b");
        // each layer multiplies by roughly |w| sigma' <= 1/4 x O(1): 49 layers of it
        expect(first / last).toBeLessThan(1e-12);
        expect(first).toBeGreaterThan(0); // tiny (about 1e-43 here) but not underflowed to 0
      }
    }
  });

  it("batch norm: running statistics are the exponential average of batch statistics, and eval uses them", () => {
    const rng = createRng(3);
    const mlp = createMlp(
      { inputs: 2, hidden: [3], outputs: 1, activation: "linear", norm: "batch" },
      rng.stream("init"),
    );
    const batch = 4;
    const x = randomArray(rng, batch * 2, 3);
    const steps = 5;
    for (let s = 0; s < steps; s++) mlp.forward(x, batch, "train");
    // Batch statistics of z = x W^T (no bias under batch norm) from the trace.
    const z = mlp.trace()[0]!.z;
    const L1 = mlp.layers[0]!;
    for (let j = 0; j < 3; j++) {
      const col = [0, 1, 2, 3].map((b) => z[b * 3 + j]!);
      const mu = col.reduce((a, v) => a + v, 0) / batch;
      const varB = col.reduce((a, v) => a + (v - mu) ** 2, 0) / batch;
      // The same batch 5 times: runMean = (1 - 0.9^5) mu; runVar = 0.9^5 * 1 + (1 - 0.9^5) var * B/(B-1)
      const keep = (1 - BN_MOMENTUM) ** steps;
      expect(L1.bn!.runMean[j]).toBeCloseTo((1 - keep) * mu, 12);
      expect(L1.bn!.runVar[j]).toBeCloseTo(keep + (1 - keep) * varB * (batch / (batch - 1)), 12);
    }
    // Eval: h = gamma (z - runMean) / sqrt(runVar + eps) + beta, with gamma = 1, beta = 0 here.
    mlp.forward(x, batch, "eval");
    const h = mlp.trace()[0]!.act;
    for (let b = 0; b < batch; b++) {
      for (let j = 0; j < 3; j++) {
        const expected = (z[b * 3 + j]! - L1.bn!.runMean[j]!) / Math.sqrt(L1.bn!.runVar[j]! + BN_EPS);
        expect(h[b * 3 + j]).toBeCloseTo(expected, 12);
      }
    }
    // Eval does not move the running statistics, and one example's output does not depend on its batch.
    const before = Float64Array.from(L1.bn!.runMean);
    const all = Float64Array.from(mlp.forward(x, batch, "eval"));
    const single = mlp.forward(x.subarray(2, 4), 1, "eval");
    expect(single[0]).toBe(all[1]);
    expect(Array.from(L1.bn!.runMean)).toEqual(Array.from(before));
    // ...while in training mode it does (the batch statistics change with the batch).
    const trainAll = Float64Array.from(mlp.forward(x, batch, "train"));
    const trainPair = mlp.forward(x.subarray(0, 4), 2, "train");
    expect(trainPair[1]).not.toBeCloseTo(trainAll[1]!, 6);
  });

  it("batch norm drops the dense bias; layer norm keeps it", () => {
    const bn = createMlp(
      { inputs: 2, hidden: [3], outputs: 1, activation: "relu", norm: "batch" },
      createRng(1),
    );
    expect(bn.params.map((p) => p.name)).toEqual([
      "layer1.W",
      "layer1.gamma",
      "layer1.beta",
      "layer2.W",
      "layer2.b",
    ]);
    const ln = createMlp(
      { inputs: 2, hidden: [3], outputs: 1, activation: "relu", norm: "layer" },
      createRng(1),
    );
    expect(ln.params.map((p) => p.name)).toEqual([
      "layer1.W",
      "layer1.b",
      "layer1.gamma",
      "layer1.beta",
      "layer2.W",
      "layer2.b",
    ]);
  });

  it("residual connections apply only where the widths match: y = x + f(Wx + b)", () => {
    const { plan } = planLayers({
      inputs: 2,
      hidden: [4, 4, 3, 3],
      outputs: 1,
      activation: "tanh",
      residual: true,
    });
    expect(plan.map((p) => p.residual)).toEqual([false, true, false, true, false]);
    const rng = createRng(2);
    const mlp = createMlp({ inputs: 3, hidden: [3], outputs: 1, activation: "tanh", residual: true }, rng);
    const x = randomArray(rng, 6);
    mlp.forward(x, 2);
    const t = mlp.trace()[0]!;
    for (let i = 0; i < 6; i++) expect(t.out[i]).toBe(x[i]! + Math.tanh(t.z[i]!));
  });

  it("reuses its buffers: the same logits array every step for a batch size, one per batch size", () => {
    const rng = createRng(4);
    const mlp = createMlp({ inputs: 2, hidden: [5], outputs: 2, activation: "relu" }, rng);
    const x = randomArray(rng, 16);
    const y1 = mlp.forward(x, 8);
    const copy = Float64Array.from(y1);
    const y2 = mlp.forward(x, 8);
    expect(y2).toBe(y1);
    const small = mlp.forward(x, 3);
    expect(small).not.toBe(y1);
    expect(small.length).toBe(6);
    expect(Array.from(small)).toEqual(Array.from(copy.subarray(0, 6)));
    expect(mlp.lastBatch).toBe(3);
  });

  it("rejects invalid specs with a message naming the field", () => {
    const rng = createRng(1);
    const base: MlpSpec = { inputs: 2, hidden: [3], outputs: 1, activation: "relu" };
    expect(() => createMlp({ ...base, inputs: 0 }, rng)).toThrow(/inputs/);
    expect(() => createMlp({ ...base, hidden: [3, 2.5] }, rng)).toThrow(/hidden\[1\]/);
    expect(() => createMlp({ ...base, activation: ["relu", "tanh"] }, rng)).toThrow(/one per hidden layer/);
    // @ts-expect-error not an activation
    expect(() => createMlp({ ...base, activation: "swish" }, rng)).toThrow(/activation\[0\]/);
    // @ts-expect-error not a norm
    expect(() => createMlp({ ...base, norm: "group" }, rng)).toThrow(/norm/);
    // @ts-expect-error not a scheme
    expect(() => createMlp({ ...base, init: { scheme: "orthogonal" } }, rng)).toThrow(/scheme/);
    const mlp = createMlp(base, rng);
    expect(() => mlp.forward(new Float64Array(3), 2)).toThrow(/needs more/);
    expect(() => mlp.backward(new Float64Array(1))).toThrow(/forward/);
  });

  it("any valid small spec gives finite outputs and gradients (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          inputs: fc.integer({ min: 1, max: 4 }),
          hidden: fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 4 }),
          outputs: fc.integer({ min: 1, max: 3 }),
          activation: fc.constantFrom(...ACTIVATION_NAMES),
          norm: fc.constantFrom(...NORMS),
          residual: fc.boolean(),
          scheme: fc.constantFrom(...INIT_SCHEMES),
          scale: fc.double({ min: 0.01, max: 10, noNaN: true }),
          batch: fc.integer({ min: 1, max: 5 }),
          loss: fc.constantFrom(...LOSS_NAMES),
          seed: fc.integer({ min: 0, max: 2 ** 31 }),
        }),
        (c) => {
          const rng = createRng(c.seed);
          const mlp = createMlp(
            {
              ...c,
              init: {
                scheme: c.scheme,
                scale: c.scale,
                a: 0.5,
                sigma: 0.5,
                bias: { kind: "normal", sigma: 0.1 },
              },
            },
            rng.stream("init"),
          );
          const x = randomArray(rng, c.batch * c.inputs, 3);
          const t = randomTargets(rng, c.loss, c.batch, c.outputs);
          const d = new Float64Array(c.batch * c.outputs);
          const dx = new Float64Array(x.length);
          mlp.zeroGrads();
          const L = computeLoss(c.loss, mlp.forward(x, c.batch), t, c.batch, c.outputs, d);
          mlp.backward(d, dx);
          expect(Number.isFinite(L)).toBe(true);
          for (const p of mlp.params) for (const g of p.grad) expect(Number.isFinite(g)).toBe(true);
          for (const g of dx) expect(Number.isFinite(g)).toBe(true);
          for (const y of mlp.forward(x, c.batch, "eval")) expect(Number.isFinite(y)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
