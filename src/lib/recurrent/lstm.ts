/**
 * LSTM cell with input, forget and output gates (Hochreiter & Schmidhuber 1997; the forget
 * gate of Gers, Schmidhuber & Cummins 2000). Fused gate order in W_x [4H, I], W_h [4H, H]
 * and b [4H]: i, f, g, o (as PyTorch and cuDNN).
 *
 *   i_t = sigma(a^i_t)   f_t = sigma(a^f_t)   g_t = tanh(a^g_t)   o_t = sigma(a^o_t)
 *   a_t = W_x x_t + W_h h_{t-1} + b           (all four gates in one matrix product)
 *   c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
 *   h_t = o_t ⊙ tanh(c_t)
 *
 * Why it keeps gradients alive: dc_t/dc_{t-1} = diag(f_t) along the cell-state path — no
 * weight matrix and no squashing derivative — so with the forget gate near 1 (a forget bias
 * of about 1 at init, Jozefowicz et al. 2015) the error signal travels many steps intact.
 *
 * BPTT, with dh = dL/dh_t and dc = dL/dc_t (both total derivatives):
 *   dc    = dc_next + dh ⊙ o ⊙ (1 - tanh(c)^2)
 *   da^i  = dc ⊙ g ⊙ i(1 - i)          da^f = dc ⊙ c_{t-1} ⊙ f(1 - f)
 *   da^g  = dc ⊙ i ⊙ (1 - g^2)         da^o = dh ⊙ tanh(c) ⊙ o(1 - o)
 *   dc_{t-1} = dc ⊙ f,   dh_{t-1} = dHs_{t-1} + W_h^T da
 */
import { sigmoid } from "../activations";
import { createParam } from "../params";
import { type CellCore, type CellShape, sliceNorm } from "./cell";

