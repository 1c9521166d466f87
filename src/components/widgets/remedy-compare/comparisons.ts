/**
 * Same-seed comparisons: pairs of experiment configs that differ in exactly one remedy.
 *
 * Both configs of a pair are the shared `base` overlaid with a per-side patch, then validated
 * by the core's schema (parseConfig). They share the seed, so createRun draws the same data
 * ("data" stream), the same batch order ("batches") and the same initial weights ("init") for
 * every parameter both models have: only the remedy differs (tests/unit/remedy-compare.test.ts
 * checks this on the real runs).
 *
 * To add a comparison (e.g. chapter 5's residual network), add an entry here: it is then a
 * valid `comparison` for <RemedyCompare>, and the unit tests check every entry.
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

/** The widget's whole state: which comparison is shown. */
export interface RemedyCompareConfig {
  readonly comparison: ComparisonName;
}

export const DEFAULT_REMEDY_COMPARE_CONFIG: RemedyCompareConfig = { comparison: "batchNorm" };

/** Untrusted input (props, URL) to a config: an unknown comparison falls back to the default. */
export function parseRemedyCompareConfig(input: unknown): RemedyCompareConfig {
  const c = isObject(input) ? input.comparison : undefined;
  return { comparison: isComparisonName(c) ? c : DEFAULT_REMEDY_COMPARE_CONFIG.comparison };
}
