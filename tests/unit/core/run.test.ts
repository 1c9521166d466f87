import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadMnistSubset } from "../../../scripts/load-mnist";
import { ACTIVATION_NAMES } from "../../../src/lib/activations";
import { CLIP_KINDS } from "../../../src/lib/clip";
import { type ExperimentConfig, parseConfig } from "../../../src/lib/config";
import { SEQUENCE_TASK_NAMES } from "../../../src/lib/data/sequences";
import { TOY2D_NAMES } from "../../../src/lib/data/toy2d";
import { INIT_SCHEMES } from "../../../src/lib/inits";
import { NORMS } from "../../../src/lib/mlp/spec";
import { OPTIMISER_NAMES } from "../../../src/lib/optimisers";
import { CELL_NAMES } from "../../../src/lib/recurrent";
import { createRun, EXPLOSION_FACTOR } from "../../../src/lib/run";

/** parseConfig that must succeed. */
function config(input: unknown): ExperimentConfig {
  const r = parseConfig(input);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.config;
}

/** Exact bit patterns of a Float64Array, so -0 vs 0 and NaN payloads count as differences. */
const bits = (a: Float64Array) => Array.from(new BigUint64Array(Float64Array.from(a).buffer));

describe("createRun", () => {
  it("takes the configured number of steps and reports completion", () => {
    const run = createRun(config({ steps: 25 }));
    expect(run.done).toBe(false);
    expect(run.step(10)).toHaveLength(10);
    expect(run.stepsDone).toBe(10);
    run.step(100);
    expect(run.stepsDone).toBe(25);
    expect(run.stop).toEqual({ kind: "completed", step: 25 });
    expect(run.done).toBe(true);
    expect(run.step(5)).toEqual([]);
    expect(run.losses).toHaveLength(25);
  });

  it("records loss, accuracy, gradient norms and one entry per parameter tensor", () => {
    const run = createRun(config({ steps: 3, model: { depth: 3, width: 5 } }));
    const [r] = run.step();
    expect(r?.step).toBe(1);
    expect(r?.loss).toBeGreaterThan(0);
    expect(r?.accuracy).toBeGreaterThanOrEqual(0);
    expect(r?.accuracy).toBeLessThanOrEqual(1);
    expect(r?.gradNorm).toBeGreaterThan(0);
    expect(r?.clippedGradNorm).toBe(r?.gradNorm);
    expect(r?.paramStats.map((p) => p.name)).toEqual([
      "layer1.W",
      "layer1.b",
      "layer2.W",
      "layer2.b",
      "layer3.W",
      "layer3.b",
      "layer4.W",
      "layer4.b",
    ]);
    // sqrt of the sum of squared per-tensor gradient norms is the global norm
    const global = Math.sqrt(r!.paramStats.reduce((s, p) => s + p.gradNorm ** 2, 0));
    expect(global).toBeCloseTo(r!.gradNorm, 12);
  });

  it("records H1's per-layer diagnostics for MLPs, histograms on request", () => {
    const plain = createRun(config({ steps: 1, model: { depth: 2, width: 4, activation: "relu" } }));
    const [r] = plain.step();
    expect(r?.layers?.map((l) => l.layer)).toEqual([1, 2, 3]);
    expect(r?.layers?.[0]).toMatchObject({ activation: "relu", gradHistogram: null });
    expect(r?.layers?.[0]?.deadFraction).toBeGreaterThanOrEqual(0);
    expect(r?.layers?.[0]?.gradNormW).toBeCloseTo(r!.paramStats[0]!.gradNorm, 12);
    const withHist = createRun(config({ steps: 1, model: { depth: 2, width: 4 } }), { histograms: true });
    const h = withHist.step()[0]?.layers?.[0]?.gradHistogram;
    expect(h).not.toBeNull();
    // 2 inputs x 4 units = 8 weight gradients counted
    expect(h?.total).toBe(8);
  });

  it("shows vanishing gradients: in a deep sigmoid net the first layer's gradient is far below the last's", () => {
    const run = createRun(config({ steps: 1, model: { depth: 8, width: 16, activation: "sigmoid" } }));
    const [r] = run.step();
    const ws = r!.paramStats.filter((p) => p.kind === "W");
    expect(ws[0]!.gradNorm / ws[ws.length - 1]!.gradNorm).toBeLessThan(1e-3);
  });

  it("is a pure function of its config: bit-identical losses and records twice", () => {
    for (const input of [
      { steps: 40, model: { depth: 3, norm: "batch" }, optimiser: { name: "adam", lr: 0.01 } },
      { steps: 15, model: { kind: "recurrent", cell: "gru", hidden: 6 }, data: { seqLength: 8 } },
    ]) {
      const a = createRun(config(input));
      const b = createRun(config(input));
      a.step(100);
      b.step(100);
      expect(bits(b.losses)).toEqual(bits(a.losses));
      expect(JSON.stringify(b.snapshot({ params: true }))).toBe(JSON.stringify(a.snapshot({ params: true })));
    }
  });

  it("differs with another seed", () => {
    const a = createRun(config({ steps: 10, seed: 1 }));
    const b = createRun(config({ steps: 10, seed: 2 }));
    a.step(10);
    b.step(10);
    expect(bits(b.losses)).not.toEqual(bits(a.losses));
  });

  it("gives a same-seed comparison: a remedy changes the model, not the data, init draw or batch order", () => {
    // Two runs differing only in the optimiser: same initial weights and same first batch,
    // so the loss before any update is the same number; after it they part ways.
    const a = createRun(config({ steps: 5, optimiser: { name: "sgd" } }));
    const b = createRun(config({ steps: 5, optimiser: { name: "adam" } }));
    expect(bits(b.params[0]!.value)).toEqual(bits(a.params[0]!.value));
    a.step(5);
    b.step(5);
    expect(b.losses[0]).toBe(a.losses[0]);
    expect(b.losses[4]).not.toBe(a.losses[4]);
    // Same data: identical held-out sets give the same evaluation for identical models.
    const c = createRun(config({ steps: 5, model: { activation: "tanh" } }));
    const d = createRun(config({ steps: 5, model: { activation: "tanh" }, clip: { kind: "norm" } }));
    expect(d.evaluate()).toEqual(c.evaluate());
  });

  it("does not change when evaluate() is called in between", () => {
    const input = { steps: 30, model: { norm: "batch" } };
    const a = createRun(config(input));
    const b = createRun(config(input));
    for (let i = 0; i < 30; i++) {
      a.step();
      if (i % 7 === 0) a.evaluate();
    }
    b.step(30);
    expect(bits(a.losses)).toEqual(bits(b.losses));
  });

  it("keeps a full record every K steps, plus the first and last", () => {
    const run = createRun(config({ steps: 23 }), { recordEvery: 10 });
    run.step(23);
    expect(run.metrics.map((m) => m.step)).toEqual([1, 10, 20, 23]);
    expect(run.losses).toHaveLength(23);
  });

  it("evaluates on the held-out set", () => {
    const run = createRun(config({ steps: 300, model: { depth: 1, width: 8, activation: "tanh" } }));
    const before = run.evaluate();
    run.step(300);
    const after = run.evaluate();
    expect(before.n).toBe(100);
    expect(after.loss).toBeLessThan(before.loss);
    expect(after.accuracy).toBeGreaterThan(0.9);
  });

  it("clips by global norm and reports the norm before and after", () => {
    const run = createRun(config({ steps: 5, clip: { kind: "norm", threshold: 1e-3 } }));
    for (const r of run.step(5)) {
      expect(r.gradNorm).toBeGreaterThan(1e-3);
      expect(r.clippedGradNorm).toBeCloseTo(1e-3, 12);
    }
  });

  it("reports per-time-step hidden-gradient norms for recurrent models, and no accuracy on the adding problem", () => {
    const run = createRun(
      config({ steps: 2, model: { kind: "recurrent", cell: "rnn", hidden: 4 }, data: { seqLength: 12 } }),
    );
    const [r] = run.step();
    expect(r?.hiddenGradNorms).toHaveLength(12);
    expect(r?.accuracy).toBeNull();
    expect(run.evaluate()).toMatchObject({ accuracy: null, n: 256 });
    const mem = createRun(
      config({ steps: 2, model: { kind: "recurrent" }, data: { dataset: "memory", seqLength: 5 } }),
    );
    expect(mem.step()[0]?.accuracy).not.toBeNull();
  });

  it("trains on MNIST when given the decoded subset, and asks for it otherwise", () => {
    const c = config({
      steps: 3,
      batchSize: 10,
      data: { dataset: "mnist", n: 100 },
      loss: "softmaxCrossEntropy",
      model: { depth: 1, width: 16 },
    });
    expect(() => createRun(c)).toThrow(/needs the decoded MNIST/);
    const run = createRun(c, { mnist: loadMnistSubset() });
    run.step(3);
    expect(run.stop?.kind).toBe("completed");
    expect(run.params[0]?.shape).toEqual([16, 784]);
    expect(run.params.at(-1)?.shape).toEqual([10]);
    expect(run.evaluate().n).toBe(500);
  });

  it("exposes its data and predicts raw inputs (standardised as in training), without disturbing the run", () => {
    const input = {
      steps: 200,
      data: { dataset: "moons", standardise: true },
      model: { depth: 2, activation: "tanh" },
    };
    const run = createRun(config(input));
    const twin = createRun(config(input));
    run.step(100);
    const data = run.data!;
    expect(data.raw.train.n).toBe(400);
    expect(data.standardiser).not.toBeNull();
    // The run trains on standardised inputs; raw inputs are what a chart plots.
    expect(data.train.inputs[0]).not.toBe(data.raw.train.inputs[0]);
    const logits = run.predict!(data.raw.test.inputs, data.raw.test.n);
    expect(logits).toHaveLength(data.test.n * run.outputs);
    let correct = 0;
    for (let i = 0; i < data.test.n; i++) if ((logits[i]! > 0 ? 1 : 0) === data.test.labels[i]) correct++;
    expect(correct / data.test.n).toBe(run.evaluate().accuracy);
    run.step(100);
    twin.step(200);
    expect(bits(run.losses)).toEqual(bits(twin.losses));
  });

  it("has no tabular data or predict for recurrent runs", () => {
    const run = createRun(
      config({ steps: 1, model: { kind: "recurrent", hidden: 3 }, data: { seqLength: 4 } }),
    );
    expect(run.data).toBeNull();
    expect(run.predict).toBeNull();
    expect(run.outputs).toBe(1);
  });

  it("has a JSON-serialisable snapshot", () => {
    const run = createRun(config({ steps: 4 }));
    run.step(4);
    const snap = JSON.parse(JSON.stringify(run.snapshot({ params: true })));
    expect(snap.version).toBe(1);
    expect(snap.stepsDone).toBe(4);
    expect(snap.metrics).toHaveLength(4);
    expect(snap.params[0].values).toHaveLength(8 * 2);
    expect(run.snapshot().params).toBeUndefined();
  });
});

