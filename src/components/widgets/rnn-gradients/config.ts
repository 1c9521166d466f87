/**
 * The RNN-gradients widget's whole state and the experiments it derives from it.
 *
 *   { T: 20 }   the sequence length, used both for the gradient-through-time profile at
 *               initialisation and for the training runs on the adding problem.
 *
 * The three training runs share everything but the cell (seed, data stream, batch order,
 * hidden size, optimiser, clipping), so any difference in their held-out loss is the cell's.
 * `parseRnnGradientsConfig` validates untrusted input (props, URL) field by field.
 *
 * This module is imported by the island, so it uses only types from the core: the schema
 * (zod) and the sequence-task module stay out of the page's JavaScript. The unit tests check
 * that `trainingConfig` is exactly what the core's parseConfig makes of it and that the
 * baseline equals the task's own (tests/unit/rnn-gradients.test.ts).
 */
import type { ExperimentConfig } from "../../../lib/config";
import type { CellName } from "../../../lib/recurrent";

/** The cells compared, in legend order (vanilla first: it is the one that fails). */
export const COMPARED_CELLS = ["rnn", "lstm", "gru"] as const satisfies readonly CellName[];
export type ComparedCell = (typeof COMPARED_CELLS)[number];

export const CELL_NAMES_SHORT: Record<ComparedCell, string> = {
  rnn: "vanilla RNN",
  lstm: "LSTM",
  gru: "GRU",
};

export interface RnnGradientsConfig {
  readonly T: number;
}

export const RNN_T_RANGE = { min: 5, max: 100, step: 5 } as const;
export const DEFAULT_RNN_GRADIENTS_CONFIG: RnnGradientsConfig = { T: 20 };

/** Shared by the profile and every training run. */
export const RNN_SEED = 1;
export const RNN_HIDDEN = 16;
export const RNN_FORGET_BIAS = 1;
export const RNN_TRAIN_STEPS = 400;
export const RNN_BATCH = 32;

/**
 * The best constant prediction's MSE on the adding problem: the target is a sum of two
 * independent U(0, 1) values, mean 1 and variance 1/12 + 1/12, and the best constant (the
 * mean) scores exactly that variance, 1/6.
 */
export const ADDING_BASELINE_MSE = 2 * (1 / 12);

export function parseRnnGradientsConfig(raw: unknown): RnnGradientsConfig {
  const o = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const n = typeof o.T === "string" ? Number.parseFloat(o.T) : o.T;
  if (typeof n !== "number" || !Number.isFinite(n)) return DEFAULT_RNN_GRADIENTS_CONFIG;
  const { min, max, step } = RNN_T_RANGE;
  const clamped = Math.min(max, Math.max(min, n));
  return { T: Math.min(max, Math.max(min, Math.round(clamped / step) * step)) };
}

/**
 * The training run of one cell on the adding problem at length T, written out in full (every
 * field the schema would default), so the island needs no schema code.
 */
export function trainingConfig(cell: ComparedCell, T: number): ExperimentConfig {
  return {
    seed: RNN_SEED,
    steps: RNN_TRAIN_STEPS,
    batchSize: RNN_BATCH,
    data: { dataset: "adding", n: 400, noise: 0.05, standardise: false, seqLength: T },
    model: {
      kind: "recurrent",
      cell,
      hidden: RNN_HIDDEN,
      rnnActivation: "tanh",
      forgetBias: RNN_FORGET_BIAS,
      initScale: 1,
    },
    loss: "mse",
    optimiser: {
      name: "adam",
      lr: 0.01,
      momentum: 0.9,
      rho: 0.9,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      weightDecay: 0,
    },
    clip: { kind: "norm", threshold: 1 },
  };
}
