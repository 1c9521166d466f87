/**
 * Per-step diagnostics of an MLP: the numbers that show a gradient vanishing (chapter 4).
 * Collected into a preallocated object after each step (forward, backward, clip, optimiser
 * step), so collecting every step allocates nothing; the cost is one pass over the weights,
 * the gradients and the layer buffers, small next to the step's matrix products.
 *
 * Per layer l (hidden layers 1..H, output layer L = H + 1):
 *   gradNormW   ||dL/dW^l||_F                  (the gradient the optimiser used, after clipping)
 *   gradNormB   ||dL/db^l||  (beta's under batch norm, which takes the bias's place) —
 *               Nielsen's "speed of learning" of the layer
 *   weightNorm  ||W^l||_F after the step
 *   updateNorm  ||Delta W^l||_F of the step,  updateRatio = updateNorm / weightNorm
 *               (a healthy layer moves by ~1e-3 of its size per step; a starved one by far less)
 *   deltaRms    sqrt(mean over batch and units of (delta^l)^2), delta^l = dL/dz^l
 *   preMean, preStd     of the activation input p^l over batch x units
 *   actMean, actStd     of the activation output h^l
 *   saturatedFraction   share of (example, unit) pairs with f'(p) < SATURATION_THRESHOLD x max f'
 *                       (only for saturating activations: sigmoid, tanh, softsign; 0 otherwise)
 *   deadFraction        share of units whose slope f'(p) is exactly 0 for every example in the
 *                       batch (ReLU units that receive no gradient at all this step)
 *   gradHistogram       |dL/dW^l| in log10 bins (GRADIENT_BINS), when histograms are on
 *   actHistogram        h^l in the activation's linear bins (ACTIVATION_BINS), when on
 */
import { ACTIVATIONS, type ActivationName } from "./activations";
import {
  ACTIVATION_BINS,
  addToHistogram,
  clearHistogram,
  createHistogram,
  GRADIENT_BINS,
  type Histogram,
  histogramToJSON,
} from "./histogram";
import type { Mlp } from "./mlp/mlp";
import type { Optimiser } from "./optimisers";
import type { Param } from "./params";

/** A unit counts as saturated when its slope is below 5% of the activation's maximum slope. */
export const SATURATION_THRESHOLD = 0.05;

/**
 * |p| beyond which f'(p) < SATURATION_THRESHOLD * maxSlope: solved once per activation by
 * bisection on the registry's own derivative (f' is even and falls monotonically in |p| for
 * the saturating activations). Infinity for activations that do not saturate.
 *   sigmoid: 4 sigma'(p) = 0.05  at |p| = 4.37;  tanh: 1 - tanh^2 p = 0.05  at |p| = 2.18;
 *   softsign: (1 + |p|)^-2 = 0.05  at |p| = 3.47.
 */
export function saturationCutoff(name: ActivationName): number {
  const a = ACTIVATIONS[name];
  if (!a.saturating) return Number.POSITIVE_INFINITY;
  const target = SATURATION_THRESHOLD * a.maxSlope;
  const slope = (x: number) => a.df(x, a.f(x));
  let lo = 0;
  let hi = 1;
  while (slope(hi) > target) hi *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (slope(mid) > target) lo = mid;
    else hi = mid;
  }
  return hi;
}

const CUTOFFS: { readonly [K in ActivationName]: number } = Object.fromEntries(
  Object.keys(ACTIVATIONS).map((n) => [n, saturationCutoff(n as ActivationName)]),
) as { readonly [K in ActivationName]: number };

export interface LayerDiagnostics {
  readonly layer: number;
  /** null for the linear output layer. */
  readonly activation: ActivationName | null;
  gradNormW: number;
  gradNormB: number;
  weightNorm: number;
  updateNorm: number;
  updateRatio: number;
  deltaRms: number;
  preMean: number;
  preStd: number;
  actMean: number;
  actStd: number;
  saturatedFraction: number;
  deadFraction: number;
  readonly gradHistogram: Histogram | null;
  readonly actHistogram: Histogram | null;
}

export interface MlpDiagnostics {
  readonly layers: readonly LayerDiagnostics[];
  /** Global gradient norm over all parameters (after clipping, as used by the step). */
  gradNorm: number;
}

export interface DiagnosticsOptions {
  /** Fill the gradient and activation histograms (default false: they cost a log10 per weight). */
  readonly histograms?: boolean;
}

/** The reusable diagnostics object for one MLP. */
export function createMlpDiagnostics(mlp: Mlp, options: DiagnosticsOptions = {}): MlpDiagnostics {
  const hist = options.histograms ?? false;
  return {
    gradNorm: 0,
    layers: mlp.layers.map((L) => ({
      layer: L.layer,
      activation: L.activation,
      gradNormW: 0,
      gradNormB: 0,
      weightNorm: 0,
      updateNorm: 0,
      updateRatio: 0,
      deltaRms: 0,
      preMean: 0,
      preStd: 0,
      actMean: 0,
      actStd: 0,
      saturatedFraction: 0,
      deadFraction: 0,
      gradHistogram: hist ? createHistogram(GRADIENT_BINS) : null,
      actHistogram: hist ? createHistogram(ACTIVATION_BINS[L.activation ?? "linear"]) : null,
    })),
  };
}

/** sqrt(sum of squares). */
export function l2Norm(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * a[i]!;
  return Math.sqrt(s);
}

