/**
 * The one experiment definition. A config is a plain, JSON-serialisable object; the same
 * config drives a widget, the URL state, the CLI (`npm run experiment`) and a build-time
 * figure, and `createRun(config)` (./run.ts) is a pure function of it.
 *
 * Parsing fills missing fields from the defaults (so `{"model": {"depth": 10}}` is a whole
 * experiment), then validates strictly: an unknown key or an out-of-range value is an error
 * whose message names the field and what it allows, e.g.
 *
 *   model.depth: must be an integer in [0, 100] (got 500)
 *   optimiser.name: must be one of sgd, momentum, rmsprop, adam (got "adamw")
 *   model: unknown field "dropout" (allowed: kind, depth, width, ...)
 *
 * `parseConfigLenient` is for untrusted partial state such as a URL: it keeps every valid
 * field, resets each invalid one to its default and reports what it ignored.
 *
 * Every list of names comes from the registry that implements it (activations, inits,
 * losses, cells, data sets), so the schema cannot drift from the code.
 */
import * as z from "zod/mini";
import { ACTIVATION_NAMES } from "./activations";
import { CLIP_KINDS } from "./clip";
import { SEQUENCE_TASK_NAMES, SEQUENCE_TASKS } from "./data/sequences";
import { TOY2D_NAMES } from "./data/toy2d";
import { BIAS_KINDS, INIT_SCHEMES } from "./inits";
import { LOSS_NAMES } from "./losses";
import { NORMS } from "./mlp/spec";
import { OPTIMISER_NAMES } from "./optimisers";
import { CELL_NAMES, RNN_ACTIVATION_NAMES } from "./recurrent";

// No code generation: zod's JIT probes `new Function("")`, which the site's CSP (no
// 'unsafe-eval', astro.config.mjs) blocks and reports as a violation even though zod catches
// it. Config parsing is not hot, so the interpreted path costs nothing that matters.
z.config({ jitless: true });

// ---------------------------------------------------------------------------------------
// Ranges. One table so the docs (examples/README.md) and the error messages agree.
// ---------------------------------------------------------------------------------------

/** Inclusive bounds of every numeric field. */
export const LIMITS = {
  seed: [0, 4294967295],
  steps: [1, 100000],
  batchSize: [1, 1024],
  n: [4, 10000],
  /** MNIST has 2,000 training digits in the committed subset. */
  nMnist: [4, 2000],
  noise: [0, 1],
  seqLength: [2, 1000],
  depth: [0, 100],
  width: [1, 1024],
  initScale: [0, 100],
  initA: [0, 100],
  initSigma: [0, 100],
  biasValue: [-10, 10],
  biasSigma: [0, 10],
  hidden: [1, 512],
  forgetBias: [-10, 10],
  recurrentSigma: [0, 10],
  lr: [0, 1e6],
  momentum: [0, 0.999],
  beta: [0, 0.9999],
  eps: [1e-12, 1],
  weightDecay: [0, 1],
  clipThreshold: [0, 1e6],
} as const satisfies Record<string, readonly [number, number]>;

/** Every data-set name: 2-D sets, MNIST, then the sequence tasks. */
export const DATASET_NAMES = [...TOY2D_NAMES, "mnist", ...SEQUENCE_TASK_NAMES] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export const isSequenceDataset = (d: DatasetName): d is (typeof SEQUENCE_TASK_NAMES)[number] =>
  (SEQUENCE_TASK_NAMES as readonly string[]).includes(d);

// ---------------------------------------------------------------------------------------
// Field helpers: each carries its own error message naming the allowed range.
// ---------------------------------------------------------------------------------------

const fmt = (x: number) => String(x);

/** Integer in [lo, hi]. */
function intIn([lo, hi]: readonly [number, number]) {
  const error = `must be an integer in [${fmt(lo)}, ${fmt(hi)}]`;
  return z.int({ error }).check(z.minimum(lo, { error }), z.maximum(hi, { error }));
}

