/**
 * The playground's knobs: one flat record of everything a reader can set, the registry that
 * describes each knob (label, group, which config field it sets, when it applies), the parser
 * for untrusted state (props, URL) and the one function that turns knobs into a core
 * ExperimentConfig (src/lib/config.ts).
 *
 * Why flat knobs rather than the nested ExperimentConfig itself: the controls, the URL state
 * and the instructor parameters (`?lock=activation,init`) all name a knob by one word, and a
 * knob's error is found by the config path it writes (KNOBS[k].path). The nested config is
 * built in one place (toExperimentConfig) and validated by the core's own schema, whose
 * messages are shown next to the knob that caused them (validate.ts, loaded lazily).
 *
 * Display labels are written here, not read from the core's registries: importing those would
 * put the activation, init and optimiser code on the page (the worker runs them, the island
 * never does). tests/unit/playground.test.ts checks that every list matches its registry.
 */
import type { ExperimentConfig } from "../../../lib/config";

/** 2-D sets first (they get a decision-boundary view), then the MNIST subset. */
export const PG_DATASETS = ["xor", "circles", "spiral", "gaussians", "moons", "mnist"] as const;
export const PG_ACTIVATIONS = ["sigmoid", "tanh", "relu", "leakyRelu", "linear", "softsign"] as const;
export const PG_INITS = [
  "standard",
  "uniform",
  "normal",
  "glorotUniform",
  "glorotNormal",
  "heNormal",
  "heUniform",
  "lecun",
] as const;
export const PG_NORMS = ["none", "batch", "layer"] as const;
export const PG_LOSSES = ["bceWithLogits", "softmaxCrossEntropy", "mse"] as const;
export const PG_OPTIMISERS = ["sgd", "momentum", "rmsprop", "adam"] as const;
export const PG_CLIPS = ["none", "value", "norm"] as const;

export type PgDataset = (typeof PG_DATASETS)[number];
export type PgActivation = (typeof PG_ACTIVATIONS)[number];
export type PgInit = (typeof PG_INITS)[number];
export type PgNorm = (typeof PG_NORMS)[number];
export type PgLoss = (typeof PG_LOSSES)[number];
export type PgOptimiser = (typeof PG_OPTIMISERS)[number];
export type PgClip = (typeof PG_CLIPS)[number];

export interface PlaygroundKnobs {
  readonly dataset: PgDataset;
  readonly n: number;
  readonly noise: number;
  readonly standardise: boolean;
  readonly depth: number;
  readonly width: number;
  readonly activation: PgActivation;
  readonly init: PgInit;
  readonly initScale: number;
  readonly initA: number;
  readonly initSigma: number;
  readonly norm: PgNorm;
  readonly residual: boolean;
  readonly loss: PgLoss;
  readonly optimiser: PgOptimiser;
  readonly lr: number;
  readonly momentum: number;
  readonly rho: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly weightDecay: number;
  readonly batchSize: number;
  readonly clip: PgClip;
  readonly clipThreshold: number;
  readonly steps: number;
  readonly seed: number;
}
export type KnobName = keyof PlaygroundKnobs;

type Options<T extends string> = { readonly [K in T]: string };

export const DATASET_LABELS: Options<PgDataset> = {
  xor: "XOR",
  circles: "circles",
  spiral: "spiral",
  gaussians: "two Gaussians",
  moons: "moons",
  mnist: "MNIST subset (digits)",
};
export const ACTIVATION_LABELS: Options<PgActivation> = {
  sigmoid: "sigmoid",
  tanh: "tanh",
  relu: "ReLU",
  leakyRelu: "leaky ReLU",
  linear: "linear",
  softsign: "softsign",
};
export const INIT_LABELS: Options<PgInit> = {
  standard: "standard U[-1/√n, 1/√n]",
  uniform: "uniform ±a",
  normal: "normal(σ)",
  glorotUniform: "Glorot (Xavier) uniform",
  glorotNormal: "Glorot (Xavier) normal",
  heNormal: "He normal",
  heUniform: "He uniform",
  lecun: "LeCun normal (√(1/n))",
};
export const NORM_LABELS: Options<PgNorm> = { none: "none", batch: "batch norm", layer: "layer norm" };
export const LOSS_LABELS: Options<PgLoss> = {
  bceWithLogits: "binary cross-entropy",
  softmaxCrossEntropy: "softmax cross-entropy",
  mse: "mean squared error",
};
export const OPTIMISER_LABELS: Options<PgOptimiser> = {
  sgd: "SGD",
  momentum: "SGD with momentum",
  rmsprop: "RMSProp",
  adam: "Adam",
};
export const CLIP_LABELS: Options<PgClip> = {
  none: "none",
  value: "by value (each entry)",
  norm: "by global norm",
};

