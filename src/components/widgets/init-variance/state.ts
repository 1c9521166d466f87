/**
 * The init-variance widget's state: activation, width and depth. The three initialisation
 * schemes are always shown side by side. No core code here (types only): the island imports
 * this statically and loads the Monte Carlo estimate (config.ts) only when it must compute,
 * which keeps the core's activations and RNG off chapter 5's initial JavaScript.
 */
import type { LayerVariance } from "../../../lib/variance-propagation";

const ACTIVATION_TABLE = {
  sigmoid: { label: "sigmoid" },
  tanh: { label: "tanh" },
  relu: { label: "ReLU" },
} as const;
export type VarianceActivation = keyof typeof ACTIVATION_TABLE;
export const VARIANCE_ACTIVATIONS = Object.keys(ACTIVATION_TABLE) as readonly VarianceActivation[];
export const ACTIVATION_OPTIONS = VARIANCE_ACTIVATIONS.map((value) => ({
  value,
  label: ACTIVATION_TABLE[value].label,
}));

const SCHEME_TABLE = {
  standard: { label: "standard U(±1/√n)" },
  glorotUniform: { label: "Glorot (Xavier)" },
  heNormal: { label: "He" },
} as const;
export type VarianceScheme = keyof typeof SCHEME_TABLE;
export const VARIANCE_SCHEMES = Object.keys(SCHEME_TABLE) as readonly VarianceScheme[];
export const schemeLabel = (s: VarianceScheme): string => SCHEME_TABLE[s].label;

export const RANGES = {
  width: { min: 8, max: 128, step: 8 },
  depth: { min: 2, max: 30, step: 1 },
} as const;

/** Examples per estimate: enough for a steady log-scale curve, cheap enough for one task per scheme. */
export const VARIANCE_BATCH = 32;
export const VARIANCE_SEED = 1;

export interface InitVarianceConfig {
  readonly activation: VarianceActivation;
  readonly width: number;
  readonly depth: number;
}

export const DEFAULT_INIT_VARIANCE_CONFIG: InitVarianceConfig = { activation: "tanh", width: 64, depth: 20 };

function clampStep(x: unknown, r: { min: number; max: number; step: number }, fallback: number): number {
  if (typeof x !== "number" || !Number.isFinite(x)) return fallback;
  const v = Math.round((Math.min(r.max, Math.max(r.min, x)) - r.min) / r.step) * r.step + r.min;
  return Math.min(r.max, v);
}

export function parseInitVarianceConfig(input: unknown): InitVarianceConfig {
  const o = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const d = DEFAULT_INIT_VARIANCE_CONFIG;
  const a = o.activation;
  return {
    activation:
      typeof a === "string" && (VARIANCE_ACTIVATIONS as readonly string[]).includes(a)
        ? (a as VarianceActivation)
        : d.activation,
    width: clampStep(o.width, RANGES.width, d.width),
    depth: clampStep(o.depth, RANGES.depth, d.depth),
  };
}

export type VarianceResults = Partial<Record<VarianceScheme, readonly LayerVariance[]>>;

/** Variance of layer 1 over variance of layer L: how much of the signal is left at the far end. */
export function endRatio(
  rows: readonly LayerVariance[] | undefined,
  kind: "activation" | "gradient",
): number | null {
  if (!rows || rows.length < 2) return null;
  const first = rows[0] as LayerVariance;
  const last = rows[rows.length - 1] as LayerVariance;
  // Forwards the signal starts at layer 1 and arrives at layer L; backwards the reverse.
  return kind === "activation" ? last.activation / first.activation : first.gradient / last.gradient;
}
