/**
 * Initialisation of a recurrent model's weights.
 *
 * Default: every input and recurrent weight ~ U(-k, k) with k = scale / sqrt(H), the default
 * of PyTorch and of the LSTM literature (it keeps h_t's pre-activations O(1) whatever H is);
 * biases zero except the LSTM forget gate's, set to `forgetBias` so that f_t ~ sigma(1) ~ 0.73
 * at the start and the cell state is remembered rather than wiped. The readout is Glorot
 * uniform, U(±sqrt(6 / (H + O))).
 *
 * `recurrentSigma` then rescales each gate's H x H block of W_h to that largest singular value,
 * which is the knob of the Pascanu et al. condition in chapter 5 (for the vanilla RNN,
 * sigma_max(W_h) < 1 with tanh, < 4 with the sigmoid, guarantees vanishing).
 *
 * Draw order from the rng (fixed, so a seed reproduces a model): W_x, W_h, readout W.
 */
import type { Param } from "../params";
import type { Rng } from "../rng";
import { rescaleToSingularValue } from "./spectral";

export interface RecurrentInit {
  /** Multiplies the default bound 1/sqrt(H) of the input and recurrent weights. Default 1. */
  readonly scale?: number;
  /** If set, each H x H gate block of W_h is rescaled to this largest singular value. */
  readonly recurrentSigma?: number;
}

export function fillUniform(rng: Rng, a: Float64Array, bound: number): void {
  for (let i = 0; i < a.length; i++) a[i] = rng.uniform(-bound, bound);
}

export function initRecurrentWeights(
  rng: Rng,
  wx: Param,
  wh: Param,
  gates: number,
  hidden: number,
  init: RecurrentInit,
): void {
  const k = (init.scale ?? 1) / Math.sqrt(hidden);
  fillUniform(rng, wx.value, k);
  fillUniform(rng, wh.value, k);
  if (init.recurrentSigma !== undefined) {
    for (let gate = 0; gate < gates; gate++) {
      rescaleToSingularValue(wh.value, hidden, hidden, init.recurrentSigma, gate * hidden * hidden);
    }
  }
}

export function initReadout(rng: Rng, w: Param, hidden: number, outputs: number): void {
  fillUniform(rng, w.value, Math.sqrt(6 / (hidden + outputs)));
}