/** The groups the controls are laid out in; a group name also locks or hides all its knobs. */
export const KNOB_GROUPS = {
  data: "Data",
  model: "Model",
  optimisation: "Optimisation",
  run: "Run",
} as const;
export type KnobGroup = keyof typeof KNOB_GROUPS;

interface KnobBase {
  readonly label: string;
  readonly group: KnobGroup;
  /** The config field this knob sets: schema errors at this path are shown beside it. */
  readonly path: string;
  /** Whether the knob means anything for these knobs (hidden-by-context otherwise). */
  readonly applies?: (k: PlaygroundKnobs) => boolean;
  readonly hint?: string;
}
export interface ChoiceKnob extends KnobBase {
  readonly kind: "choice";
  readonly options: Options<string>;
}
export interface NumberKnob extends KnobBase {
  readonly kind: "number";
  /**
   * The number box's step and the range the playground accepts (inside the core's LIMITS, or
   * wider where the core's own check is the one to show, e.g. a learning rate of 0). A typed
   * value outside it is not clamped: it is shown with a message beside the knob.
   */
  readonly min: number;
  readonly max: number;
  readonly step: number | "any";
  readonly integer: boolean;
}
export interface ToggleKnob extends KnobBase {
  readonly kind: "toggle";
}
export type Knob = ChoiceKnob | NumberKnob | ToggleKnob;

const twoD = (k: PlaygroundKnobs) => k.dataset !== "mnist";
const int = (min: number, max: number) => ({ kind: "number", min, max, step: 1, integer: true }) as const;
const real = (min: number, max: number, step: number | "any" = "any") =>
  ({ kind: "number", min, max, step, integer: false }) as const;

