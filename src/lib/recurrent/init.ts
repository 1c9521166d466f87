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
import { type InitScheme, sampleInto, weightDistribution } from "../inits";
import type { Param } from "../params";
import type { Rng } from "../rng";
import { rescaleToSingularValue } from "./spectral";

export interface RecurrentInit {
  /**
   * Multiplies the weights of W_x and W_h after drawing. Default 1. Without a `scheme` the
   * draw is U(-1/sqrt(H), 1/sqrt(H)), so the bound becomes scale / sqrt(H).
   */
  readonly scale?: number;
  /**
   * Optional: one of the dense initialisers of ../inits.ts instead of the 1/sqrt(H) default,
   * applied with fans (inputs, hidden) to W_x and (hidden, hidden) to W_h.
   */
  readonly scheme?: InitScheme;
  /** Knobs of the `uniform` and `normal` schemes. */
  readonly a?: number;
  readonly sigma?: number;
  /** If set, each H x H gate block of W_h is rescaled to this largest singular value. */
  readonly recurrentSigma?: number;
}

export function initRecurrentWeights(
  rng: Rng,
  wx: Param,
  wh: Param,
  gates: number,
  hidden: number,
  init: RecurrentInit,
): void {
  const scale = init.scale ?? 1;
  if (init.scheme === undefined) {
    const limit = Math.abs(scale) / Math.sqrt(hidden);
    sampleInto(wx.value, { kind: "uniform", limit }, rng);
    sampleInto(wh.value, { kind: "uniform", limit }, rng);
  } else {
    const spec = { scheme: init.scheme, scale, a: init.a, sigma: init.sigma };
    const inputs = wx.shape[1] as number;
    sampleInto(wx.value, weightDistribution(spec, inputs, hidden), rng);
    sampleInto(wh.value, weightDistribution(spec, hidden, hidden), rng);
  }
  if (init.recurrentSigma !== undefined) {
    for (let gate = 0; gate < gates; gate++) {
      rescaleToSingularValue(wh.value, hidden, hidden, init.recurrentSigma, gate * hidden * hidden);
    }
  }
}

export function initReadout(rng: Rng, w: Param, hidden: number, outputs: number): void {
  sampleInto(w.value, weightDistribution({ scheme: "glorotUniform" }, hidden, outputs), rng);
}
