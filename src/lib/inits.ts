/**
 * Weight initialisers: one `as const` registry of schemes, each reduced to a distribution
 * (uniform on [-limit, limit] or normal with standard deviation sd) given the layer's fan-in
 * n_in and fan-out n_out.
 *
 *   scheme          distribution                 variance Var[W]
 *   uniform(a)      U[-a, a]                     a^2 / 3
 *   normal(sigma)   N(0, sigma^2)                sigma^2
 *   standard        U[-1/sqrt(n_in), 1/sqrt(n_in)]   1 / (3 n_in)      (so n_in Var[W] = 1/3)
 *   glorotUniform   U[-sqrt(6/(n_in+n_out)), +]  2 / (n_in + n_out)   (Glorot & Bengio 2010)
 *   glorotNormal    N(0, 2/(n_in+n_out))         2 / (n_in + n_out)
 *   heNormal        N(0, 2/n_in)                 2 / n_in            (He et al. 2015, for ReLU)
 *   heUniform       U[-sqrt(6/n_in), +]          2 / n_in
 *   lecun           N(0, 1/n_in)                 1 / n_in            (LeCun 1998; "sqrt(1/n)")
 *
 * Every scheme is then multiplied by an explicit `scale` (default 1), which is how a widget
 * shows "the same init, but 4x larger" to make gradients explode.
 */
import type { Param } from "./params";
import type { Rng } from "./rng";

export type Distribution =
  | { readonly kind: "uniform"; readonly limit: number }
  | { readonly kind: "normal"; readonly sd: number };

/** Knobs a scheme may read. `a` is the uniform half-width, `sigma` the normal sd. */
export interface InitKnobs {
  readonly a: number;
  readonly sigma: number;
}

interface SchemeEntry {
  readonly label: string;
  distribution(fanIn: number, fanOut: number, knobs: InitKnobs): Distribution;
}

const schemes = {
  uniform: {
    label: "uniform ±a",
    distribution: (_i: number, _o: number, k: InitKnobs) => ({ kind: "uniform", limit: k.a }),
  },
  normal: {
    label: "normal(σ)",
    distribution: (_i: number, _o: number, k: InitKnobs) => ({ kind: "normal", sd: k.sigma }),
  },
  standard: {
    label: "standard U[-1/√n, 1/√n]",
    distribution: (nIn: number) => ({ kind: "uniform", limit: 1 / Math.sqrt(nIn) }),
  },
  glorotUniform: {
    label: "Glorot (Xavier) uniform",
    distribution: (nIn: number, nOut: number) => ({ kind: "uniform", limit: Math.sqrt(6 / (nIn + nOut)) }),
  },
  glorotNormal: {
    label: "Glorot (Xavier) normal",
    distribution: (nIn: number, nOut: number) => ({ kind: "normal", sd: Math.sqrt(2 / (nIn + nOut)) }),
  },
  heNormal: {
    label: "He normal",
    distribution: (nIn: number) => ({ kind: "normal", sd: Math.sqrt(2 / nIn) }),
  },
  heUniform: {
    label: "He uniform",
    distribution: (nIn: number) => ({ kind: "uniform", limit: Math.sqrt(6 / nIn) }),
  },
  lecun: {
    label: "LeCun normal (√(1/n))",
    distribution: (nIn: number) => ({ kind: "normal", sd: Math.sqrt(1 / nIn) }),
  },
} as const satisfies Record<string, SchemeEntry>;

export type InitScheme = keyof typeof schemes;
/** The one list of scheme names: union type, runtime check and error messages come from it. */
export const INIT_SCHEMES = Object.keys(schemes) as ReadonlyArray<InitScheme>;
export const INITS: { readonly [K in InitScheme]: SchemeEntry } = schemes;

export function isInitScheme(x: unknown): x is InitScheme {
  return typeof x === "string" && (INIT_SCHEMES as readonly string[]).includes(x);
}

const biasKinds = ["zero", "constant", "normal"] as const;
export type BiasKind = (typeof biasKinds)[number];
export const BIAS_KINDS: ReadonlyArray<BiasKind> = biasKinds;

export type BiasInit =
  | { readonly kind: "zero" }
  | { readonly kind: "constant"; readonly value: number }
  | { readonly kind: "normal"; readonly sigma: number };

export interface InitSpec {
  readonly scheme: InitScheme;
  /** Multiplies every weight after drawing (default 1). */
  readonly scale?: number;
  /** Half-width for `uniform` (default 1). */
  readonly a?: number;
  /** Standard deviation for `normal` (default 1). */
  readonly sigma?: number;
  /** Bias initialisation (default zero). */
  readonly bias?: BiasInit;
}

export const DEFAULT_INIT: InitSpec = { scheme: "glorotUniform" };

/** The distribution a spec gives a weight matrix of the given fans, scale included. */
export function weightDistribution(spec: InitSpec, fanIn: number, fanOut: number): Distribution {
  const d = INITS[spec.scheme].distribution(fanIn, fanOut, { a: spec.a ?? 1, sigma: spec.sigma ?? 1 });
  const s = spec.scale ?? 1;
  return d.kind === "uniform"
    ? { kind: "uniform", limit: d.limit * Math.abs(s) }
    : { kind: "normal", sd: d.sd * Math.abs(s) };
}

/** Var[W] of a distribution: limit^2/3 for uniform, sd^2 for normal. */
export function distributionVariance(d: Distribution): number {
  return d.kind === "uniform" ? (d.limit * d.limit) / 3 : d.sd * d.sd;
}

/** Fill `out` with independent draws from `d`. */
export function sampleInto(out: Float64Array, d: Distribution, rng: Rng): void {
  if (d.kind === "uniform") {
    const l = d.limit;
    for (let i = 0; i < out.length; i++) out[i] = rng.uniform(-l, l);
  } else {
    const sd = d.sd;
    for (let i = 0; i < out.length; i++) out[i] = rng.normal(0, sd);
  }
}

/**
 * Initialise a dense layer's weight (shape [out, in]) and optionally its bias, drawing
 * from `rng` in a fixed order (all weights, then the biases) so a seed fixes the draw.
 */
export function initDense(W: Param, b: Param | null, spec: InitSpec, rng: Rng): void {
  const [fanOut, fanIn] = W.shape as [number, number];
  sampleInto(W.value, weightDistribution(spec, fanIn, fanOut), rng);
  if (b) initBias(b.value, spec.bias ?? { kind: "zero" }, rng);
}

export function initBias(out: Float64Array, bias: BiasInit, rng: Rng): void {
  switch (bias.kind) {
    case "zero":
      out.fill(0);
      return;
    case "constant":
      out.fill(bias.value);
      return;
    case "normal":
      for (let i = 0; i < out.length; i++) out[i] = rng.normal(0, bias.sigma);
      return;
  }
}
