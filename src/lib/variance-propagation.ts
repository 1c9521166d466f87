/**
 * How the variance of the signal travels through a freshly initialised deep MLP, forwards
 * (activations) and backwards (gradients) — the argument behind Glorot and He initialisation.
 *
 * The argument. A hidden layer computes z = W a + b with n_in inputs. With zero biases and
 * weights drawn independently with mean 0 and variance Var[W], independent of the inputs,
 *
 *     Var[z_j] = n_in · Var[W] · E[a²]                                        (forward)
 *
 * and backwards, the gradient with respect to the previous layer's output is Wᵀδ, so
 *
 *     Var[∂L/∂a_i] = n_out · Var[W] · Var[δ_j],   δ = f'(z) ⊙ ∂L/∂a            (backward)
 *
 * For an activation that is the identity near 0 (tanh), E[a²] ≈ Var[z] and f' ≈ 1, so the
 * signal keeps its size through a layer forwards when n_in Var[W] = 1 and backwards when
 * n_out Var[W] = 1; Glorot & Bengio (2010) compromise with Var[W] = 2 / (n_in + n_out)
 * (uniform on ±√(6 / (n_in + n_out)), since Var[U(−l, l)] = l² / 3). For ReLU, half the
 * pre-activations are zeroed, so E[a²] = Var[z] / 2 and the forward gain is n_in Var[W] / 2:
 * He et al. (2015) take Var[W] = 2 / n_in. The "standard" U(±1/√n_in) has Var[W] = 1 / (3 n_in),
 * so each tanh layer scales the variance by about 1/3 and each ReLU layer by about 1/6.
 *
 * `layerGain` gives that per-layer factor from the formulas; `propagateVariance` measures the
 * real thing by Monte Carlo: it draws a network with the core's initialisers (inits.ts) and
 * activations (activations.ts), pushes a batch of standard-normal inputs forwards, sends
 * standard-normal gradients back from the top, and reports per-layer variances. Pure and
 * seeded: the same arguments give the same numbers.
 */
import { ACTIVATIONS, type ActivationName } from "./activations";
import { distributionVariance, type InitScheme, sampleInto, weightDistribution } from "./inits";
import { createRng } from "./rng";

export interface VarianceOptions {
  readonly activation: ActivationName;
  readonly scheme: InitScheme;
  /** Width of the input and of every hidden layer. */
  readonly width: number;
  /** Number of hidden layers. */
  readonly depth: number;
  /** Examples pushed through (more: smoother estimates, slower). */
  readonly batch?: number;
  readonly seed?: number;
}

export interface LayerVariance {
  /** 1-based hidden layer index. */
  readonly layer: number;
  /** Var of the pre-activations z = W a (over examples and units). */
  readonly preActivation: number;
  /** Var of the layer's outputs a = f(z). */
  readonly activation: number;
  /** Var of ∂L/∂z, the gradient that reaches this layer's weights (∂L/∂W = δ aᵀ). */
  readonly gradient: number;
}

function variance(xs: Float64Array): number {
  let m = 0;
  for (let i = 0; i < xs.length; i++) m += xs[i] as number;
  m /= xs.length;
  let v = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = (xs[i] as number) - m;
    v += d * d;
  }
  return v / xs.length;
}

/**
 * The idealised per-layer factors n Var[W] · c: forwards with c = E[a²] / Var[z] and
 * backwards with c = E[f'(z)²], for activations where these are constants near 0:
 * tanh (c = 1, its linear regime) and ReLU / leaky ReLU (c ≈ 1/2). Null for others (the
 * sigmoid's output has mean 1/2, so no single constant describes it).
 */
export function layerGain(
  activation: ActivationName,
  scheme: InitScheme,
  nIn: number,
  nOut: number,
): { forward: number; backward: number } | null {
  const c = activation === "tanh" || activation === "linear" ? 1 : activation === "relu" ? 0.5 : null;
  if (c === null) return null;
  const v = distributionVariance(weightDistribution({ scheme }, nIn, nOut));
  return { forward: nIn * v * c, backward: nOut * v * c };
}

/**
 * propagateVariance as a sequence of pieces of work: the generator yields after each layer's
 * forward pass and after each layer's backward pass (2 · depth yields), and returns the result.
 * A caller on the page's main thread runs a few pieces per task and lets the browser breathe
 * in between (the widest, deepest config is ~30 ms of work per scheme on a laptop, one piece
 * under 2 ms); run to completion it is exactly propagateVariance (same draws, same order).
 */
export function* propagateVarianceSteps(opts: VarianceOptions): Generator<void, LayerVariance[], void> {
  const n = Math.max(1, Math.floor(opts.width));
  const depth = Math.max(1, Math.floor(opts.depth));
  const B = Math.max(2, Math.floor(opts.batch ?? 64));
  const act = ACTIVATIONS[opts.activation];
  const rng = createRng(opts.seed ?? 1);
  const weights = rng.stream("init");
  const data = rng.stream("data");
  const dist = weightDistribution({ scheme: opts.scheme }, n, n);

  // Row-major [B, n] blocks per layer; W[l] is [n_out = n, n_in = n], W[l][j * n + i].
  const W: Float64Array[] = [];
  const z: Float64Array[] = [];
  const a: Float64Array[] = [];
  const x = new Float64Array(B * n);
  for (let i = 0; i < x.length; i++) x[i] = data.normal();
  let input = x;
  for (let l = 0; l < depth; l++) {
    const w = new Float64Array(n * n);
    sampleInto(w, dist, weights);
    const zl = new Float64Array(B * n);
    const al = new Float64Array(B * n);
    for (let b = 0; b < B; b++) {
      const row = b * n;
      for (let j = 0; j < n; j++) {
        let s = 0;
        const wr = j * n;
        for (let i = 0; i < n; i++) s += (w[wr + i] as number) * (input[row + i] as number);
        zl[row + j] = s;
        al[row + j] = act.f(s);
      }
    }
    W.push(w);
    z.push(zl);
    a.push(al);
    input = al;
    yield;
  }

  // Backwards: ∂L/∂a at the top is standard normal; δ_l = f'(z_l) ⊙ ∂L/∂a_l, ∂L/∂a_{l-1} = W_lᵀ δ_l.
  const grads: number[] = new Array(depth).fill(0);
  let dA = new Float64Array(B * n);
  for (let i = 0; i < dA.length; i++) dA[i] = data.normal();
  for (let l = depth - 1; l >= 0; l--) {
    const zl = z[l] as Float64Array;
    const al = a[l] as Float64Array;
    const delta = new Float64Array(B * n);
    for (let k = 0; k < delta.length; k++)
      delta[k] = act.df(zl[k] as number, al[k] as number) * (dA[k] as number);
    grads[l] = variance(delta);
    const w = W[l] as Float64Array;
    const prev = new Float64Array(B * n);
    for (let b = 0; b < B; b++) {
      const row = b * n;
      for (let j = 0; j < n; j++) {
        const d = delta[row + j] as number;
        if (d === 0) continue;
        const wr = j * n;
        for (let i = 0; i < n; i++) prev[row + i] = (prev[row + i] as number) + (w[wr + i] as number) * d;
      }
    }
    dA = prev;
    yield;
  }

  return z.map((zl, l) => ({
    layer: l + 1,
    preActivation: variance(zl),
    activation: variance(a[l] as Float64Array),
    gradient: grads[l] as number,
  }));
}

/** The per-layer variances in one go (build time, tests): propagateVarianceSteps run to its end. */
export function propagateVariance(opts: VarianceOptions): LayerVariance[] {
  const steps = propagateVarianceSteps(opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
