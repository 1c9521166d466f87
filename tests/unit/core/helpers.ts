/** Shared fixtures for the core tests: seeded random batches and an MLP loss closure for gradCheck. */
import type { Checkable } from "../../../src/lib/gradcheck";
import { computeLoss, type LossName } from "../../../src/lib/losses";
import type { Mlp } from "../../../src/lib/mlp";
import type { Rng } from "../../../src/lib/rng";

export function randomArray(rng: Rng, n: number, sd = 1): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.normal(0, sd);
  return a;
}

/** Targets shaped like the logits: one-hot rows for softmax CE, 0/1 for BCE, normals for MSE. */
export function randomTargets(rng: Rng, loss: LossName, batch: number, k: number): Float64Array {
  const t = new Float64Array(batch * k);
  for (let b = 0; b < batch; b++) {
    if (loss === "softmaxCrossEntropy") t[b * k + rng.int(k)] = 1;
    else for (let j = 0; j < k; j++) t[b * k + j] = loss === "bceWithLogits" ? rng.int(2) : rng.normal();
  }
  return t;
}

/**
 * What gradCheck needs for an MLP on one fixed batch: the tensors (all params plus the input
 * x with its gradient), a pure loss and the analytic pass.
 */
export function mlpProblem(
  mlp: Mlp,
  rng: Rng,
  batch: number,
  loss: LossName,
  mode: "train" | "eval" = "train",
) {
  const x = randomArray(rng, batch * mlp.inputs);
  const t = randomTargets(rng, loss, batch, mlp.outputs);
  const dx = new Float64Array(x.length);
  const dLogits = new Float64Array(batch * mlp.outputs);
  const tensors: Checkable[] = [...mlp.params, { name: "x", value: x, grad: dx }];
  return {
    tensors,
    loss: () => computeLoss(loss, mlp.forward(x, batch, mode), t, batch, mlp.outputs),
    analytic: () => {
      computeLoss(loss, mlp.forward(x, batch, mode), t, batch, mlp.outputs, dLogits);
      mlp.backward(dLogits, dx);
    },
  };
}