describe("divergence", () => {
  it("a huge learning rate ends the run with a reported reason, not an exception", () => {
    const run = createRun(
      config({ steps: 200, model: { activation: "relu", depth: 3 }, loss: "mse", optimiser: { lr: 1e6 } }),
    );
    expect(() => run.step(200)).not.toThrow();
    expect(run.stop?.kind).toBe("diverged");
    if (run.stop?.kind !== "diverged") return;
    expect(run.stop.step).toBeLessThan(200);
    expect(run.stepsDone).toBe(run.stop.step);
    expect(run.stop.reason).toMatch(/loss|gradient|weight/);
    expect(run.metrics.at(-1)?.step).toBe(run.stop.step);
    expect(run.step(5)).toEqual([]);
  });

  it("counts a finite but exploded loss as divergence", () => {
    const run = createRun(config({ steps: 200, optimiser: { lr: 1e5 } }));
    run.step(200);
    expect(run.stop).toMatchObject({ kind: "diverged" });
    const stop = run.stop as { reason: string; step: number };
    expect(stop.reason).toMatch(/exploded/);
    expect(run.losses[stop.step - 1]).toBeGreaterThan(EXPLOSION_FACTOR * Math.max(1, run.losses[0]!));
  });

  it("any valid config with a learning rate of 1e6 ends in reported divergence (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.record({
          activation: fc.constantFrom(...ACTIVATION_NAMES),
          depth: fc.integer({ min: 0, max: 4 }),
          norm: fc.constantFrom(...NORMS),
          loss: fc.constantFrom("mse", "bceWithLogits", "softmaxCrossEntropy"),
          optimiser: fc.constantFrom(...OPTIMISER_NAMES),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        (k) => {
          const run = createRun(
            config({
              seed: k.seed,
              steps: 300,
              model: { depth: k.depth, width: 6, activation: k.activation, norm: k.norm },
              loss: k.loss,
              optimiser: { name: k.optimiser, lr: 1e6 },
            }),
          );
          run.step(300);
          expect(run.stop?.kind).toBe("diverged");
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });
});

