/**
 * The clipping widget's whole state and the two same-seed runs it derives from it.
 *
 *   { kind: "norm", c: 1, g1: 3, g2: 0.5 }
 *   kind, c   how the second run clips, and the threshold (also used by the 2-D demo)
 *   g1, g2    the gradient of the 2-D demo
 *
 * The runs: an eight-layer ReLU network on the two circles, He initialisation scaled by 2, so
 * every layer doubles the signal's variance and the gradient explodes; plain SGD. The first run
 * does not clip, the second clips — otherwise they are identical (same seed: same data,
 * initial weights and batch order). Written out in full so the island needs no schema code;
 * tests/unit/clipping.test.ts checks the core's parseConfig makes exactly these objects.
 */
import type { ClipKind } from "../../../lib/clip";
import type { ExperimentConfig } from "../../../lib/config";

export const CLIPPING_KINDS = ["norm", "value"] as const satisfies readonly ClipKind[];
export type ClippingKind = (typeof CLIPPING_KINDS)[number];
export const CLIPPING_KIND_LABELS: Record<ClippingKind, string> = {
  norm: "by global norm",
  value: "by value",
};

export interface ClippingConfig {
  readonly kind: ClippingKind;
  readonly c: number;
  readonly g1: number;
  readonly g2: number;
}

export const CLIPPING_RANGES = {
  c: { min: 0.1, max: 5, step: 0.1 },
  g1: { min: -5, max: 5, step: 0.1 },
  g2: { min: -5, max: 5, step: 0.1 },
} as const;

export const DEFAULT_CLIPPING_CONFIG: ClippingConfig = { kind: "norm", c: 1, g1: 3, g2: 0.5 };

const isKind = (v: unknown): v is ClippingKind =>
  typeof v === "string" && (CLIPPING_KINDS as readonly string[]).includes(v);

function inRange(v: unknown, r: { min: number; max: number; step: number }, fallback: number): number {
  const n = typeof v === "string" ? Number.parseFloat(v) : v;
  if (typeof n !== "number" || !Number.isFinite(n)) return fallback;
  const stepped = Math.round(n / r.step) * r.step;
  // Round away the binary noise of k * 0.1.
  return Number(Math.min(r.max, Math.max(r.min, stepped)).toFixed(6));
}

export function parseClippingConfig(raw: unknown): ClippingConfig {
  const o = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_CLIPPING_CONFIG;
  return {
    kind: isKind(o.kind) ? o.kind : d.kind,
    c: inRange(o.c, CLIPPING_RANGES.c, d.c),
    g1: inRange(o.g1, CLIPPING_RANGES.g1, d.g1),
    g2: inRange(o.g2, CLIPPING_RANGES.g2, d.g2),
  };
}

export const CLIPPING_STEPS = 300;

/** The exploding network, clipped as given ("none" for the first run). */
export function clippingRunConfig(kind: ClipKind, c: number): ExperimentConfig {
  return {
    seed: 1,
    steps: CLIPPING_STEPS,
    batchSize: 32,
    data: { dataset: "circles", n: 400, noise: 0.05, standardise: false, seqLength: 20 },
    model: {
      kind: "mlp",
      depth: 8,
      width: 32,
      activation: "relu",
      norm: "none",
      residual: false,
      init: { scheme: "heNormal", scale: 2, a: 1, sigma: 1, bias: "zero", biasValue: 0, biasSigma: 0.1 },
    },
    loss: "bceWithLogits",
    optimiser: {
      name: "sgd",
      lr: 0.05,
      momentum: 0.9,
      rho: 0.9,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      weightDecay: 0,
    },
    clip: { kind, threshold: c },
  };
}
