/**
 * Batched activation kernels for the hot path. The registry in ../activations.ts is the
 * definition (f and f' side by side, one scalar at a time); these loops compute exactly the
 * same functions over a whole buffer, with the `switch` outside the loop so that V8 runs a
 * tight monomorphic loop instead of an indirect call per element. A unit test checks each
 * kernel against the registry element by element.
 */

import { type ActivationName, LEAKY_SLOPE } from "../activations";
import { exp } from "../portable-math";

/** out[i] = f(z[i]) for i < n. `out` may alias `z`. */
export function activateInto(name: ActivationName, z: Float64Array, out: Float64Array, n: number): void {
  switch (name) {
    case "sigmoid":
      for (let i = 0; i < n; i++) {
        const x = z[i]!;
        // e^-|x| never overflows; sigma(x) = 1/(1+e^-x) for x >= 0 and e^x/(1+e^x) below.
        if (x >= 0) out[i] = 1 / (1 + exp(-x));
        else {
          const e = exp(x);
          out[i] = e / (1 + e);
        }
      }
      return;
    case "tanh":
      for (let i = 0; i < n; i++) out[i] = Math.tanh(z[i]!);
      return;
    case "relu":
      for (let i = 0; i < n; i++) {
        const x = z[i]!;
        out[i] = Math.max(x, 0); // Math.max propagates NaN (a ternary would hide it as 0)
      }
      return;
    case "leakyRelu":
      for (let i = 0; i < n; i++) {
        const x = z[i]!;
        out[i] = x > 0 ? x : LEAKY_SLOPE * x;
      }
      return;
    case "linear":
      if (out !== z) for (let i = 0; i < n; i++) out[i] = z[i]!;
      return;
    case "softsign":
      for (let i = 0; i < n; i++) {
        const x = z[i]!;
        out[i] = x / (1 + Math.abs(x));
      }
      return;
  }
}

/**
 * dZ[i] = dA[i] * f'(z[i]) for i < n, where a = f(z) (the forward output, used for the
 * cheap closed forms sigma' = a(1-a) and tanh' = 1 - a^2). `dZ` may alias `dA`.
 */
export function activationBackward(
  name: ActivationName,
  z: Float64Array,
  a: Float64Array,
  dA: Float64Array,
  dZ: Float64Array,
  n: number,
): void {
  switch (name) {
    case "sigmoid":
      for (let i = 0; i < n; i++) {
        const y = a[i]!;
        dZ[i] = dA[i]! * (y * (1 - y));
      }
      return;
    case "tanh":
      for (let i = 0; i < n; i++) {
        const y = a[i]!;
        dZ[i] = dA[i]! * (1 - y * y);
      }
      return;
    case "relu":
      for (let i = 0; i < n; i++) dZ[i] = z[i]! > 0 ? dA[i]! : 0;
      return;
    case "leakyRelu":
      for (let i = 0; i < n; i++) dZ[i] = z[i]! > 0 ? dA[i]! : LEAKY_SLOPE * dA[i]!;
      return;
    case "linear":
      if (dZ !== dA) for (let i = 0; i < n; i++) dZ[i] = dA[i]!;
      return;
    case "softsign":
      for (let i = 0; i < n; i++) {
        const d = 1 + Math.abs(z[i]!);
        dZ[i] = dA[i]! * (1 / (d * d));
      }
      return;
  }
}

/** out[i] = f'(z[i]) given a = f(z): the slope itself (for diagnostics). */
export function slopeInto(
  name: ActivationName,
  z: Float64Array,
  a: Float64Array,
  out: Float64Array,
  n: number,
): void {
  switch (name) {
    case "sigmoid":
      for (let i = 0; i < n; i++) out[i] = a[i]! * (1 - a[i]!);
      return;
    case "tanh":
      for (let i = 0; i < n; i++) out[i] = 1 - a[i]! * a[i]!;
      return;
    case "relu":
      for (let i = 0; i < n; i++) out[i] = z[i]! > 0 ? 1 : 0;
      return;
    case "leakyRelu":
      for (let i = 0; i < n; i++) out[i] = z[i]! > 0 ? 1 : LEAKY_SLOPE;
      return;
    case "linear":
      out.fill(1, 0, n);
      return;
    case "softsign":
      for (let i = 0; i < n; i++) {
        const d = 1 + Math.abs(z[i]!);
        out[i] = 1 / (d * d);
      }
      return;
  }
}