export function createLstmCell(shape: CellShape): CellCore {
  const I = shape.inputs;
  const H = shape.hidden;
  const G = 4 * H;
  const Wx = createParam("lstm.Wx", 1, "Wx", [G, I]);
  const Wh = createParam("lstm.Wh", 1, "Wh", [G, H]);
  const b = createParam("lstm.b", 1, "b", [G]);

  let T = 0;
  let B = 0;
  let x: Float64Array = new Float64Array(0);
  let hs = new Float64Array(0); // [T + 1, B, H]
  let cs = new Float64Array(0); // [T + 1, B, H]
  let tcs = new Float64Array(0); // tanh(c_t) [T, B, H]
  let acts = new Float64Array(0); // gate activations i, f, g, o [T, B, 4H]
  let dh = new Float64Array(0); // [B, H]
  let dc = new Float64Array(0); // [B, H]
  let dhNext = new Float64Array(0); // [B, H]
  let dcNext = new Float64Array(0); // [B, H]
  let da = new Float64Array(0); // [B, 4H]

  function ensure(t: number, batch: number): void {
    if (t === T && batch === B) return;
    T = t;
    B = batch;
    hs = new Float64Array((T + 1) * B * H);
    cs = new Float64Array((T + 1) * B * H);
    tcs = new Float64Array(T * B * H);
    acts = new Float64Array(T * B * G);
    dh = new Float64Array(B * H);
    dc = new Float64Array(B * H);
    dhNext = new Float64Array(B * H);
    dcNext = new Float64Array(B * H);
    da = new Float64Array(B * G);
  }

  return {
    params: [Wx, Wh, b],
    recurrent: Wh,
    gates: 4,
    hiddenStates: () => hs,
    cellStates: () => cs,
    forward(input, t, batch, h0, c0) {
      ensure(t, batch);
      x = input;
      if (h0) hs.set(h0.subarray(0, B * H), 0);
      else hs.fill(0, 0, B * H);
      if (c0) cs.set(c0.subarray(0, B * H), 0);
      else cs.fill(0, 0, B * H);
      // Locals, not the closure's reassignable buffers: lets the JIT keep them in registers.
      const wx = Wx.value;
      const wh = Wh.value;
      const bias = b.value;
      const xs = x;
      const hs_ = hs;
      const cs_ = cs;
      const tcs_ = tcs;
      const acts_ = acts;
      for (let s = 0; s < T; s++) {
        for (let n = 0; n < B; n++) {
          const xo = (s * B + n) * I;
          const hp = (s * B + n) * H; // h_{t-1}, c_{t-1}
          const ho = hp + B * H; // h_t, c_t
          const ao = (s * B + n) * G;
          // Fused pre-activations of all four gates: one pass over W_x and W_h.
          for (let j = 0; j < G; j++) {
            let a = bias[j];
            const wxo = j * I;
            for (let i = 0; i < I; i++) a += wx[wxo + i] * xs[xo + i];
            const who = j * H;
            for (let k = 0; k < H; k++) a += wh[who + k] * hs_[hp + k];
            acts_[ao + j] = a;
          }
          const to = (s * B + n) * H;
          for (let k = 0; k < H; k++) {
            const ig = sigmoid(acts_[ao + k]);
            const fg = sigmoid(acts_[ao + H + k]);
            const gg = Math.tanh(acts_[ao + 2 * H + k]);
            const og = sigmoid(acts_[ao + 3 * H + k]);
            acts_[ao + k] = ig;
            acts_[ao + H + k] = fg;
            acts_[ao + 2 * H + k] = gg;
            acts_[ao + 3 * H + k] = og;
            const c = fg * cs_[hp + k] + ig * gg;
            const tc = Math.tanh(c);
            cs_[ho + k] = c;
            tcs_[to + k] = tc;
            hs_[ho + k] = og * tc;
          }
        }
      }
    },
    backward(dHs, hiddenNorms, cellNorms) {
      const wh = Wh.value;
      const gWx = Wx.grad;
      const gWh = Wh.grad;
      const gb = b.grad;
      dhNext.fill(0);
      dcNext.fill(0);
      for (let s = T - 1; s >= 0; s--) {
        let hNormSum = 0;
        let cNormSum = 0;
        for (let n = 0; n < B; n++) {
          const hp = (s * B + n) * H;
          const to = hp; // tanh(c_t) has the same [T, B, H] indexing as h_{t-1} in hs
          const ao = (s * B + n) * G;
          const bo = n * H;
          const dao = n * G;
          for (let k = 0; k < H; k++) dh[bo + k] = dHs[hp + k] + dhNext[bo + k];
          hNormSum += sliceNorm(dh, bo, H);
          for (let k = 0; k < H; k++) {
            const ig = acts[ao + k];
            const fg = acts[ao + H + k];
            const gg = acts[ao + 2 * H + k];
            const og = acts[ao + 3 * H + k];
            const tc = tcs[to + k];
            const dhk = dh[bo + k];
            const dck = dcNext[bo + k] + dhk * og * (1 - tc * tc);
            dc[bo + k] = dck;
            da[dao + k] = dck * gg * ig * (1 - ig);
            da[dao + H + k] = dck * cs[hp + k] * fg * (1 - fg);
            da[dao + 2 * H + k] = dck * ig * (1 - gg * gg);
            da[dao + 3 * H + k] = dhk * tc * og * (1 - og);
            dcNext[bo + k] = dck * fg;
          }
          cNormSum += sliceNorm(dc, bo, H);
        }
        hiddenNorms[s] = hNormSum / B;
        cellNorms[s] = cNormSum / B;
        // Parameter gradients and dh_{t-1} = W_h^T da, one pass over W_h per example.
        dhNext.fill(0);
        for (let n = 0; n < B; n++) {
          const xo = (s * B + n) * I;
          const hp = (s * B + n) * H;
          const dao = n * G;
          const bo = n * H;
          for (let j = 0; j < G; j++) {
            const d = da[dao + j];
            gb[j] += d;
            const wxo = j * I;
            for (let i = 0; i < I; i++) gWx[wxo + i] += d * x[xo + i];
            const who = j * H;
            for (let k = 0; k < H; k++) {
              gWh[who + k] += d * hs[hp + k];
              dhNext[bo + k] += d * wh[who + k];
            }
          }
        }
      }
    },
    initialHiddenGrad: () => dhNext,
    initialCellGrad: () => dcNext,
  };
}
