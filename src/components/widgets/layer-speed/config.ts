/**
 * Experiment B of chapter 3, "the speed of learning of each layer": a real MLP on a 2-D data
 * set or on the MNIST subset, with depth, width, activation and initialisation as knobs. The
 * knobs are one plain object; `toExperimentConfig` turns them into a full experiment validated
 * by the core's schema (src/lib/config.ts), so the widget, the build-time figure and the
 * prose's numbers all run the same definition. Everything not a knob is fixed: batches of 32,
 * plain SGD at 0.5, 300 steps, seed 1; on a 2-D set 400 standardised points and binary
 * cross-entropy, on MNIST 1,000 training digits (pixels in [0, 1], 784 inputs) and softmax
 * cross-entropy over the 10 classes.
 */
import { ACTIVATIONS, type ActivationName } from "../../../lib/activations";
import type { ExperimentConfig } from "../../../lib/config";
import type { Toy2dName } from "../../../lib/data/toy2d";
import type { InitScheme } from "../../../lib/inits";
import type { TrainingPoint } from "../training/messages";

export const SPEED_DATASETS = ["moons", "circles", "xor", "spiral", "mnist"] as const satisfies readonly (
  | Toy2dName
  | "mnist"
)[];
export const SPEED_ACTIVATIONS = ["sigmoid", "tanh", "relu"] as const satisfies readonly ActivationName[];
export const SPEED_INITS = ["standard", "glorotUniform", "heNormal"] as const satisfies readonly InitScheme[];
export const SPEED_WIDTHS = [4, 8, 16, 32] as const;

export type SpeedDataset = (typeof SPEED_DATASETS)[number];
export type SpeedActivation = (typeof SPEED_ACTIVATIONS)[number];
export type SpeedInit = (typeof SPEED_INITS)[number];
export type SpeedWidth = (typeof SPEED_WIDTHS)[number];

export interface LayerSpeedKnobs {
  readonly dataset: SpeedDataset;
  /** Hidden layers. */
  readonly depth: number;
  readonly width: SpeedWidth;
  readonly activation: SpeedActivation;
  readonly init: SpeedInit;
}

export const DEPTH_RANGE = { min: 1, max: 8, step: 1 } as const;

export const DEFAULT_SPEED_KNOBS: LayerSpeedKnobs = {
  dataset: "moons",
  depth: 5,
  width: 16,
  activation: "sigmoid",
  init: "glorotUniform",
};

const DATASET_LABELS: { readonly [K in SpeedDataset]: string } = {
  moons: "moons",
  circles: "circles",
  xor: "xor",
  spiral: "spiral",
  mnist: "MNIST digits",
};
export const DATASET_OPTIONS = SPEED_DATASETS.map((value) => ({ value, label: DATASET_LABELS[value] }));
export const ACTIVATION_OPTIONS = SPEED_ACTIVATIONS.map((value) => ({
  value,
  label: ACTIVATIONS[value].label,
}));
/**
 * Labels written here rather than read from src/lib/inits: importing the init registry would
 * pull the samplers into the page's JavaScript, which only the worker needs.
 */
const INIT_LABELS: { readonly [K in SpeedInit]: string } = {
  standard: "standard U(±1/√n)",
  glorotUniform: "Glorot uniform",
  heNormal: "He normal",
};
export const INIT_OPTIONS = SPEED_INITS.map((value) => ({ value, label: INIT_LABELS[value] }));
export const WIDTH_OPTIONS = SPEED_WIDTHS.map((w) => ({
  value: String(w) as `${SpeedWidth}`,
  label: String(w),
}));

const oneOf = <T extends string | number>(xs: readonly T[], v: unknown, fallback: T): T =>
  (xs as readonly unknown[]).includes(v) ? (v as T) : fallback;

/** Validates anything (props, URL values) into knobs, field by field. */
export function parseLayerSpeedKnobs(
  raw: unknown,
  defaults: LayerSpeedKnobs = DEFAULT_SPEED_KNOBS,
): LayerSpeedKnobs {
  const o = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const d = typeof o.depth === "string" ? Number.parseFloat(o.depth) : o.depth;
  const w = typeof o.width === "string" ? Number.parseFloat(o.width) : o.width;
  return {
    dataset: oneOf(SPEED_DATASETS, o.dataset, defaults.dataset),
    depth:
      typeof d === "number" && Number.isFinite(d)
        ? Math.min(DEPTH_RANGE.max, Math.max(DEPTH_RANGE.min, Math.round(d)))
        : defaults.depth,
    width: oneOf(SPEED_WIDTHS, w, defaults.width),
    activation: oneOf(SPEED_ACTIVATIONS, o.activation, defaults.activation),
    init: oneOf(SPEED_INITS, o.init, defaults.init),
  };
}

export const SPEED_STEPS = 300;

/**
 * MNIST training digits per run. Steps cost the same whatever n is (a batch is 32 digits);
 * n sets how long the worker spends turning bytes into inputs before the first step, and
 * 300 batches of 32 already see each of 1,000 digits about ten times.
 */
export const SPEED_MNIST_N = 1000;

const dataFor = (dataset: SpeedDataset): ExperimentConfig["data"] =>
  dataset === "mnist"
    ? // Pixels are already in [0, 1]; standardising would turn rarely inked border pixels into huge inputs.
      { dataset, n: SPEED_MNIST_N, noise: 0.05, standardise: false, seqLength: 20 }
    : { dataset, n: 400, noise: 0.05, standardise: true, seqLength: 20 };

/**
 * The whole experiment, written out field by field rather than parsed: the core's zod schema
 * would add ~28 KB to the page's JavaScript. tests/unit/layer-speed.test.ts checks that the core's
 * parseConfig accepts (and leaves unchanged) the config of every knob combination.
 */
export function toExperimentConfig(k: LayerSpeedKnobs): ExperimentConfig {
  return {
    seed: 1,
    steps: SPEED_STEPS,
    batchSize: 32,
    data: dataFor(k.dataset),
    model: {
      kind: "mlp",
      depth: k.depth,
      width: k.width,
      activation: k.activation,
      norm: "none",
      residual: false,
      init: { scheme: k.init, scale: 1, a: 1, sigma: 1, bias: "zero", biasValue: 0, biasSigma: 0.1 },
    },
    // Two classes: one logit and binary cross-entropy; ten digits: softmax cross-entropy.
    loss: k.dataset === "mnist" ? "softmaxCrossEntropy" : "bceWithLogits",
    optimiser: {
      name: "sgd",
      lr: 0.5,
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

/**
 * ‖∂L/∂W¹‖ / ‖∂L/∂W^H‖ at a point: how fast the first hidden layer learns relative to the last
 * hidden layer (Nielsen's "speed of learning"). NaN when a norm is missing or the last is 0.
 */
export function firstToLastHidden(point: TrainingPoint | undefined, depth: number): number {
  const first = point?.layers[0]?.gradNorm;
  const last = point?.layers[depth - 1]?.gradNorm;
  if (first === undefined || last === undefined || last === 0) return Number.NaN;
  return first / last;
}
