/**
 * Activation functions, each with its derivative beside it.
 *
 * `f(x)` is the activation, `df(x, y)` its derivative at x given y = f(x) — passing y lets
 * the sigmoid and tanh use their cheap closed forms
 *   sigma'(x) = sigma(x) (1 - sigma(x)),   tanh'(x) = 1 - tanh(x)^2
 * without recomputing an exponential in the backward pass.
 *
 * All are stable for |x| up to 1e4 and beyond: the sigmoid never evaluates e^x for large
 * positive x (it uses e^-|x|), so nothing overflows to Infinity/Infinity = NaN.
 */
import { exp } from "./portable-math";

export interface Activation {
  readonly name: ActivationName;
  readonly label: string;
  /** f(x) */
  f(x: number): number;
  /** f'(x), given x and y = f(x). */
  df(x: number, y: number): number;
  /** Largest value of f' over the real line (used by bounds and by the prose). */
  readonly maxSlope: number;
  /** Whether f saturates (f' -> 0 on both tails). */
  readonly saturating: boolean;
}

/** Leaky ReLU's slope for x < 0. */
export const LEAKY_SLOPE = 0.01;

/** sigma(x) = 1 / (1 + e^-x), computed as e^x / (1 + e^x) for x < 0 so e^-x never overflows. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + exp(-x));
  const e = exp(x);
  return e / (1 + e);
}

/** sigma'(x) = sigma(x)(1 - sigma(x)); max 1/4 at x = 0, ~ e^-|x| on the tails. */
export function sigmoidPrime(x: number): number {
  // e^-|x| / (1 + e^-|x|)^2 is symmetric and never overflows.
  const e = exp(-Math.abs(x));
  return e / ((1 + e) * (1 + e));
}

/** tanh'(x) = 1 - tanh(x)^2 = sech(x)^2, computed from e^-2|x| for stability. */
export function tanhPrime(x: number): number {
  const e = exp(-2 * Math.abs(x));
  return (4 * e) / ((1 + e) * (1 + e));
}

const registry = {
  sigmoid: {
    label: "sigmoid",
    f: sigmoid,
    df: (_x: number, y: number) => y * (1 - y),
    maxSlope: 0.25,
    saturating: true,
  },
  tanh: {
    label: "tanh",
    f: Math.tanh,
    df: (_x: number, y: number) => 1 - y * y,
    maxSlope: 1,
    saturating: true,
  },
  relu: {
    label: "ReLU",
    // Math.max keeps NaN a NaN (a ternary `x > 0 ? x : 0` would turn it into 0 and hide a
    // diverged layer behind healthy-looking zeros).
    f: (x: number) => Math.max(x, 0),
    // The derivative at exactly 0 is taken as 0 (a subgradient); see the chapter on ReLU.
    df: (x: number) => (x > 0 ? 1 : 0),
    maxSlope: 1,
    saturating: false,
  },
  leakyRelu: {
    label: "leaky ReLU",
    f: (x: number) => (x > 0 ? x : LEAKY_SLOPE * x),
    df: (x: number) => (x > 0 ? 1 : LEAKY_SLOPE),
    maxSlope: 1,
    saturating: false,
  },
  linear: {
    label: "linear",
    f: (x: number) => x,
    df: () => 1,
    maxSlope: 1,
    saturating: false,
  },
  softsign: {
    label: "softsign",
    // x / (1 + |x|); derivative 1 / (1 + |x|)^2 = (1 - |y|)^2, decaying only polynomially.
    f: (x: number) => x / (1 + Math.abs(x)),
    df: (x: number) => {
      const d = 1 + Math.abs(x);
      return 1 / (d * d);
    },
    maxSlope: 1,
    saturating: true,
  },
} as const;

/** The one list of activation names: union type, runtime check and error message come from it. */
export const ACTIVATION_NAMES = Object.keys(registry) as ReadonlyArray<keyof typeof registry>;
export type ActivationName = keyof typeof registry;

export const ACTIVATIONS: { readonly [K in ActivationName]: Activation } = Object.fromEntries(
  ACTIVATION_NAMES.map((name) => [name, { name, ...registry[name] }]),
) as { readonly [K in ActivationName]: Activation };

export function isActivationName(x: unknown): x is ActivationName {
  return typeof x === "string" && (ACTIVATION_NAMES as readonly string[]).includes(x);
}

export function getActivation(name: ActivationName): Activation {
  return ACTIVATIONS[name];
}
