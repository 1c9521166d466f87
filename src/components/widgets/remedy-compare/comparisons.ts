/**
 * Same-seed comparisons: pairs of experiment configs that differ in exactly one remedy.
 *
 * Both configs of a pair are the shared `base` overlaid with a per-side patch, then validated
 * by the core's schema (parseConfig). They share the seed, so createRun draws the same data
 * ("data" stream), the same batch order ("batches") and the same initial weights ("init") for
 * every parameter both models have: only the remedy differs (tests/unit/remedy-compare.test.ts
 * checks this on the real runs).
 *
 * To add a comparison, add an entry here: it is then a valid `comparison` for <RemedyCompare>,
 * and the unit tests check every entry. An entry with a `depthRange` gets a depth knob: both
 * runs then take the chosen depth (withDepth), so they still differ only in the remedy.
 *
 * This module has no runtime dependency on the schema (zod is ~28 KB of page JavaScript):
 * pairs.ts validates the configs at build time, and the Astro wrapper hands them to the
 * island as props.
 */
import type { ExperimentConfig } from "../../../lib/config";

/** A partial experiment (any subset of the config's fields, nested). */
type Patch = Record<string, unknown>;

interface ComparisonEntry {
  /** Shown in the comparison picker. */
  readonly label: string;
  /** What the baseline and the remedied run are called in legends and the table. */
  readonly baselineName: string;
  readonly remedyName: string;
  /** Shared by both runs. */
  readonly base: Patch;
  readonly baseline: Patch;
  readonly remedy: Patch;
  /** "Steps to reach" reports the first recorded step whose held-out loss is at or below this. */
  readonly lossTarget: number;
  /** Offer a depth knob over this range (the base's depth is the default). */
  readonly depthRange?: DepthRange;
}

export interface DepthRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** A ten-hidden-layer, sixteen-unit MLP on the two circles: deep enough to vanish. */
const DEEP_CIRCLES: Patch = {
  seed: 1,
  steps: 600,
  batchSize: 32,
  data: { dataset: "circles", n: 400, noise: 0.05, standardise: false },
  model: { kind: "mlp", depth: 10, width: 16, activation: "sigmoid", init: { scheme: "standard" } },
  loss: "bceWithLogits",
  optimiser: { name: "sgd", lr: 0.5 },
};

/**
 * Twenty sigmoid layers of sixteen units (standard initialisation) on the two circles: with
 * sigmoid's slope at most 1/4 the plain network's first-layer gradient is ~1e-17 of its last
 * layer's. Plain SGD with a large step (lr 2), so that the only thing that can rescue the
 * early layers is a path for the gradient, not an optimiser that rescales small gradients; the
 * residual network trains to ~99% with it (tests/unit/remedy-compare.test.ts).
 */
const DEEP_SIGMOID_RESIDUAL: Patch = {
  ...DEEP_CIRCLES,
  model: { ...(DEEP_CIRCLES.model as Patch), depth: 20 },
  optimiser: { name: "sgd", lr: 2 },
};

const COMPARISON_TABLE = {
  batchNorm: {
    label: "Batch normalisation (sigmoid)",
    baselineName: "sigmoid",
    remedyName: "sigmoid + batch norm",
    base: DEEP_CIRCLES,
    baseline: {},
    remedy: { model: { norm: "batch" } },
    lossTarget: 0.3,
  },
  relu: {
    label: "ReLU instead of sigmoid (He init)",
    baselineName: "sigmoid, He init",
    remedyName: "ReLU, He init",
    base: { ...DEEP_CIRCLES, model: { ...(DEEP_CIRCLES.model as Patch), init: { scheme: "heNormal" } } },
    baseline: {},
    remedy: { model: { activation: "relu" } },
    lossTarget: 0.3,
  },
  glorot: {
    label: "Glorot initialisation (tanh)",
    baselineName: "tanh, standard init",
    remedyName: "tanh, Glorot init",
    base: { ...DEEP_CIRCLES, model: { ...(DEEP_CIRCLES.model as Patch), activation: "tanh" } },
    baseline: {},
    remedy: { model: { init: { scheme: "glorotUniform" } } },
    lossTarget: 0.3,
  },
  he: {
    label: "He initialisation (ReLU)",
    baselineName: "ReLU, standard init",
    remedyName: "ReLU, He init",
    base: { ...DEEP_CIRCLES, model: { ...(DEEP_CIRCLES.model as Patch), activation: "relu" } },
    baseline: {},
    remedy: { model: { init: { scheme: "heNormal" } } },
    lossTarget: 0.3,
  },
  residual: {
    label: "Skip connections (deep sigmoid)",
    baselineName: "plain",
    remedyName: "residual",
    base: DEEP_SIGMOID_RESIDUAL,
    baseline: {},
    remedy: { model: { residual: true } },
    lossTarget: 0.3,
    depthRange: { min: 20, max: 30, step: 1 },
  },
} as const satisfies Record<string, ComparisonEntry>;

