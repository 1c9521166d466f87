/**
 * What every recurrent cell (vanilla RNN, LSTM, GRU) provides to the model that wraps it.
 *
 * Memory layout, shared by all cells (time-major, row-major, batch inside time):
 *   x   [T, B, I]      input at step t, example b, channel i  = x[(t * B + b) * I + i]
 *   hs  [T + 1, B, H]  hs[0] is the initial state h_0, hs[t + 1] the state after step t
 *   dHs [T, B, H]      dL/dh_t flowing in from the readout (zeros where there is none)
 *
 * A cell owns its buffers and reallocates them only when T or B changes, so a training loop
 * with fixed shapes allocates nothing per step.
 */
import type { Param } from "../params";

export interface CellShape {
  readonly inputs: number;
  readonly hidden: number;
}

export interface CellCore {
  /** The cell's trainable tensors (input weights, recurrent weights, biases). */
  readonly params: Param[];
  /** The recurrent weight matrix, shape [gates * H, H], for the singular-value diagnostic. */
  readonly recurrent: Param;
  /** Number of H-row blocks in `recurrent` (1 for the RNN, 4 for the LSTM, 3 for the GRU). */
  readonly gates: number;
  /** Hidden states [T + 1, B, H] of the last forward pass (index 0 is h_0). */
  hiddenStates(): Float64Array;
  /** Cell states [T + 1, B, H] of the last forward pass (LSTM only; null for the others). */
  cellStates(): Float64Array | null;
  /**
   * Runs T steps. `h0` (and `c0` for the LSTM) are [B, H]; omitted means zeros.
   * Writes hs; returns nothing (the readout reads hs).
   */
  forward(x: Float64Array, T: number, B: number, h0?: Float64Array, c0?: Float64Array): void;
  /**
   * Backpropagation through time over the whole sequence of the last forward pass.
   * Accumulates (+=) parameter gradients into each Param.grad, and writes:
   *   hiddenNorms[t] = mean_b ||dL/dh_t|| (the total derivative: from the readout at t and from
   *                    every later step), for t = 0..T-1 (state after step t);
   *   cellNorms[t]   = mean_b ||dL/dc_t|| for the LSTM (left untouched by other cells);
   *   dh0 (and dc0) = dL/dh_0 (and dL/dc_0), the gradient with respect to the initial state.
   */
  backward(dHs: Float64Array, hiddenNorms: Float64Array, cellNorms: Float64Array): void;
  /** dL/dh_0 [B, H] from the last backward pass. */
  initialHiddenGrad(): Float64Array;
  /** dL/dc_0 [B, H] from the last backward pass (LSTM only; null for the others). */
  initialCellGrad(): Float64Array | null;
}

/** Euclidean norm of a[off .. off + n), used for the per-step hidden-gradient norms. */
export function sliceNorm(a: Float64Array, off: number, n: number): number {
  let s = 0;
  for (let i = off; i < off + n; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}