/** Every knob, in the order the controls show them. Numeric ranges sit inside the core's LIMITS. */
export const KNOBS = {
  dataset: {
    kind: "choice",
    label: "Data set",
    group: "data",
    path: "data.dataset",
    options: DATASET_LABELS,
  },
  n: { ...int(4, 2000), label: "Training examples", group: "data", path: "data.n" },
  noise: { ...real(0, 1, 0.01), label: "Noise", group: "data", path: "data.noise", applies: twoD },
  standardise: { kind: "toggle", label: "Standardise inputs", group: "data", path: "data.standardise" },
  depth: { ...int(0, 32), label: "Hidden layers", group: "model", path: "model.depth" },
  width: { ...int(1, 128), label: "Units per layer", group: "model", path: "model.width" },
  activation: {
    kind: "choice",
    label: "Activation",
    group: "model",
    path: "model.activation",
    options: ACTIVATION_LABELS,
  },
  init: {
    kind: "choice",
    label: "Initialisation",
    group: "model",
    path: "model.init.scheme",
    options: INIT_LABELS,
  },
  initScale: {
    ...real(0, 100, 0.05),
    label: "Init scale",
    group: "model",
    path: "model.init.scale",
    hint: "× every weight",
  },
  initA: {
    ...real(0, 10, 0.05),
    label: "Uniform half-width a",
    group: "model",
    path: "model.init.a",
    applies: (k) => k.init === "uniform",
  },
  initSigma: {
    ...real(0, 10, 0.05),
    label: "Normal σ",
    group: "model",
    path: "model.init.sigma",
    applies: (k) => k.init === "normal",
  },
  norm: { kind: "choice", label: "Normalisation", group: "model", path: "model.norm", options: NORM_LABELS },
  residual: {
    kind: "toggle",
    label: "Residual connections",
    group: "model",
    path: "model.residual",
    hint: "y = x + F(x) between hidden layers of equal width",
  },
  loss: { kind: "choice", label: "Loss", group: "optimisation", path: "loss", options: LOSS_LABELS },
  optimiser: {
    kind: "choice",
    label: "Optimiser",
    group: "optimisation",
    path: "optimiser.name",
    options: OPTIMISER_LABELS,
  },
  lr: { ...real(0, 1000), label: "Learning rate η", group: "optimisation", path: "optimiser.lr" },
  momentum: {
    ...real(0, 0.999, 0.01),
    label: "Momentum μ",
    group: "optimisation",
    path: "optimiser.momentum",
    applies: (k) => k.optimiser === "momentum",
  },
  rho: {
    ...real(0, 0.999, 0.01),
    label: "Decay ρ",
    group: "optimisation",
    path: "optimiser.rho",
    applies: (k) => k.optimiser === "rmsprop",
  },
  beta1: {
    ...real(0, 0.9999, 0.01),
    label: "β₁",
    group: "optimisation",
    path: "optimiser.beta1",
    applies: (k) => k.optimiser === "adam",
  },
  beta2: {
    ...real(0, 0.9999, 0.001),
    label: "β₂",
    group: "optimisation",
    path: "optimiser.beta2",
    applies: (k) => k.optimiser === "adam",
  },
  weightDecay: {
    ...real(0, 1),
    label: "L2 weight decay λ",
    group: "optimisation",
    path: "optimiser.weightDecay",
  },
  batchSize: { ...int(1, 256), label: "Batch size", group: "optimisation", path: "batchSize" },
  clip: {
    kind: "choice",
    label: "Gradient clipping",
    group: "optimisation",
    path: "clip.kind",
    options: CLIP_LABELS,
  },
  clipThreshold: {
    ...real(0, 1000),
    label: "Clip threshold",
    group: "optimisation",
    path: "clip.threshold",
    applies: (k) => k.clip !== "none",
  },
  steps: { ...int(1, 20000), label: "Steps", group: "run", path: "steps" },
  seed: { ...int(0, 9999), label: "Seed", group: "run", path: "seed" },
} as const satisfies { readonly [K in KnobName]: Knob };

export const KNOB_NAMES = Object.keys(KNOBS) as readonly KnobName[];

export const knobApplies = (name: KnobName, k: PlaygroundKnobs): boolean => {
  const knob: Knob = KNOBS[name];
  return knob.applies ? knob.applies(k) : true;
};

/** A sigmoid net of moderate depth on circles: it learns, slowly at the bottom. */
export const DEFAULT_KNOBS: PlaygroundKnobs = {
  dataset: "circles",
  n: 400,
  noise: 0.05,
  standardise: false,
  depth: 4,
  width: 16,
  activation: "tanh",
  init: "glorotNormal",
  initScale: 1,
  initA: 1,
  initSigma: 1,
  norm: "none",
  residual: false,
  loss: "bceWithLogits",
  optimiser: "sgd",
  lr: 0.1,
  momentum: 0.9,
  rho: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  weightDecay: 0,
  batchSize: 32,
  clip: "none",
  clipThreshold: 1,
  steps: 400,
  seed: 1,
};

/**
 * The loss that fits a data set: softmax over ten digits for MNIST, one logit for the
 * two-class 2-D sets. Picking a data set picks its loss (the reader may change it after).
 */
export const lossFor = (d: PgDataset): PgLoss => (d === "mnist" ? "softmaxCrossEntropy" : "bceWithLogits");

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * One knob from untrusted input, or the fallback. Choices must be one of the options, toggles
 * booleans, numbers finite (integers for integer knobs) and within the knob's [min, max] —
 * so a link cannot ask for a network the page would take minutes to step. A value inside that
 * range may still be one the core rejects (a learning rate of 0): the schema's message then
 * shows beside the knob, as for a typed value.
 */
