/**
 * The training dashboard's state: the knobs a reader turns (depth, activation, initialisation,
 * learning rate, seed), the four presets of chapter 4, and the one function that turns knobs
 * into a full ExperimentConfig validated by the core's schema (src/lib/config.ts).
 *
 * Everything else about the experiment is fixed, so that a preset differs from another only
 * in the knobs: 400 points of the "circles" set, 16 units per hidden layer, batches of 32,
 * binary cross-entropy, plain SGD, 400 steps.
 */
import type { ActivationName } from "../../../lib/activations";
import type { ExperimentConfig } from "../../../lib/config";
import type { InitScheme } from "../../../lib/inits";

export interface DashboardKnobs {
  readonly depth: number;
  readonly activation: DashboardActivation;
  readonly init: DashboardInit;
  /** Multiplies every initial weight. */
  readonly initScale: number;
  readonly lr: number;
  readonly seed: number;
}

export const DASHBOARD_ACTIVATIONS = [
  "sigmoid",
  "tanh",
  "relu",
  "leakyRelu",
] as const satisfies readonly ActivationName[];
export type DashboardActivation = (typeof DASHBOARD_ACTIVATIONS)[number];
export const DASHBOARD_INITS = [
  "standard",
  "glorotNormal",
  "heNormal",
] as const satisfies readonly InitScheme[];
export type DashboardInit = (typeof DASHBOARD_INITS)[number];

/*
 * Display labels, written here rather than read from the core's registries: importing those
 * would put the activation and init implementations on the page (the island never runs them;
 * the worker does). tests/unit/training-dashboard.test.ts checks they match the registries.
 */
export const ACTIVATION_LABELS: { readonly [K in DashboardActivation]: string } = {
  sigmoid: "sigmoid",
  tanh: "tanh",
  relu: "ReLU",
  leakyRelu: "leaky ReLU",
};
export const INIT_LABELS: { readonly [K in DashboardInit]: string } = {
  standard: "standard U[-1/√n, 1/√n]",
  glorotNormal: "Glorot (Xavier) normal",
  heNormal: "He normal",
};
export const ACTIVATION_OPTIONS = DASHBOARD_ACTIVATIONS.map((value) => ({
  value,
  label: ACTIVATION_LABELS[value],
}));
export const INIT_OPTIONS = DASHBOARD_INITS.map((value) => ({ value, label: INIT_LABELS[value] }));

/** Slider ranges of the knobs (each inside the core's LIMITS). */
export const RANGES = {
  depth: { min: 1, max: 16, step: 1 },
  initScale: { min: 0.1, max: 4, step: 0.1 },
  lr: { min: 0.01, max: 3, step: 0.01 },
  seed: { min: 0, max: 9999, step: 1 },
} as const;

/** The fixed part of every dashboard experiment. */
export const DASHBOARD_BASE = {
  steps: 400,
  batchSize: 32,
  data: { dataset: "circles", n: 400, noise: 0.05, standardise: false },
  width: 16,
  loss: "bceWithLogits",
} as const;

export const PRESETS = {
  healthy: {
    label: "Healthy",
    knobs: { depth: 4, activation: "tanh", init: "glorotNormal", initScale: 1, lr: 0.1, seed: 1 },
  },
  vanishing: {
    label: "Vanishing",
    knobs: { depth: 10, activation: "sigmoid", init: "standard", initScale: 0.5, lr: 0.5, seed: 1 },
  },
  exploding: {
    label: "Exploding",
    knobs: { depth: 10, activation: "relu", init: "heNormal", initScale: 1.5, lr: 0.2, seed: 1 },
  },
  dyingRelu: {
    label: "Dying ReLU",
    knobs: { depth: 4, activation: "relu", init: "heNormal", initScale: 1, lr: 2, seed: 1 },
  },
} as const satisfies Record<string, { label: string; knobs: DashboardKnobs }>;
export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as readonly PresetName[];
export const PRESET_OPTIONS = PRESET_NAMES.map((value) => ({ value, label: PRESETS[value].label }));

export interface DashboardConfig {
  /** The preset the knobs came from, or "custom" once the reader changes one. */
  readonly preset: PresetName | "custom";
  readonly knobs: DashboardKnobs;
}

export const DEFAULT_DASHBOARD_CONFIG: DashboardConfig = {
  preset: "vanishing",
  knobs: PRESETS.vanishing.knobs,
};

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;
const oneOf = <T extends string>(xs: readonly T[], v: unknown, d: T): T =>
  typeof v === "string" && (xs as readonly string[]).includes(v) ? (v as T) : d;

/** A number clamped into [min, max] and rounded to the step; the default when not finite. */
function num(v: unknown, r: { min: number; max: number; step: number }, d: number): number {
  if (typeof v !== "number" || !Number.isFinite(v)) return d;
  const c = Math.min(r.max, Math.max(r.min, v));
  const k = Math.round((c - r.min) / r.step);
  return Number((r.min + k * r.step).toFixed(6));
}

/**
 * Validates untrusted state (props, URL) field by field: an unknown preset gives the default
 * preset; then each knob is checked, falling back to the preset's value.
 */
export function parseDashboardConfig(input: unknown): DashboardConfig {
  const o = isRecord(input) ? input : {};
  const preset = oneOf<PresetName | "custom">(
    [...PRESET_NAMES, "custom"],
    o.preset,
    DEFAULT_DASHBOARD_CONFIG.preset,
  );
  const base: DashboardKnobs = preset === "custom" ? DEFAULT_DASHBOARD_CONFIG.knobs : PRESETS[preset].knobs;
  const k = isRecord(o.knobs) ? o.knobs : {};
  return {
    preset,
    knobs: {
      depth: num(k.depth, RANGES.depth, base.depth),
      activation: oneOf(DASHBOARD_ACTIVATIONS, k.activation, base.activation),
      init: oneOf(DASHBOARD_INITS, k.init, base.init),
      initScale: num(k.initScale, RANGES.initScale, base.initScale),
      lr: num(k.lr, RANGES.lr, base.lr),
      seed: num(k.seed, RANGES.seed, base.seed),
    },
  };
}

/**
 * The dashboard's knobs as a complete core experiment. Written out in full rather than run
 * through parseConfig so the island does not ship the schema (zod) to the page: the worker
 * validates every config it is given (pump.ts), and tests/unit/training-dashboard.test.ts
 * checks that every preset's config passes the core's schema unchanged.
 */
export function toExperimentConfig(k: DashboardKnobs): ExperimentConfig {
  return {
    seed: k.seed,
    steps: DASHBOARD_BASE.steps,
    batchSize: DASHBOARD_BASE.batchSize,
    data: { ...DASHBOARD_BASE.data, seqLength: 20 },
    model: {
      kind: "mlp",
      depth: k.depth,
      width: DASHBOARD_BASE.width,
      activation: k.activation,
      norm: "none",
      residual: false,
      init: {
        scheme: k.init,
        scale: k.initScale,
        a: 1,
        sigma: 1,
        bias: "zero",
        biasValue: 0,
        biasSigma: 0.1,
      },
    },
    loss: DASHBOARD_BASE.loss,
    optimiser: {
      name: "sgd",
      lr: k.lr,
      momentum: 0.9,
      rho: 0.9,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      weightDecay: 0,
    },
    clip: { kind: "none", threshold: 1 },
  };
}
