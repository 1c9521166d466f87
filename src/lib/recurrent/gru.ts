/**
 * GRU cell (Cho et al. 2014), in the "reset after" convention used by cuDNN, PyTorch and
 * Keras' `reset_after=True`: the reset gate multiplies the recurrent contribution *after* the
 * matrix product, so all three recurrent products fuse into one pass over W_h. Fused order in
 * W_x [3H, I], W_h [3H, H], b [3H]: r, z, n; plus a separate recurrent bias bhn [H] for n.
 *
 *   r_t = sigma(W_x^r x_t + b^r + W_h^r h_{t-1})
 *   z_t = sigma(W_x^z x_t + b^z + W_h^z h_{t-1})
 *   n_t = tanh(W_x^n x_t + b^n + r_t ⊙ (W_h^n h_{t-1} + bhn))
 *   h_t = (1 - z_t) ⊙ n_t + z_t ⊙ h_{t-1}
 *
 * z is the "keep" gate: z = 1 copies the old state, so dh_t/dh_{t-1} contains diag(z_t), a
 * path with no weight matrix — the GRU's counterpart of the LSTM's cell-state path.
 *
 * BPTT with dh = dL/dh_t (total), m = W_h^n h_{t-1} + bhn:
 *   dn = dh ⊙ (1 - z)          da^n = dn ⊙ (1 - n^2)       (pre-activation of n)
 *   dz = dh ⊙ (h_{t-1} - n)    da^z = dz ⊙ z(1 - z)
 *   dr = da^n ⊙ m              da^r = dr ⊙ r(1 - r)        dm = da^n ⊙ r
 *   input side:     [da^r, da^z, da^n] -> dW_x, db
 *   recurrent side: [da^r, da^z, dm]   -> dW_h, and dbhn += dm
 *   dh_{t-1} = dh ⊙ z + W_h^T [da^r, da^z, dm]
 */
import { sigmoid } from "../activations";
import { createParam } from "../params";
import { type CellCore, type CellShape, sliceNorm } from "./cell";

export function createGruCell(shape: CellShape): CellCore {
  const I = shape.inputs;
  const H = shape.hidden;
  const G = 3 * H;
  const Wx = createParam("gru.Wx", 1, "Wx", [G, I]);
  const Wh = createParam("gru.Wh", 1, "Wh", [G, H]);
  const b = createParam("gru.b", 1, "b", [G]);
  const bhn = createParam("gru.bhn", 1, "b", [H]);

  let T = 0;
  let B = 0;
  let x: Float64Array = new Float64Array(0);
  let hs = new Float64Array(0); // [T + 1, B, H]
  let acts = new Float64Array(0); // r, z, n [T, B, 3H]
  let ms = new Float64Array(0); // m = W_h^n h_{t-1} + bhn [T, B, H]
  let ax = new Float64Array(0); // scratch: input-side pre-activations [3H]
  let ah = new Float64Array(0); // scratch: recurrent-side products [3H]
  let dh = new Float64Array(0); // [B, H]
  let dhNext = new Float64Array(0); // [B, H]
  let dax = new Float64Array(0); // [B, 3H]
  let dah = new Float64Array(0); // [B, 3H]

  function ensure(t: number, batch: number): void {
    if (t === T && batch === B) return;
    T = t;
    B = batch;
    hs = new Float64Array((T + 1) * B * H);
    acts = new Float64Array(T * B * G);
    ms = new Float64Array(T * B * H);
    ax = new Float64Array(G);
    ah = new Float64Array(G);
    dh = new Float64Array(B * H);
    dhNext = new Float64Array(B * H);
    dax = new Float64Array(B * G);
    dah = new Float64Array(B * G);
  }

  return {
    params: [Wx, Wh, b, bhn],
    recurrent: Wh,
    gates: 3,
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
      const bn = bhn.value;
      for (let s = 0; s < T; s++) {
        for (let n = 0; n < B; n++) {
          const xo = (s * B + n) * I;
          const hp = (s * B + n) * H;
          const ho = hp + B * H;
          const ao = (s * B + n) * G;
          for (let j = 0; j < G; j++) {
            let a = bias[j];
            const wxo = j * I;
            for (let i = 0; i < I; i++) a += wx[wxo + i] * x[xo + i];
            ax[j] = a;
            let r = 0;
            const who = j * H;
            for (let k = 0; k < H; k++) r += wh[who + k] * hs[hp + k];
            ah[j] = r;
          }
          for (let k = 0; k < H; k++) {
            const rg = sigmoid(ax[k] + ah[k]);
            const zg = sigmoid(ax[H + k] + ah[H + k]);
            const m = ah[2 * H + k] + bn[k];
            const ng = Math.tanh(ax[2 * H + k] + rg * m);
            acts[ao + k] = rg;
            acts[ao + H + k] = zg;
            acts[ao + 2 * H + k] = ng;
            ms[hp + k] = m;
            hs[ho + k] = (1 - zg) * ng + zg * hs[hp + k];
          }
        }
      }
    },
    backward(dHs, hiddenNorms) {
      const wh = Wh.value;
      const gWx = Wx.grad;
      const gWh = Wh.grad;
      const gb = b.grad;
      const gbn = bhn.grad;
      dhNext.fill(0);
      for (let s = T - 1; s >= 0; s--) {
        let normSum = 0;
        for (let n = 0; n < B; n++) {
          const hp = (s * B + n) * H;
          const ao = (s * B + n) * G;
          const bo = n * H;
          const dao = n * G;
          for (let k = 0; k < H; k++) dh[bo + k] = dHs[hp + k] + dhNext[bo + k];
          normSum += sliceNorm(dh, bo, H);
          for (let k = 0; k < H; k++) {
            const rg = acts[ao + k];
            const zg = acts[ao + H + k];
            const ng = acts[ao + 2 * H + k];
            const dhk = dh[bo + k];
            const dan = dhk * (1 - zg) * (1 - ng * ng);
            const daz = dhk * (hs[hp + k] - ng) * zg * (1 - zg);
            const dar = dan * ms[hp + k] * rg * (1 - rg);
            const dm = dan * rg;
            dax[dao + k] = dar;
            dax[dao + H + k] = daz;
            dax[dao + 2 * H + k] = dan;
            dah[dao + k] = dar;
            dah[dao + H + k] = daz;
            dah[dao + 2 * H + k] = dm;
            gbn[k] += dm;
          }
        }
        hiddenNorms[s] = normSum / B;
        // dh_{t-1} = dh ⊙ z + W_h^T [da^r, da^z, dm]; then parameter gradients.
        for (let n = 0; n < B; n++) {
          const xo = (s * B + n) * I;
          const hp = (s * B + n) * H;
          const ao = (s * B + n) * G;
          const bo = n * H;
          const dao = n * G;
          for (let k = 0; k < H; k++) dhNext[bo + k] = dh[bo + k] * acts[ao + H + k];
          for (let j = 0; j < G; j++) {
            const dxj = dax[dao + j];
            gb[j] += dxj;
            const wxo = j * I;
            for (let i = 0; i < I; i++) gWx[wxo + i] += dxj * x[xo + i];
            const d = dah[dao + j];
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
    initialCellGrad: () => null,
  };
}