describe("random valid configs (fast-check)", () => {
  const mlpConfig = fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    steps: fc.integer({ min: 1, max: 5 }),
    batchSize: fc.integer({ min: 1, max: 40 }),
    data: fc.record({
      dataset: fc.constantFrom(...TOY2D_NAMES),
      n: fc.integer({ min: 4, max: 60 }),
      noise: fc.double({ min: 0, max: 1, noNaN: true }),
      standardise: fc.boolean(),
    }),
    model: fc.record({
      depth: fc.integer({ min: 0, max: 6 }),
      width: fc.integer({ min: 1, max: 12 }),
      activation: fc.constantFrom(...ACTIVATION_NAMES),
      norm: fc.constantFrom(...NORMS),
      residual: fc.boolean(),
      init: fc.record({
        scheme: fc.constantFrom(...INIT_SCHEMES),
        scale: fc.double({ min: 0, max: 100, noNaN: true }),
        bias: fc.constantFrom("zero", "constant", "normal"),
      }),
    }),
    loss: fc.constantFrom("mse", "bceWithLogits", "softmaxCrossEntropy"),
    optimiser: fc.record({
      name: fc.constantFrom(...OPTIMISER_NAMES),
      lr: fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
      weightDecay: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    clip: fc.record({
      kind: fc.constantFrom(...CLIP_KINDS),
      threshold: fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
    }),
  });

  const recurrentConfig = fc.record({
    seed: fc.integer({ min: 0, max: 1000 }),
    steps: fc.integer({ min: 1, max: 3 }),
    batchSize: fc.integer({ min: 1, max: 8 }),
    data: fc.record({
      dataset: fc.constantFrom(...SEQUENCE_TASK_NAMES),
      seqLength: fc.integer({ min: 2, max: 12 }),
    }),
    model: fc.record({
      kind: fc.constant("recurrent"),
      cell: fc.constantFrom(...CELL_NAMES),
      hidden: fc.integer({ min: 1, max: 8 }),
      rnnActivation: fc.constantFrom("tanh", "sigmoid"),
      forgetBias: fc.double({ min: -10, max: 10, noNaN: true }),
      initScale: fc.double({ min: 0, max: 100, noNaN: true }),
      initScheme: fc.constantFrom(...INIT_SCHEMES),
    }),
    loss: fc.constant("mse"),
    optimiser: fc.record({
      name: fc.constantFrom(...OPTIMISER_NAMES),
      lr: fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
    }),
  });

  it("never throw in createRun and a few steps (MLP)", () => {
    fc.assert(
      fc.property(mlpConfig, (input) => {
        const run = createRun(config(input));
        run.step(input.steps);
        expect(run.done).toBe(true);
        run.evaluate();
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it("never throw in createRun and a few steps (recurrent)", () => {
    fc.assert(
      fc.property(recurrentConfig, (input) => {
        const run = createRun(config(input));
        run.step(input.steps);
        expect(run.done).toBe(true);
        run.evaluate();
      }),
      { numRuns: 60, seed: 13 },
    );
  });
});