/** Finite number in [lo, hi], or (lo, hi] when `openLow` (e.g. a learning rate of 0 is meaningless). */
function numIn([lo, hi]: readonly [number, number], openLow = false) {
  const error = `must be a number in ${openLow ? "(" : "["}${fmt(lo)}, ${fmt(hi)}]`;
  return z
    .number({ error })
    .check(openLow ? z.gt(lo, { error }) : z.minimum(lo, { error }), z.maximum(hi, { error }));
}

function oneOf<const T extends readonly [string, ...string[]]>(names: T) {
  return z.enum(names, { error: `must be one of ${names.join(", ")}` });
}

const bool = () => z.boolean({ error: "must be true or false" });

/** A non-empty readonly list as the tuple z.enum wants. */
const names = <T extends string>(xs: readonly T[]) => xs as unknown as readonly [T, ...T[]];

// ---------------------------------------------------------------------------------------
// The schema.
// ---------------------------------------------------------------------------------------

const dataSchema = z.strictObject({
  dataset: oneOf(names(DATASET_NAMES)),
  /** Training-set size (2-D sets and MNIST); sequence tasks draw fresh batches instead. */
  n: intIn(LIMITS.n),
  /** Std of the Gaussian jitter of 2-D sets (see data/toy2d.ts). */
  noise: numIn(LIMITS.noise),
  /** Standardise inputs with training-set statistics. */
  standardise: bool(),
  /** Sequence length T of the sequence tasks. */
  seqLength: intIn(LIMITS.seqLength),
});

const initSchema = z.strictObject({
  scheme: oneOf(names(INIT_SCHEMES)),
  /** Multiplies every weight after drawing. */
  scale: numIn(LIMITS.initScale),
  /** Half-width of the "uniform" scheme. */
  a: numIn(LIMITS.initA),
  /** Standard deviation of the "normal" scheme. */
  sigma: numIn(LIMITS.initSigma),
  bias: oneOf(names(BIAS_KINDS)),
  biasValue: numIn(LIMITS.biasValue),
  biasSigma: numIn(LIMITS.biasSigma),
});

const mlpSchema = z.strictObject({
  kind: z.literal("mlp"),
  /** Number of hidden layers. */
  depth: intIn(LIMITS.depth),
  /** Width of every hidden layer (unless `widths` is given). */
  width: intIn(LIMITS.width),
  /** Optional per-layer widths, input side first; length must equal depth. */
  widths: z.optional(z.array(intIn(LIMITS.width), { error: "must be a list of integers" })),
  activation: oneOf(names(ACTIVATION_NAMES)),
  norm: oneOf(names(NORMS)),
  residual: bool(),
  init: initSchema,
});

const recurrentSchema = z.strictObject({
  kind: z.literal("recurrent"),
  cell: oneOf(names(CELL_NAMES)),
  hidden: intIn(LIMITS.hidden),
  /** Vanilla RNN only. */
  rnnActivation: oneOf(RNN_ACTIVATION_NAMES),
  /** LSTM only: initial forget-gate bias. */
  forgetBias: numIn(LIMITS.forgetBias),
  /** Multiplies the input and recurrent weights after drawing (default draw U(+-1/sqrt(H))). */
  initScale: numIn(LIMITS.initScale),
  /** Optional dense initialiser for W_x and W_h instead of U(+-1/sqrt(H)) (see inits.ts). */
  initScheme: z.optional(oneOf(names(INIT_SCHEMES))),
  /** If set, each gate block of W_h is rescaled to this largest singular value. */
  recurrentSigma: z.optional(numIn(LIMITS.recurrentSigma)),
});