export function parseKnob<K extends KnobName>(
  name: K,
  v: unknown,
  fallback: PlaygroundKnobs[K],
): PlaygroundKnobs[K] {
  const knob: Knob = KNOBS[name];
  if (knob.kind === "choice")
    return (typeof v === "string" && Object.hasOwn(knob.options, v) ? v : fallback) as PlaygroundKnobs[K];
  if (knob.kind === "toggle") return (typeof v === "boolean" ? v : fallback) as PlaygroundKnobs[K];
  if (typeof v !== "number" || !Number.isFinite(v)) return fallback;
  if (knob.integer && !Number.isInteger(v)) return fallback;
  if (v < knob.min || v > knob.max) return fallback;
  return v as PlaygroundKnobs[K];
}

/** Every knob from untrusted input, field by field; missing or bad fields take `base`'s value. */
export function parseKnobs(input: unknown, base: PlaygroundKnobs = DEFAULT_KNOBS): PlaygroundKnobs {
  const o = isRecord(input) ? input : {};
  const out: Record<string, unknown> = {};
  for (const name of KNOB_NAMES) out[name] = parseKnob(name, o[name], base[name]);
  return out as unknown as PlaygroundKnobs;
}

/**
 * The knobs as a complete core experiment, written out in full (no zod on the page): the
 * worker validates every config it is given (pump.ts), and validate.ts runs the same schema
 * in the page, lazily, to put its messages beside the knobs.
 */
export function toExperimentConfig(k: PlaygroundKnobs): ExperimentConfig {
  return {
    seed: k.seed,
    steps: k.steps,
    batchSize: k.batchSize,
    data: { dataset: k.dataset, n: k.n, noise: k.noise, standardise: k.standardise, seqLength: 20 },
    model: {
      kind: "mlp",
      depth: k.depth,
      width: k.width,
      activation: k.activation,
      norm: k.norm,
      residual: k.residual,
      init: {
        scheme: k.init,
        scale: k.initScale,
        a: k.initA,
        sigma: k.initSigma,
        bias: "zero",
        biasValue: 0,
        biasSigma: 0.1,
      },
    },
    loss: k.loss,
    optimiser: {
      name: k.optimiser,
      lr: k.lr,
      momentum: k.momentum,
      rho: k.rho,
      beta1: k.beta1,
      beta2: k.beta2,
      eps: 1e-8,
      weightDecay: k.weightDecay,
    },
    clip: { kind: k.clip, threshold: k.clipThreshold },
  };
}

/** The knob whose config field is `path` (or an ancestor of it), e.g. "model.init.scheme" -> init. */
export function knobForPath(path: string): KnobName | null {
  let best: KnobName | null = null;
  let bestLength = -1;
  for (const name of KNOB_NAMES) {
    const p = KNOBS[name].path;
    if ((path === p || path.startsWith(`${p}.`)) && p.length > bestLength) {
      best = name;
      bestLength = p.length;
    }
  }
  return best;
}

/**
 * The playground's own bounds on a knob's value (before the core's schema sees it): the core
 * allows up to 100 layers of 1,024 units, but one step of such a net takes seconds, so the
 * page stops at KNOBS[k].max and says where to go for more. Null when the value is fine.
 */
export function knobRangeError(name: KnobName, v: PlaygroundKnobs[KnobName]): string | null {
  const knob: Knob = KNOBS[name];
  if (knob.kind !== "number" || typeof v !== "number") return null;
  if (!Number.isFinite(v)) return "must be a number";
  if (knob.integer && !Number.isInteger(v)) return "must be a whole number";
  if (v < knob.min || v > knob.max)
    return `the playground allows ${knob.min} to ${knob.max} (for larger values, export the config and use npm run experiment)`;
  return null;
}
