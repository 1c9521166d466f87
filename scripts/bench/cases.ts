/**
 * The benchmark cases of issue 3, item 13. Shapes only: each engine builds its own model of
 * these shapes and trains it with plain SGD on the same fixed random batch.
 */
export interface MlpCase {
  readonly kind: "mlp";
  readonly id: string;
  readonly title: string;
  readonly inputs: number;
  readonly hidden: readonly number[];
  readonly outputs: number;
  readonly loss: "mse" | "softmaxCrossEntropy";
  readonly batch: number;
}

export interface LstmCase {
  readonly kind: "lstm";
  readonly id: string;
  readonly title: string;
  readonly inputs: number;
  readonly hidden: number;
  readonly T: number;
  readonly batch: number;
}

export type BenchCase = MlpCase | LstmCase;

/** Learning rate of every engine's SGD step (its value does not change the cost of a step). */
export const BENCH_LR = 0.1;

export const BENCH_CASES: readonly BenchCase[] = [
  {
    kind: "mlp",
    id: "a",
    title: "2-8-8-8-8-1 sigmoid, MSE, batch 32",
    inputs: 2,
    hidden: [8, 8, 8, 8],
    outputs: 1,
    loss: "mse",
    batch: 32,
  },
  {
    kind: "mlp",
    id: "b",
    title: "2-(32 x 10)-1 sigmoid, MSE, batch 64",
    inputs: 2,
    hidden: new Array(10).fill(32),
    outputs: 1,
    loss: "mse",
    batch: 64,
  },
  {
    kind: "mlp",
    id: "c",
    title: "784-100-100-100-10 sigmoid, softmax CE, batch 60",
    inputs: 784,
    hidden: [100, 100, 100],
    outputs: 10,
    loss: "softmaxCrossEntropy",
    batch: 60,
  },
  {
    kind: "lstm",
    id: "d",
    title: "LSTM 1-32, T = 50, MSE on the last step, batch 16",
    inputs: 1,
    hidden: 32,
    T: 50,
    batch: 16,
  },
];

/** Seeded inputs and targets for a case, shared by every engine. */
export interface BenchBatch {
  /** MLP: [batch, inputs]. LSTM: time-major [T, batch, inputs]. */
  readonly x: Float64Array;
  /** MLP: [batch, outputs] (one-hot rows for softmax CE). LSTM: [batch, 1]. */
  readonly y: Float64Array;
}