const optimiserSchema = z.strictObject({
  name: oneOf(names(OPTIMISER_NAMES)),
  lr: numIn(LIMITS.lr, true),
  /** Momentum coefficient mu (optimiser "momentum"). */
  momentum: numIn(LIMITS.momentum),
  /** RMSProp's decay rho. */
  rho: numIn(LIMITS.momentum),
  beta1: numIn(LIMITS.beta),
  beta2: numIn(LIMITS.beta),
  eps: numIn(LIMITS.eps),
  /** L2 weight decay coefficient lambda (adds lambda * w to every weight gradient). */
  weightDecay: numIn(LIMITS.weightDecay),
});

const clipSchema = z.strictObject({
  /** none, norm (global-norm rescaling, Pascanu et al. 2013) or value (entry-wise). */
  kind: oneOf(names(CLIP_KINDS)),
  threshold: numIn(LIMITS.clipThreshold, true),
});

const MODEL_KINDS = ["mlp", "recurrent"] as const;

const baseSchema = z.strictObject({
  seed: intIn(LIMITS.seed),
  steps: intIn(LIMITS.steps),
  batchSize: intIn(LIMITS.batchSize),
  data: dataSchema,
  model: z.discriminatedUnion("kind", [mlpSchema, recurrentSchema], {
    error: `kind must be one of ${MODEL_KINDS.join(", ")}`,
  }),
  loss: oneOf(names(LOSS_NAMES)),
  optimiser: optimiserSchema,
  clip: clipSchema,
});

/** Rules that tie fields together; each issue points at the field to change. */
export const configSchema = baseSchema.check(
  z.superRefine((c, ctx) => {
    const seq = isSequenceDataset(c.data.dataset);
    if (c.model.kind === "recurrent" && !seq) {
      ctx.addIssue({
        code: "custom",
        path: ["data", "dataset"],
        message: `must be a sequence task (${SEQUENCE_TASK_NAMES.join(", ")}) for a recurrent model`,
      });
    }
    if (c.model.kind === "mlp" && seq) {
      ctx.addIssue({
        code: "custom",
        path: ["data", "dataset"],
        message: `sequence tasks (${SEQUENCE_TASK_NAMES.join(", ")}) need model.kind "recurrent"`,
      });
    }
    if (c.model.kind === "mlp" && c.model.widths && c.model.widths.length !== c.model.depth) {
      ctx.addIssue({
        code: "custom",
        path: ["model", "widths"],
        message: `must list one width per hidden layer (depth ${c.model.depth}), got ${c.model.widths.length}`,
      });
    }
    if (c.data.dataset === "mnist" && c.data.n > LIMITS.nMnist[1]) {
      ctx.addIssue({
        code: "custom",
        path: ["data", "n"],
        message: `must be an integer in [${LIMITS.nMnist[0]}, ${LIMITS.nMnist[1]}] for mnist`,
      });
    }
    // Guards tasks that need longer sequences than the schema's floor of 2.
    const minT = seq ? SEQUENCE_TASKS[c.data.dataset as (typeof SEQUENCE_TASK_NAMES)[number]].minT : 0;
    if (c.data.seqLength < minT) {
      ctx.addIssue({
        code: "custom",
        path: ["data", "seqLength"],
        message: `must be at least ${minT} for ${c.data.dataset}`,
      });
    }
    if (c.data.dataset === "adding" && c.loss !== "mse") {
      ctx.addIssue({
        code: "custom",
        path: ["loss"],
        message: 'must be "mse" for the adding problem (a regression)',
      });
    }
    if (seq && c.loss === "softmaxCrossEntropy") {
      ctx.addIssue({
        code: "custom",
        path: ["loss"],
        message: "softmaxCrossEntropy needs several classes; use mse or bceWithLogits",
      });
    }
  }),
);

export type ExperimentConfig = z.infer<typeof baseSchema>;
export type MlpModelConfig = Extract<ExperimentConfig["model"], { kind: "mlp" }>;
export type RecurrentModelConfig = Extract<ExperimentConfig["model"], { kind: "recurrent" }>;
export type ModelKind = ExperimentConfig["model"]["kind"];

// ---------------------------------------------------------------------------------------
// Defaults.
// ---------------------------------------------------------------------------------------