export type ComparisonName = keyof typeof COMPARISON_TABLE;
export const COMPARISONS: { readonly [K in ComparisonName]: ComparisonEntry } = COMPARISON_TABLE;
export const COMPARISON_NAMES = Object.keys(COMPARISON_TABLE) as readonly ComparisonName[];

export const isComparisonName = (x: unknown): x is ComparisonName =>
  typeof x === "string" && (COMPARISON_NAMES as readonly string[]).includes(x);

const isObject = (x: unknown): x is Patch => typeof x === "object" && x !== null && !Array.isArray(x);

/** `b` laid over `a`, recursing into plain objects. */
function overlay(a: unknown, b: unknown): unknown {
  if (!isObject(a) || !isObject(b)) return b === undefined ? a : b;
  const out: Patch = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = overlay(a[k], v);
  return out;
}

export interface ComparisonPair {
  readonly name: ComparisonName;
  readonly baseline: { readonly name: string; readonly config: ExperimentConfig };
  readonly remedy: { readonly name: string; readonly config: ExperimentConfig };
  readonly lossTarget: number;
}

/** The unvalidated configs of a comparison: its base with each side's patch laid over it. */
export function comparisonPatches(name: ComparisonName): { baseline: unknown; remedy: unknown } {
  const e = COMPARISONS[name];
  return { baseline: overlay(e.base, e.baseline), remedy: overlay(e.base, e.remedy) };
}

/**
 * The widget's whole state: which comparison is shown and, for a comparison with a depth knob
 * only, the depth of both networks (`{ comparison: "residual", depth: 25 }`).
 */
export interface RemedyCompareConfig {
  readonly comparison: ComparisonName;
  readonly depth?: number;
}

export const DEFAULT_REMEDY_COMPARE_CONFIG: RemedyCompareConfig = { comparison: "batchNorm" };

/** The knob's range of a comparison, or undefined when it has no depth knob. */
export const depthRangeOf = (name: ComparisonName): DepthRange | undefined =>
  (COMPARISONS[name] as ComparisonEntry).depthRange;

/** The depth the comparison's configs are written with (its knob's default). */
export function baseDepthOf(name: ComparisonName): number | undefined {
  const model = COMPARISONS[name].base.model;
  return isObject(model) && typeof model.depth === "number" ? model.depth : undefined;
}

/** A depth from untrusted input, rounded to the knob's step and clamped to its range. */
function parseDepth(raw: unknown, range: DepthRange, fallback: number): number {
  const n = typeof raw === "string" ? Number.parseFloat(raw) : raw;
  if (typeof n !== "number" || !Number.isFinite(n)) return fallback;
  const stepped = range.min + Math.round((n - range.min) / range.step) * range.step;
  return Math.min(range.max, Math.max(range.min, stepped));
}

/**
 * Untrusted input (props, URL) to a config: an unknown comparison falls back to the default;
 * `depth` is kept (clamped to the knob's range) only for a comparison that has the knob.
 */
export function parseRemedyCompareConfig(input: unknown): RemedyCompareConfig {
  const raw = isObject(input) ? input : {};
  const comparison = isComparisonName(raw.comparison)
    ? raw.comparison
    : DEFAULT_REMEDY_COMPARE_CONFIG.comparison;
  const range = depthRangeOf(comparison);
  const base = baseDepthOf(comparison);
  if (!range || base === undefined) return { comparison };
  return { comparison, depth: parseDepth(raw.depth, range, base) };
}

/**
 * A comparison side's validated config at another depth (the same object when the depth is
 * unchanged or not given, so a memoised run is not restarted). Depth is a plain integer inside
 * the knob's range, which the core's schema accepts, so no re-validation is needed here.
 */
export function withDepth(config: ExperimentConfig, depth: number | undefined): ExperimentConfig {
  if (depth === undefined || config.model.kind !== "mlp" || config.model.depth === depth) return config;
  // Per-layer widths fix the depth; no comparison with a depth knob uses them.
  if (config.model.widths !== undefined) return config;
  return { ...config, model: { ...config.model, depth } };
}
