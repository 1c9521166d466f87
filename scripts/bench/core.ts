/**
 * Our core's side of the benchmark: one step = zero the gradients, forward, loss and its
 * gradient, backward, plain SGD update — exactly what a run does per step, minus the
 * diagnostics (which are timed separately by the run's own tests).
 */
import { computeLoss } from "../../src/lib/losses.ts";
import { createMlp } from "../../src/lib/mlp/mlp.ts";
import { createOptimiser } from "../../src/lib/optimisers.ts";
import { zeroGrads } from "../../src/lib/params.ts";
import { createRecurrent } from "../../src/lib/recurrent/index.ts";
import type { Rng } from "../../src/lib/rng.ts";
import { BENCH_LR, type BenchBatch, type BenchCase } from "./cases.ts";
import type { Timed } from "./timing.ts";

/** Inputs U(-1, 1) and targets (0/1 for MSE, one-hot rows for softmax), the same for every engine. */
export function makeBenchBatch(c: BenchCase, rng: Rng): BenchBatch {
  if (c.kind === "mlp") {
    const x = new Float64Array(c.batch * c.inputs);
    for (let i = 0; i < x.length; i++) x[i] = rng.uniform(-1, 1);
    const y = new Float64Array(c.batch * c.outputs);
    for (let b = 0; b < c.batch; b++) {
      if (c.outputs === 1) y[b] = rng.next() < 0.5 ? 0 : 1;
      else y[b * c.outputs + rng.int(c.outputs)] = 1;
    }
    return { x, y };
  }
  const x = new Float64Array(c.T * c.batch * c.inputs);
  for (let i = 0; i < x.length; i++) x[i] = rng.uniform(-1, 1);
  const y = new Float64Array(c.batch);
  for (let b = 0; b < c.batch; b++) y[b] = rng.uniform(-1, 1);
  return { x, y };
}

export function createCoreEngine(c: BenchCase, data: BenchBatch, rng: Rng): Timed & { lossNow(): number } {
  if (c.kind === "mlp") {
    const model = createMlp(
      {
        inputs: c.inputs,
        hidden: c.hidden,
        outputs: c.outputs,
        activation: "sigmoid",
        init: { scheme: "standard" },
      },
      rng,
    );
    const opt = createOptimiser({ name: "sgd", lr: BENCH_LR }, model.params);
    const dLogits = new Float64Array(c.batch * c.outputs);
    let last = Number.NaN;
    return {
      name: "core",
      activate: () => {},
      step() {
        zeroGrads(model.params);
        const logits = model.forward(data.x, c.batch, "train");
        last = computeLoss(c.loss, logits, data.y, c.batch, c.outputs, dLogits);
        model.backward(dLogits);
        opt.step();
      },
      lossNow: () => last,
    };
  }
  const model = createRecurrent(
    { cell: "lstm", inputs: c.inputs, hidden: c.hidden, outputs: 1, forgetBias: 1 },
    rng,
  );
  const opt = createOptimiser({ name: "sgd", lr: BENCH_LR }, model.params);
  const dOut = new Float64Array(c.batch);
  let last = Number.NaN;
  return {
    name: "core",
    activate: () => {},
    step() {
      zeroGrads(model.params);
      const out = model.forward(data.x, c.T, c.batch);
      last = computeLoss("mse", out, data.y, c.batch, 1, dOut);
      model.backward(dOut);
      opt.step();
    },
    lossNow: () => last,
  };
}