export const DEFAULT_MLP: MlpModelConfig = {
  kind: "mlp",
  depth: 4,
  width: 8,
  activation: "sigmoid",
  norm: "none",
  residual: false,
  init: { scheme: "standard", scale: 1, a: 1, sigma: 1, bias: "zero", biasValue: 0, biasSigma: 0.1 },
};

export const DEFAULT_RECURRENT: RecurrentModelConfig = {
  kind: "recurrent",
  cell: "lstm",
  hidden: 32,
  rnnActivation: "tanh",
  forgetBias: 1,
  initScale: 1,
};

/** A small sigmoid MLP on xor: trains in a second, and shows vanishing as depth grows. */
export const DEFAULT_CONFIG: ExperimentConfig = {
  seed: 1,
  steps: 500,
  batchSize: 32,
  data: { dataset: "xor", n: 400, noise: 0.05, standardise: false, seqLength: 20 },
  model: DEFAULT_MLP,
  loss: "bceWithLogits",
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

// ---------------------------------------------------------------------------------------
// Parsing.
// ---------------------------------------------------------------------------------------

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * Overlays `input` on `defaults`, recursing into plain objects; arrays and scalars replace.
 * Keys absent from the defaults are kept, so the strict schema can reject them by name.
 */
function overlay(defaults: unknown, input: unknown): unknown {
  if (!isPlainObject(defaults) || !isPlainObject(input)) return input === undefined ? defaults : input;
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(input)) out[k] = overlay(defaults[k], v);
  return out;
}

/** The defaults a partial input is completed with (the model defaults follow model.kind). */
function defaultsFor(input: unknown): ExperimentConfig {
  const kind = isPlainObject(input) && isPlainObject(input.model) ? input.model.kind : undefined;
  if (kind !== "recurrent") return DEFAULT_CONFIG;
  return {
    ...DEFAULT_CONFIG,
    data: { ...DEFAULT_CONFIG.data, dataset: "adding" },
    model: DEFAULT_RECURRENT,
    loss: "mse",
    // Plain SGD at the MLP's rate makes an LSTM explode on the adding problem; Adam is the usual choice.
    optimiser: { ...DEFAULT_CONFIG.optimiser, name: "adam", lr: 0.01 },
  };
}

/** Fills missing fields of `input` with the defaults (no validation). */
export function withDefaults(input: unknown): unknown {
  if (!isPlainObject(input)) return input;
  return overlay(defaultsFor(input), input);
}

export type ParseResult = { ok: true; config: ExperimentConfig } | { ok: false; errors: string[] };

const describeValue = (v: unknown): string => {
  if (v === undefined) return "nothing";
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

/** The keys a (sub)schema allows at a path, for "unknown field" messages. */
function allowedKeys(path: readonly PropertyKey[], input: unknown): string[] {
  let shape: unknown = baseSchema.shape;
  let value: unknown = input;
  for (const key of path) {
    value = isPlainObject(value) ? value[key as string] : undefined;
    const field = isPlainObject(shape) ? shape[key as string] : undefined;
    if (field instanceof z.ZodMiniDiscriminatedUnion) {
      const kind = isPlainObject(value) ? value.kind : undefined;
      shape = kind === "recurrent" ? recurrentSchema.shape : mlpSchema.shape;
    } else if (field instanceof z.ZodMiniObject) shape = field.shape;
    else return [];
  }
  return isPlainObject(shape) ? Object.keys(shape) : [];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path)
    v = isPlainObject(v) || Array.isArray(v) ? (v as Record<string, unknown>)[k as string] : undefined;
  return v;
}

interface FieldError {
  /** Dotted path of the offending field ("model.depth", "model.widths.2"). */
  readonly path: (string | number)[];
  readonly message: string;
}

