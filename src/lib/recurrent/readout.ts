/**
 * The dense readout on top of the hidden states: y = W_o h + b_o, linear (a loss such as MSE
 * or cross-entropy with logits is applied outside the model).
 *
 *   "last": one output per sequence, from h_T          -> y [B, O]
 *   "all":  one output per step, from every h_t        -> y [T, B, O]
 *
 * Backward writes dL/dh_t into dHs [T, B, H]: dHs_t = W_o^T dy_t where there is an output,
 * zero elsewhere, and accumulates dW_o += dy h^T, db_o += dy.
 */
import { createParam, type Param } from "../params";

export const READOUT_NAMES = ["last", "all"] as const;
export type ReadoutName = (typeof READOUT_NAMES)[number];

export interface Readout {
  readonly params: Param[];
  /** Output buffer of the last forward pass (overwritten by the next). */
  forward(hs: Float64Array, T: number, B: number): Float64Array;
  /** dOut has the output's shape; writes dHs [T, B, H] and accumulates the readout's grads. */
  backward(dOut: Float64Array, hs: Float64Array, dHs: Float64Array): void;
}

export function createReadout(mode: ReadoutName, hidden: number, outputs: number, layer: number): Readout {
  const H = hidden;
  const O = outputs;
  const W = createParam("readout.W", layer, "W", [O, H]);
  const b = createParam("readout.b", layer, "b", [O]);
  let T = 0;
  let B = 0;
  let y = new Float64Array(0);

  // Output rows read hidden states hs[t + 1] for t in [first, T).
  const first = (t: number) => (mode === "last" ? t - 1 : 0);

  return {
    params: [W, b],
    forward(hs, t, batch) {
      if (t !== T || batch !== B) {
        T = t;
        B = batch;
        y = new Float64Array((mode === "last" ? 1 : T) * B * O);
      }
      const w = W.value;
      const bias = b.value;
      const t0 = first(T);
      for (let s = t0; s < T; s++) {
        for (let n = 0; n < B; n++) {
          const ho = ((s + 1) * B + n) * H;
          const yo = ((s - t0) * B + n) * O;
          for (let o = 0; o < O; o++) {
            let a = bias[o];
            const wo = o * H;
            for (let k = 0; k < H; k++) a += w[wo + k] * hs[ho + k];
            y[yo + o] = a;
          }
        }
      }
      return y;
    },
    backward(dOut, hs, dHs) {
      const w = W.value;
      const gW = W.grad;
      const gb = b.grad;
      const t0 = first(T);
      // Steps before t0 get no signal from the readout.
      dHs.fill(0, 0, t0 * B * H);
      for (let s = t0; s < T; s++) {
        for (let n = 0; n < B; n++) {
          const ho = ((s + 1) * B + n) * H;
          const dho = (s * B + n) * H;
          const yo = ((s - t0) * B + n) * O;
          dHs.fill(0, dho, dho + H);
          for (let o = 0; o < O; o++) {
            const d = dOut[yo + o];
            gb[o] += d;
            const wo = o * H;
            for (let k = 0; k < H; k++) {
              gW[wo + k] += d * hs[ho + k];
              dHs[dho + k] += d * w[wo + k];
            }
          }
        }
      }
    },
  };
}
