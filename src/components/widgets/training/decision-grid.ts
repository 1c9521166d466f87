/**
 * The decision boundary of a 2-D run: the network's output on a regular grid over the data,
 * computed where the weights live (the worker, or the main-thread pump) and posted as plain
 * numbers for a raster chart. Pure; no DOM.
 *
 *   const g = decisionGrid(run, 40);   // null for MNIST and sequence runs
 *   g.values[row * g.size + col]       // P(class 1) at x = x0 + (col + 1/2)(x1 - x0)/size,
 *                                      //             y = y1 - (row + 1/2)(y1 - y0)/size (top row first)
 *
 * Output to probability: one logit under binary cross-entropy, sigma(z); a 0/1 regression under
 * MSE, the output clamped to [0, 1]; softmax over two logits, e^{z_1} / (e^{z_0} + e^{z_1}) =
 * sigma(z_1 - z_0).
 */
import type { Run } from "../../../lib/run";

export interface DecisionGrid {
  /** Cells per side. */
  readonly size: number;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  /** size × size probabilities of class 1, row-major, top row (largest y) first; NaN if the net diverged. */
  readonly values: number[];
  /** A sample of the raw training points, for drawing over the grid. */
  readonly points: { readonly x: number; readonly y: number; readonly label: number }[];
  /** The step the weights are at. */
  readonly step: number;
}

/** Most cells per side (48² = 2,304 forward rows). */
export const MAX_GRID_SIZE = 48;
/** Fewest cells per side, however large the network. */
export const MIN_GRID_SIZE = 12;
/** Training points sent with a grid. */
export const MAX_GRID_POINTS = 400;
/**
 * Budget of multiply-adds for one grid: the grid shrinks for large networks so that drawing
 * a boundary never costs more than a few time slices of training.
 */
const GRID_FLOPS = 4e6;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Cells per side for a network with `weights` weights: rows × weights ≤ GRID_FLOPS. */
export function gridSizeFor(weights: number): number {
  const rows = GRID_FLOPS / Math.max(1, weights);
  return Math.max(MIN_GRID_SIZE, Math.min(MAX_GRID_SIZE, Math.floor(Math.sqrt(rows))));
}

export function decisionGrid(run: Run, requestedSize = MAX_GRID_SIZE): DecisionGrid | null {
  const data = run.data;
  const predict = run.predict;
  if (!data || !predict || data.raw.train.inputDim !== 2 || data.raw.train.numClasses !== 2) return null;
  const train = data.raw.train;
  const weights = run.params.reduce((n, p) => n + p.value.length, 0);
  const size = Math.max(1, Math.min(Math.floor(requestedSize), gridSizeFor(weights)));

  // The data's bounding box, widened by 10% on each side so the boundary shows around it.
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < train.n; i++) {
    const x = train.inputs[2 * i] as number;
    const y = train.inputs[2 * i + 1] as number;
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
    yMin = Math.min(yMin, y);
    yMax = Math.max(yMax, y);
  }
  const padX = Math.max(1e-3, (xMax - xMin) * 0.1);
  const padY = Math.max(1e-3, (yMax - yMin) * 0.1);
  const x0 = xMin - padX;
  const x1 = xMax + padX;
  const y0 = yMin - padY;
  const y1 = yMax + padY;

  const grid = new Float64Array(size * size * 2);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const i = row * size + col;
      grid[2 * i] = x0 + ((col + 0.5) * (x1 - x0)) / size;
      grid[2 * i + 1] = y1 - ((row + 0.5) * (y1 - y0)) / size;
    }
  }
  const out = predict(grid, size * size);
  const k = run.outputs;
  const mse = run.config.loss === "mse";
  const values: number[] = new Array(size * size);
  for (let i = 0; i < size * size; i++) {
    const z = out[i * k] as number;
    const p =
      k === 2 ? sigmoid((out[i * k + 1] as number) - z) : mse ? Math.min(1, Math.max(0, z)) : sigmoid(z);
    values[i] = Number.isFinite(p) ? p : Number.NaN;
  }

  // A deterministic sample: every k-th point, k = ⌈n/MAX⌉ made odd — the 2-D generators
  // alternate classes, so an even stride would show one class only.
  const every = Math.ceil(train.n / MAX_GRID_POINTS) | 1;
  const points: DecisionGrid["points"] = [];
  for (let i = 0; i < train.n; i += every) {
    points.push({
      x: train.inputs[2 * i] as number,
      y: train.inputs[2 * i + 1] as number,
      label: train.labels[i] as number,
    });
  }
  return { size, x0, x1, y0, y1, values, points, step: run.stepsDone };
}