/** Mean of a[0..n). */
function mean(a: Float64Array, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) m += a[i]!;
  return m / n;
}

/** Population standard deviation of a[0..n) about its mean m (two-pass, stable). */
function std(a: Float64Array, n: number, m: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i]! - m;
    s += d * d;
  }
  return Math.sqrt(s / n);
}

/**
 * Fill `out` from the MLP's last forward/backward and the optimiser's last step (pass null
 * before any step: update norms are then 0). Returns `out`.
 */
export function collectMlpDiagnostics(
  mlp: Mlp,
  optimiser: Optimiser | null,
  out: MlpDiagnostics,
): MlpDiagnostics {
  const traces = mlp.trace();
  const batch = mlp.lastBatch;
  let total = 0;
  for (let l = 0; l < mlp.layers.length; l++) {
    const L = mlp.layers[l]!;
    const d = out.layers[l]!;
    const t = traces[l]!;
    const n = batch * L.nOut;
    const gW = l2Norm(L.W.grad);
    d.gradNormW = gW;
    total += gW * gW;
    const gb = L.b ? l2Norm(L.b.grad) : 0;
    const gBeta = L.beta ? l2Norm(L.beta.grad) : 0;
    const gGamma = L.gamma ? l2Norm(L.gamma.grad) : 0;
    total += gb * gb + gBeta * gBeta + gGamma * gGamma;
    d.gradNormB = L.b ? gb : gBeta;
    d.weightNorm = l2Norm(L.W.value);
    d.updateNorm = optimiser ? updateNormOf(optimiser, L.W) : 0;
    d.updateRatio = d.weightNorm > 0 ? d.updateNorm / d.weightNorm : 0;
    let sq = 0;
    for (let i = 0; i < n; i++) sq += t.delta[i]! * t.delta[i]!;
    d.deltaRms = Math.sqrt(sq / n);
    d.preMean = mean(t.pre, n);
    d.preStd = std(t.pre, n, d.preMean);
    d.actMean = mean(t.act, n);
    d.actStd = std(t.act, n, d.actMean);
    d.saturatedFraction = L.activation ? saturatedFraction(L.activation, t.pre, n) : 0;
    d.deadFraction = L.activation ? deadFraction(L.activation, t.pre, t.act, batch, L.nOut) : 0;
    if (d.gradHistogram) {
      clearHistogram(d.gradHistogram);
      addToHistogram(d.gradHistogram, L.W.grad);
    }
    if (d.actHistogram) {
      clearHistogram(d.actHistogram);
      addToHistogram(d.actHistogram, t.act, n);
    }
  }
  out.gradNorm = Math.sqrt(total);
  return out;
}

function updateNormOf(opt: Optimiser, p: Param): number {
  const i = opt.params.indexOf(p);
  return i >= 0 ? opt.updateNorms[i]! : 0;
}

/** Share of entries of p[0..n) with |p| beyond the activation's saturation cutoff. */
export function saturatedFraction(name: ActivationName, pre: Float64Array, n: number): number {
  const c = CUTOFFS[name];
  if (c === Number.POSITIVE_INFINITY) return 0;
  let k = 0;
  for (let i = 0; i < n; i++) if (Math.abs(pre[i]!) > c) k++;
  return k / n;
}

/** Share of the `units` columns whose slope is exactly 0 for all `batch` rows. */
export function deadFraction(
  name: ActivationName,
  pre: Float64Array,
  act: Float64Array,
  batch: number,
  units: number,
): number {
  const a = ACTIVATIONS[name];
  if (name === "linear" || name === "leakyRelu") return 0;
  let dead = 0;
  for (let j = 0; j < units; j++) {
    let alive = false;
    for (let b = 0; b < batch && !alive; b++) {
      const i = b * units + j;
      // ReLU's slope is 0 exactly when p <= 0; the saturating ones reach 0 only by underflow.
      alive = name === "relu" ? pre[i]! > 0 : a.df(pre[i]!, act[i]!) !== 0;
    }
    if (!alive) dead++;
  }
  return dead / units;
}

/** A plain JSON-ready copy of the diagnostics (histograms as arrays), for metrics records. */
export function diagnosticsToJSON(d: MlpDiagnostics) {
  return {
    gradNorm: d.gradNorm,
    layers: d.layers.map((l) => ({
      ...l,
      gradHistogram: l.gradHistogram ? histogramToJSON(l.gradHistogram) : null,
      actHistogram: l.actHistogram ? histogramToJSON(l.actHistogram) : null,
    })),
  };
}

/**
 * Divergence detection: a reason string for the first non-finite quantity among the loss, the
 * gradients and the weights, or null when all are finite. A run ends on the first step that
 * returns a reason ("loss is NaN", "gradient of layer2.W is Infinity at entry 17", ...).
 */
export function findNonFinite(loss: number, params: readonly Param[]): string | null {
  if (!Number.isFinite(loss)) return `loss is ${loss}`;
  for (const what of ["grad", "value"] as const) {
    for (const p of params) {
      const a = p[what];
      for (let i = 0; i < a.length; i++) {
        const v = a[i]!;
        if (v - v !== 0)
          return `${what === "grad" ? "gradient" : "weight"} of ${p.name} is ${v} at entry ${i}`;
      }
    }
  }
  return null;
}
