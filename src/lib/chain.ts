/**
 * A chain of one-neuron layers: the simplest deep network, in which backpropagation is a
 * plain product of numbers.
 *
 *   a_0 = x,   z_j = w_j a_{j-1} + b_j,   a_j = f(z_j)   for j = 1..L,   L = (a_L - y)^2 / 2
 *
 * Backpropagating from the top, each layer multiplies the incoming gradient by its own
 * local slope and by the weight that carried it there:
 *
 *   dL/db_l = f'(z_l) * w_{l+1} f'(z_{l+1}) * ... * w_L f'(z_L) * dL/da_L
 *   dL/dw_l = dL/db_l * a_{l-1}
 *
 * For the sigmoid f' <= 1/4, so every factor obeys |w_j f'(z_j)| <= |w_j| / 4; with all
 * |w_j| <= 1 the product of the L - 1 factors between layer 1 and layer L is at most
 * 4^-(L-1). That is the vanishing gradient: not small weights, but a product of per-layer
 * factors that are each below one. A factor above one needs |w_j| > 4 (|w| >= 4 for
 * equality), and even then only for z_j in a narrow band around 0 — see `explodingBand`.
 */

import { type ActivationName, getActivation } from "./activations";
import { log } from "./portable-math";

export interface ChainConfig {
  /** Weights w_1..w_L (w_1 multiplies the input). */
  readonly weights: readonly number[];
  /** Biases b_1..b_L. */
  readonly biases: readonly number[];
  readonly x: number;
  readonly target: number;
  readonly activation: ActivationName;
}

export interface ChainLayer {
  /** 1-based layer index. */
  readonly layer: number;
  readonly w: number;
  readonly b: number;
  readonly z: number;
  readonly a: number;
  /** f'(z_l) */
  readonly slope: number;
  /** w_l f'(z_l): the factor this layer contributes to the gradient of every layer below it. */
  readonly factor: number;
  /** dL/db_l */
  readonly dLdb: number;
  /** dL/dw_l */
  readonly dLdw: number;
}

export interface ChainResult {
  readonly layers: readonly ChainLayer[];
  readonly loss: number;
  /** dL/da_L = a_L - y */
  readonly dLdaL: number;
}

/** A chain of `depth` layers that all share one weight and one bias: the widget's default chain. */
export function uniformChain(
  depth: number,
  w: number,
  b: number,
  x: number,
  target: number,
  activation: ActivationName,
): ChainConfig {
  if (!(Number.isInteger(depth) && depth >= 1))
    throw new RangeError(`depth must be a positive integer, got ${depth}`);
  return { weights: Array(depth).fill(w), biases: Array(depth).fill(b), x, target, activation };
}

/** Forward and backward pass through the chain; every factor and every layer's gradient. */
export function chainGradients(cfg: ChainConfig): ChainResult {
  const depth = cfg.weights.length;
  if (depth < 1 || cfg.biases.length !== depth)
    throw new RangeError("a chain needs equally many weights and biases, at least one");
  const f = getActivation(cfg.activation);
  const z = new Float64Array(depth);
  const a = new Float64Array(depth + 1); // a[0] = x
  a[0] = cfg.x;
  for (let j = 0; j < depth; j++) {
    z[j] = (cfg.weights[j] as number) * (a[j] as number) + (cfg.biases[j] as number);
    a[j + 1] = f.f(z[j] as number);
  }
  const aL = a[depth] as number;
  const dLdaL = aL - cfg.target;
  const layers: ChainLayer[] = new Array(depth);
  // delta = dL/da_l as we walk down; at the top it is dL/da_L.
  let dLda = dLdaL;
  for (let j = depth - 1; j >= 0; j--) {
    const zj = z[j] as number;
    const slope = f.df(zj, a[j + 1] as number);
    const w = cfg.weights[j] as number;
    const dLdb = dLda * slope;
    layers[j] = {
      layer: j + 1,
      w,
      b: cfg.biases[j] as number,
      z: zj,
      a: a[j + 1] as number,
      slope,
      factor: w * slope,
      dLdb,
      dLdw: dLdb * (a[j] as number),
    };
    // dL/da_{l-1} = dL/dz_l * w_l
    dLda = dLdb * w;
  }
  return { layers, loss: 0.5 * dLdaL * dLdaL, dLdaL };
}

/**
 * The bound on the product of the L - 1 factors between layer 1 and layer L when every
 * |w_j| <= wMax: (wMax * max f')^(L-1). For the sigmoid with wMax = 1 this is 4^-(L-1).
 */
export function productBound(depth: number, wMax: number, activation: ActivationName): number {
  return (Math.abs(wMax) * getActivation(activation).maxSlope) ** (depth - 1);
}

/**
 * The per-layer bound drawn beside the measured gradients:
 *   |dL/db_l| <= max f' * (wMax max f')^(L-l) * |dL/da_L|,
 * since dL/db_l has one slope f'(z_l) and L - l factors w_j f'(z_j) above it.
 */
export function layerBounds(
  depth: number,
  wMax: number,
  dLdaL: number,
  activation: ActivationName,
): number[] {
  const s = getActivation(activation).maxSlope;
  const out: number[] = [];
  for (let l = 1; l <= depth; l++) out.push(s * (Math.abs(wMax) * s) ** (depth - l) * Math.abs(dLdaL));
  return out;
}

/** |dL/db_1| / |dL/db_L|: how much more slowly the first layer learns than the last. NaN if the last is 0. */
export function firstToLastRatio(result: ChainResult): number {
  const first = Math.abs(result.layers[0]?.dLdb ?? Number.NaN);
  const last = Math.abs(result.layers[result.layers.length - 1]?.dLdb ?? Number.NaN);
  return last === 0 ? Number.NaN : first / last;
}

/**
 * The smallest depth L (up to maxDepth) at which, in a uniform chain, |dL/db_1| falls below
 * `ratio` times |dL/db_L|; null if it never does within maxDepth.
 */
export function smallestDepthBelow(
  ratio: number,
  w: number,
  b: number,
  x: number,
  target: number,
  activation: ActivationName,
  maxDepth = 200,
): number | null {
  for (let depth = 1; depth <= maxDepth; depth++) {
    const r = firstToLastRatio(chainGradients(uniformChain(depth, w, b, x, target, activation)));
    if (r < ratio) return depth;
  }
  return null;
}

/**
 * For a sigmoid layer with weight w, the interval of inputs a for which |w sigma'(w a + b)| >= 1
 * (a factor that grows the gradient). sigma'(z) >= 1/|w| needs sigma(z) in
 * [(1 - r)/2, (1 + r)/2] with r = sqrt(1 - 4/|w|), i.e. |z| <= ln((1 + r)/(1 - r)); this is
 * empty when |w| < 4. Its width in a is (2/|w|) ln((1 + r)/(1 - r)), which equals Nielsen's
 * (2/|w|) ln(|w|(1 + r)/2 - 1) and never exceeds about 0.45.
 */
export function explodingBand(w: number, b = 0): { lo: number; hi: number; width: number } | null {
  const aw = Math.abs(w);
  if (aw < 4) return null;
  const r = Math.sqrt(1 - 4 / aw);
  const zMax = r === 1 ? Number.POSITIVE_INFINITY : log((1 + r) / (1 - r));
  // z = w a + b in [-zMax, zMax]  <=>  a in [(-zMax - b)/w, (zMax - b)/w] (ordered by the sign of w).
  const p = (-zMax - b) / w;
  const q = (zMax - b) / w;
  return { lo: Math.min(p, q), hi: Math.max(p, q), width: (2 * zMax) / aw };
}