function fieldErrors(candidate: unknown): FieldError[] {
  const result = configSchema.safeParse(candidate);
  if (result.success) return [];
  const out: FieldError[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    if (issue.code === "unrecognized_keys") {
      const allowed = allowedKeys(issue.path, candidate);
      for (const key of issue.keys) {
        out.push({
          path: [...path, key],
          message: `unknown field ${JSON.stringify(key)}${allowed.length ? ` (allowed: ${allowed.join(", ")})` : ""}`,
        });
      }
    } else if (issue.code === "invalid_union") {
      const at = path[path.length - 1] === "kind" ? path : [...path, "kind"];
      out.push({
        path: at,
        message: `must be one of ${MODEL_KINDS.join(", ")} (got ${describeValue(valueAt(candidate, at))})`,
      });
    } else if (issue.code === "custom") {
      // Cross-field rules write complete messages themselves.
      out.push({ path, message: issue.message });
    } else {
      out.push({ path, message: `${issue.message} (got ${describeValue(valueAt(candidate, issue.path))})` });
    }
  }
  return out;
}

/** "model.depth: must be ..."; an unknown key is reported on its parent ("model: unknown field ..."). */
function formatError(e: FieldError): string {
  const at = e.message.startsWith("unknown field") ? e.path.slice(0, -1) : e.path;
  return `${at.length ? at.join(".") : "config"}: ${e.message}`;
}

/**
 * Validates a (possibly partial) config. Missing fields take their defaults; anything
 * unknown or out of range is an error naming the field and what it allows.
 */
export function parseConfig(input: unknown): ParseResult {
  if (!isPlainObject(input))
    return { ok: false, errors: [`config: must be a JSON object (got ${describeValue(input)})`] };
  const candidate = withDefaults(input);
  const errors = fieldErrors(candidate);
  if (errors.length === 0) return { ok: true, config: configSchema.parse(candidate) };
  return { ok: false, errors: errors.map(formatError) };
}

export interface LenientResult {
  readonly config: ExperimentConfig;
  /** One readable line per ignored field, e.g. `data.noise: must be a number in [0, 1] (got 20)`. */
  readonly ignored: string[];
}

function deleteAt(obj: unknown, path: readonly (string | number)[]): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(obj, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  if (!isPlainObject(parent) && !Array.isArray(parent)) return false;
  if (!(key in parent)) return false;
  delete (parent as Record<string | number, unknown>)[key];
  return true;
}

/**
 * Keeps every valid field of `input` and drops each invalid or unknown one (it then takes its
 * default), reporting what was dropped. Never fails: garbage in gives the defaults out. For
 * URL state and other untrusted partial input.
 */
export function parseConfigLenient(input: unknown): LenientResult {
  if (!isPlainObject(input)) {
    return {
      config: DEFAULT_CONFIG,
      ignored: input === undefined ? [] : [`config: must be a JSON object (got ${describeValue(input)})`],
    };
  }
  // Work on a deep copy so the caller's object is untouched.
  const working: unknown = JSON.parse(JSON.stringify(input));
  const ignored: string[] = [];
  // Each round removes at least one offending field, so this ends; the bound is a safety net.
  for (let round = 0; round < 64; round++) {
    const candidate = withDefaults(working);
    const errors = fieldErrors(candidate);
    if (errors.length === 0) return { config: configSchema.parse(candidate), ignored };
    let removed = false;
    for (const e of errors) {
      // Drop the field from the user's input; a field the defaults supplied cannot be dropped,
      // so fall back to dropping the nearest ancestor the user did supply.
      for (let len = e.path.length; len > 0 && !removed; len--) {
        if (deleteAt(working, e.path.slice(0, len))) {
          ignored.push(formatError(e));
          removed = true;
        }
      }
      if (removed) break;
    }
    if (!removed) break;
  }
  return {
    config: DEFAULT_CONFIG,
    ignored: [...ignored, "config: could not be repaired; using the defaults"],
  };
}

/** A stable JSON form of a config (keys in schema order), e.g. for hashing or a URL. */
export function serialiseConfig(config: ExperimentConfig): string {
  return JSON.stringify(configSchema.parse(config));
}
