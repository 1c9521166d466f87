/**
 * A trainable parameter tensor: a flat Float64Array with an explicit shape, and its
 * gradient buffer of the same length. Every model in the core (MLP, RNN, LSTM, GRU)
 * exposes its parameters as a list of these, so optimisers, clipping and diagnostics work
 * on any model without knowing its structure.
 *
 * Layout convention for a dense weight: shape [out, in], row-major, so W[o][i] = value[o * in + i].
 */
export type ParamKind = "W" | "b" | "gamma" | "beta" | "Wx" | "Wh";

export interface Param {
  /** Unique, human-readable, stable name, e.g. "layer3.W" or "lstm.Wh". */
  readonly name: string;
  /** Which layer it belongs to (1-based for hidden layers; the output layer is L). */
  readonly layer: number;
  readonly kind: ParamKind;
  readonly shape: readonly number[];
  readonly value: Float64Array;
  readonly grad: Float64Array;
}

export function createParam(name: string, layer: number, kind: ParamKind, shape: readonly number[]): Param {
  const n = shape.reduce((a, b) => a * b, 1);
  return { name, layer, kind, shape, value: new Float64Array(n), grad: new Float64Array(n) };
}

export function zeroGrads(params: readonly Param[]): void {
  for (const p of params) p.grad.fill(0);
}
