/**
 * Optimisers over any model's Param list, one `as const` registry. For each parameter w with
 * gradient g (after L2 weight decay, g <- g + lambda w, applied to weight matrices only —
 * kinds W, Wx, Wh — never to biases or normalisation gains), step t = 1, 2, ...:
 *
 *   sgd       w <- w - eta g
 *   momentum  v <- mu v - eta g;  w <- w + v                         (classical momentum, v_0 = 0)
 *   rmsprop   s <- rho s + (1 - rho) g^2;  w <- w - eta g / (sqrt(s) + eps)
 *   adam      m <- b1 m + (1 - b1) g;  v <- b2 v + (1 - b2) g^2
 *             m_hat = m / (1 - b1^t),  v_hat = v / (1 - b2^t)          (bias correction)
 *             w <- w - eta m_hat / (sqrt(v_hat) + eps)
 *
 * step() also records, per parameter, the norm of the update it applied, ||Delta w||, so the
 * diagnostics can report the update ratio ||Delta W|| / ||W|| without a second pass.
 */
import type { Param, ParamKind } from "./params";

export interface OptimiserSpec {
  readonly name: OptimiserName;
  /** Learning rate eta. */
  readonly lr: number;
  /** Momentum coefficient mu (momentum; default 0.9). */
  readonly momentum?: number;
  /** RMSProp decay rho (default 0.9). */
  readonly rho?: number;
  /** Adam beta1, beta2 (defaults 0.9, 0.999). */
  readonly beta1?: number;
  readonly beta2?: number;
  /** Denominator guard for rmsprop and adam (default 1e-8). */
  readonly eps?: number;
  /** L2 weight decay lambda (default 0). */
  readonly weightDecay?: number;
}

interface Hyper {
  lr: number;
  mu: number;
  rho: number;
  b1: number;
  b2: number;
  eps: number;
}

/**
 * One update rule. `slots` are per-parameter state buffers (as many as `slots` says). It
 * writes the update into w in place and returns sum of (Delta w_i)^2.
 */
interface Rule {
  readonly label: string;
  readonly slots: number;
  update(
    w: Float64Array,
    g: Float64Array,
    s: readonly Float64Array[],
    h: Hyper,
    t: number,
    wd: number,
  ): number;
}

const rules = {
  sgd: {
    label: "SGD",
    slots: 0,
    update(w, g, _s, h, _t, wd) {
      let sq = 0;
      const lr = h.lr;
      for (let i = 0; i < w.length; i++) {
        const d = -lr * (g[i]! + wd * w[i]!);
        w[i] = w[i]! + d;
        sq += d * d;
      }
      return sq;
    },
  },
  momentum: {
    label: "SGD with momentum",
    slots: 1,
    update(w, g, s, h, _t, wd) {
      const v = s[0]!;
      let sq = 0;
      const { lr, mu } = h;
      for (let i = 0; i < w.length; i++) {
        const d = mu * v[i]! - lr * (g[i]! + wd * w[i]!);
        v[i] = d;
        w[i] = w[i]! + d;
        sq += d * d;
      }
      return sq;
    },
  },
  rmsprop: {
    label: "RMSProp",
    slots: 1,
    update(w, g, s, h, _t, wd) {
      const c = s[0]!;
      let sq = 0;
      const { lr, rho, eps } = h;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]! + wd * w[i]!;
        const ci = rho * c[i]! + (1 - rho) * gi * gi;
        c[i] = ci;
        const d = (-lr * gi) / (Math.sqrt(ci) + eps);
        w[i] = w[i]! + d;
        sq += d * d;
      }
      return sq;
    },
  },
  adam: {
    label: "Adam",
    slots: 2,
    update(w, g, s, h, t, wd) {
      const m = s[0]!;
      const v = s[1]!;
      const { lr, b1, b2, eps } = h;
      const c1 = 1 / (1 - b1 ** t);
      const c2 = 1 / (1 - b2 ** t);
      let sq = 0;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]! + wd * w[i]!;
        const mi = b1 * m[i]! + (1 - b1) * gi;
        const vi = b2 * v[i]! + (1 - b2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        const d = (-lr * (mi * c1)) / (Math.sqrt(vi * c2) + eps);
        w[i] = w[i]! + d;
        sq += d * d;
      }
      return sq;
    },
  },
} as const satisfies Record<string, Rule>;

export type OptimiserName = keyof typeof rules;
/** The one list of optimiser names. */
export const OPTIMISER_NAMES = Object.keys(rules) as ReadonlyArray<OptimiserName>;
export const OPTIMISERS: {
  readonly [K in OptimiserName]: { readonly label: string; readonly slots: number };
} = rules;

export function isOptimiserName(x: unknown): x is OptimiserName {
  return typeof x === "string" && (OPTIMISER_NAMES as readonly string[]).includes(x);
}

/** Parameter kinds that L2 weight decay applies to. */
const DECAYED: ReadonlySet<ParamKind> = new Set<ParamKind>(["W", "Wx", "Wh"]);

export interface Optimiser {
  readonly spec: OptimiserSpec;
  readonly params: readonly Param[];
  /** Steps taken so far (Adam's t). */
  readonly t: number;
  /** ||Delta w|| of the last step, aligned with `params`. */
  readonly updateNorms: Float64Array;
  /** Apply one update from the params' current gradients. */
  step(): void;
  /** Change the learning rate between steps (schedules, widgets). */
  setLearningRate(lr: number): void;
}

export function createOptimiser(spec: OptimiserSpec, params: readonly Param[]): Optimiser {
  if (!isOptimiserName(spec.name)) {
    throw new RangeError(`optimiser must be one of ${OPTIMISER_NAMES.join(", ")}, got ${String(spec.name)}`);
  }
  const rule: Rule = rules[spec.name];
  const h: Hyper = {
    lr: spec.lr,
    mu: spec.momentum ?? 0.9,
    rho: spec.rho ?? 0.9,
    b1: spec.beta1 ?? 0.9,
    b2: spec.beta2 ?? 0.999,
    eps: spec.eps ?? 1e-8,
  };
  const wd = spec.weightDecay ?? 0;
  const slots = params.map((p) => Array.from({ length: rule.slots }, () => new Float64Array(p.value.length)));
  const decay = params.map((p) => (DECAYED.has(p.kind) ? wd : 0));
  const updateNorms = new Float64Array(params.length);
  let t = 0;
  return {
    spec,
    params,
    updateNorms,
    get t() {
      return t;
    },
    step() {
      t++;
      for (let i = 0; i < params.length; i++) {
        const p = params[i]!;
        updateNorms[i] = Math.sqrt(rule.update(p.value, p.grad, slots[i]!, h, t, decay[i]!));
      }
    },
    setLearningRate(lr: number) {
      h.lr = lr;
    },
  };
}
