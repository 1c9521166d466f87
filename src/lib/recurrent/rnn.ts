/**
 * Vanilla (Elman) RNN cell:
 *
 *   a_t = W_x x_t + W_h h_{t-1} + b,     h_t = f(a_t),   f = tanh or the logistic sigmoid.
 *
 * Backpropagation through time: with g_t = dL/dh_t (total derivative),
 *   g_t  = dHs_t + W_h^T (f'(a_{t+1}) ⊙ g_{t+1})       (readout at t, plus the path through t+1)
 *   dW_x += delta_t x_t^T,   dW_h += delta_t h_{t-1}^T,   db += delta_t,   delta_t = f'(a_t) ⊙ g_t.
 * Unrolled (readout at T only), dL/dh_k = W_h^T D_{k+1} W_h^T D_{k+2} ... W_h^T D_T dL/dh_T with
 * D_t = diag f'(a_t). Each factor has norm at most gamma sigma_max(W_h), gamma = max |f'|
 * (1 for tanh, 1/4 for the sigmoid), so ||dL/dh_k|| <= (gamma sigma_max(W_h))^(T-k) ||dL/dh_T||:
 * geometric vanishing whenever gamma sigma_max(W_h) < 1 (Pascanu, Mikolov & Bengio 2013).
 */
import type { Activation } from "../activations";
import { createParam } from "../params";
import { type CellCore, type CellShape, sliceNorm } from "./cell";

export function createRnnCell(shape: CellShape, activation: Activation): CellCore {
  const I = shape.inputs;
  const H = shape.hidden;
  const Wx = createParam("rnn.Wx", 1, "Wx", [H, I]);
  const Wh = createParam("rnn.Wh", 1, "Wh", [H, H]);
  const b = createParam("rnn.b", 1, "b", [H]);
  const df = activation.df;
  const f = activation.f;

  let T = 0;
  let B = 0;
  let x: Float64Array = new Float64Array(0);
  let hs = new Float64Array(0); // [T + 1, B, H]
  let pre = new Float64Array(0); // a_t [T, B, H], kept for f'(a, y)
  let g = new Float64Array(0); // dL/dh_t for the current t [B, H]
  let gPrev = new Float64Array(0); // being accumulated for t - 1 [B, H]
  let delta = new Float64Array(0); // f'(a_t) ⊙ g_t [B, H]

  function ensure(t: number, batch: number): void {
    if (t === T && batch === B) return;
    T = t;
    B = batch;
    hs = new Float64Array((T + 1) * B * H);
    pre = new Float64Array(T * B * H);
    g = new Float64Array(B * H);
    gPrev = new Float64Array(B * H);
    delta = new Float64Array(B * H);
  }

  return {
    params: [Wx, Wh, b],
    recurrent: Wh,
    gates: 1,
    hiddenStates: () => hs,
    cellStates: () => null,
    forward(input, t, batch, h0) {
      ensure(t, batch);
      x = input;
      if (h0) hs.set(h0.subarray(0, B * H), 0);
      else hs.fill(0, 0, B * H);
      const wx = Wx.value;
      const wh = Wh.value;
      const bias = b.value;
      for (let s = 0; s < T; s++) {
        const hPrevOff = s * B * H;
        const hOff = (s + 1) * B * H;
        for (let n = 0; n < B; n++) {
          const xo = (s * B + n) * I;
          const ho = hPrevOff + n * H;
          for (let j = 0; j < H; j++) {
            let a = bias[j];
            const wxo = j * I;
            for (let i = 0; i < I; i++) a += wx[wxo + i] * x[xo + i];
            const who = j * H;
            for (let k = 0; k < H; k++) a += wh[who + k] * hs[ho + k];
            pre[s * B * H + n * H + j] = a;
            hs[hOff + n * H + j] = f(a);
          }
        }
      }
    },
    backward(dHs, hiddenNorms) {
      const wh = Wh.value;
      const gWx = Wx.grad;
      const gWh = Wh.grad;
      const gb = b.grad;
      gPrev.fill(0); // dL/dh_T from beyond the last step: none
      for (let s = T - 1; s >= 0; s--) {
        const off = s * B * H;
        const hOff = (s + 1) * B * H;
        let normSum = 0;
        for (let i = 0; i < B * H; i++) g[i] = dHs[off + i] + gPrev[i];
        for (let n = 0; n < B; n++) normSum += sliceNorm(g, n * H, H);
        hiddenNorms[s] = normSum / B;
        for (let i = 0; i < B * H; i++) delta[i] = g[i] * df(pre[off + i], hs[hOff + i]);
        gPrev.fill(0);
        for (let n = 0; n < B; n++) {
          const xo = (s * B + n) * I;
          const ho = off + n * H; // h_{t-1} lives at hs[s]
          const dOff = n * H;
          for (let j = 0; j < H; j++) {
            const d = delta[dOff + j];
            if (d === 0) continue;
            gb[j] += d;
            const wxo = j * I;
            for (let i = 0; i < I; i++) gWx[wxo + i] += d * x[xo + i];
            const who = j * H;
            for (let k = 0; k < H; k++) {
              gWh[who + k] += d * hs[ho + k];
              gPrev[dOff + k] += d * wh[who + k];
            }
          }
        }
      }
    },
    initialHiddenGrad: () => gPrev,
    initialCellGrad: () => null,
  };
}
