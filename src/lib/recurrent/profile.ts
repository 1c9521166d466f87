/**
 * The gradient-through-time profile of a freshly initialised model: one forward and backward
 * pass of MSE on a batch of a sequence task, reporting ||dL/dh_t|| (and ||dL/dc_t|| for the
 * LSTM) at every step. This is the picture of chapter 5 — how much error signal reaches step
 * t from a loss at step T — as a pure function of (spec, task, T, batch, seed), so a widget
 * and a build-time figure compute exactly the same numbers.
 */
import { generateSequenceBatch, SEQUENCE_TASKS, type SequenceTaskName } from "../data/sequences";
import { zeroGrads } from "../params";
import { createRng } from "../rng";
import { createRecurrent, type RecurrentSpec } from "./model";

export interface GradientProfile {
  /** [T] mean over the batch of ||dL/dh_t||, t = 1..T. */
  readonly hiddenGradNorms: Float64Array;
  /** [T] mean over the batch of ||dL/dc_t|| (LSTM), else null. */
  readonly cellGradNorms: Float64Array | null;
  /** ||dL/dh_1|| / ||dL/dh_T||: what fraction of the signal survives T - 1 steps back. */
  readonly survival: number;
  /** Geometric-mean factor per step back, survival^(1 / (T - 1)) (1 when T = 1). */
  readonly perStepFactor: number;
  /** sigma_max of each gate block of W_h at initialisation. */
  readonly gateSigmaMax: number[];
  /** MSE of the untrained model on the batch. */
  readonly loss: number;
}

export interface ProfileOptions {
  readonly task: SequenceTaskName;
  readonly T: number;
  readonly batch: number;
  /** Root seed; the model draws from stream "init", the batch from stream "data". */
  readonly seed: number;
}

/** `spec` without inputs/outputs: they come from the task. */
export function gradientProfile(
  spec: Omit<RecurrentSpec, "inputs" | "outputs" | "readout">,
  options: ProfileOptions,
): GradientProfile {
  const task = SEQUENCE_TASKS[options.task];
  const rng = createRng(options.seed);
  const model = createRecurrent(
    { ...spec, inputs: task.inputs, outputs: task.outputs, readout: "last" },
    rng.stream("init"),
  );
  const data = generateSequenceBatch(options.task, rng.stream("data"), {
    T: options.T,
    batch: options.batch,
  });
  zeroGrads(model.params);
  const y = model.forward(data.x, data.T, data.batch);
  // MSE = mean (y - target)^2, dMSE/dy = 2 (y - target) / n.
  const dy = new Float64Array(y.length);
  let loss = 0;
  for (let i = 0; i < y.length; i++) {
    const e = y[i] - data.y[i];
    loss += (e * e) / y.length;
    dy[i] = (2 * e) / y.length;
  }
  model.backward(dy);
  const h = Float64Array.from(model.hiddenGradNorms);
  const c = model.cellGradNorms ? Float64Array.from(model.cellGradNorms) : null;
  const T = options.T;
  const survival = h[T - 1] === 0 ? 0 : h[0] / h[T - 1];
  return {
    hiddenGradNorms: h,
    cellGradNorms: c,
    survival,
    perStepFactor: T > 1 ? survival ** (1 / (T - 1)) : 1,
    gateSigmaMax: model.gateSigmaMax(),
    loss,
  };
}
