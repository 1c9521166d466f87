/**
 * A training run: a pure function of its config.
 *
 *   const run = createRun(config);          // or createRun(config, { mnist }) for MNIST
 *   run.step(100);                           // trains 100 steps (fewer if it ends first)
 *   run.metrics;                             // per-step records (loss, accuracy, norms, layers)
 *   run.stop;                                // null, {kind: "completed"} or {kind: "diverged", reason}
 *   run.evaluate();                          // loss and accuracy on the held-out set
 *   JSON.stringify(run.snapshot());          // serialisable state
 *
 * Determinism: all randomness comes from named streams of the config's seed —
 *   "init"       the model's initial weights,
 *   "data"       the 2-D training points (data/index.ts), "data.test" the test points
 *                and the fixed test sequences,
 *   "batches"    the shuffled batch order (2-D, MNIST) or the fresh training sequences,
 * so two runs of one config give bit-identical metrics, and two configs that differ only in
 * a remedy (activation, init scale, norm, clipping...) see the same data and batch order.
 * evaluate() draws no random numbers, so calling it never changes a run.
 *
 * A step is: fill the batch, zero the gradients, forward, loss and dL/dlogits, backward,
 * clip (reporting the global gradient norm before and after), optimiser update, then the
 * per-layer diagnostics. The first step whose loss, gradient norm or weights are not finite
 * ends the run with { kind: "diverged", step, reason } — a diverging run is a result to show,
 * never an exception. So does a loss that has blown up to more than EXPLOSION_FACTOR times
 * max(1, first loss): a saturating network with a huge learning rate can stay finite for a
 * long time (a sigmoid's gradient is bounded, so its weights only grow linearly) while it is
 * plainly diverged, e.g. binary cross-entropy of 1e5 where chance is ln 2.
 */
import { type ClipResult, clipGradients } from "./clip";
import type { ExperimentConfig, MlpModelConfig, RecurrentModelConfig } from "./config";
import { isSequenceDataset } from "./config";
import type { Dataset } from "./data/dataset";
import { makeTabularData, type TabularData } from "./data/index";
import type { MnistSubset } from "./data/mnist";
import {
  generateSequenceBatch,
  SEQUENCE_TASKS,
  type SequenceBatch,
  type SequenceTaskName,
} from "./data/sequences";
import { standardiseRows } from "./data/standardise";
import {
  collectMlpDiagnostics,
  createMlpDiagnostics,
  diagnosticsToJSON,
  findNonFinite,
  type MlpDiagnostics,
} from "./diagnostics";
import type { BiasInit, InitSpec } from "./inits";
import { accuracy as batchAccuracy, computeLoss, LOSSES, type LossName } from "./losses";
import { createMlp, type Mlp } from "./mlp/mlp";
import type { MlpSpec } from "./mlp/spec";
import { createOptimiser, type Optimiser } from "./optimisers";
import { type Param, type ParamKind, zeroGrads } from "./params";
import { createRecurrent, type RecurrentModel } from "./recurrent/index";
import { createRng, type Rng } from "./rng";

/** What a run needs besides its config: data that is loaded, not generated. */
export interface RunInputs {
  /** The decoded MNIST subset (scripts/load-mnist.ts in Node, fetch + decodeMnist in a browser). */
  readonly mnist?: MnistSubset;
  /**
   * Keep a full record every `recordEvery` steps (plus the first, the last and a diverging
   * one); the loss of every step is kept in `losses` regardless. Default 1.
   */
  readonly recordEvery?: number;
  /** Fill per-layer gradient and activation histograms in the records (MLP; default false). */
  readonly histograms?: boolean;
}

/**
 * Per-layer diagnostics of an MLP (src/lib/diagnostics.ts): gradient norms of W and b,
 * weight norm, update ratio, delta RMS, pre-activation and activation mean and spread, the
 * saturated and dead fractions, and (when asked for) histograms.
 */
export type LayerRecord = ReturnType<typeof diagnosticsToJSON>["layers"][number];

/** Numbers of one parameter tensor at one step (weights, biases, norm gains, recurrent matrices). */
export interface ParamRecord {
  /** "layer3.W", "layer3.b", "lstm.Wh", ... */
  readonly name: string;
  readonly layer: number;
  readonly kind: ParamKind;
  /** ||dL/dtheta|| (Frobenius), after clipping: the gradient the update used. */
  readonly gradNorm: number;
  /** ||theta|| after the update. */
  readonly valueNorm: number;
  /** ||Delta theta|| / ||theta||: how fast this tensor is learning (0 when ||theta|| = 0). */
  readonly updateRatio: number;
}

export interface StepRecord {
  /** 1-based index of the step just taken. */
  readonly step: number;
  /** Training loss on this step's batch, before the update. */
  readonly loss: number;
  /** Accuracy on this step's batch; null for a regression (the adding problem). */
  readonly accuracy: number | null;
  /** Global gradient norm before clipping, and after. */
  readonly gradNorm: number;
  readonly clippedGradNorm: number;
  /** One entry per parameter tensor, in model order (input side first). */
  readonly paramStats: readonly ParamRecord[];
  /** MLP models: one entry per layer (hidden layers 1..H, then the output layer). */
  readonly layers?: readonly LayerRecord[];
  /** Recurrent models: mean over the batch of ||dL/dh_t||, t = 1..T. */
  readonly hiddenGradNorms?: readonly number[];
}

export type StopReason =
  | { readonly kind: "completed"; readonly step: number }
  | { readonly kind: "diverged"; readonly step: number; readonly reason: string };

export interface Evaluation {
  readonly loss: number;
  readonly accuracy: number | null;
  /** Examples (2-D, MNIST) or sequences evaluated. */
  readonly n: number;
}

export interface RunSnapshot {
  readonly version: 1;
  readonly config: ExperimentConfig;
  readonly stepsDone: number;
  readonly stop: StopReason | null;
  readonly losses: number[];
  readonly metrics: StepRecord[];
  /** Present when asked for: every parameter's values, by name. */
  readonly params?: Array<{ name: string; shape: number[]; values: number[] }>;
}

export interface Run {
  readonly config: ExperimentConfig;
  readonly stepsDone: number;
  /** Full records (see RunInputs.recordEvery). */
  readonly metrics: readonly StepRecord[];
  /** The training loss of every step taken so far (length stepsDone). */
  readonly losses: Float64Array;
  readonly stop: StopReason | null;
  readonly done: boolean;
  /** The model's parameters (live: read, do not write). */
  readonly params: readonly Param[];
  /** 2-D and MNIST runs: the data (standardised as trained, and raw for plotting); null for sequence tasks. */
  readonly data: TabularData | null;
  /** Output units of the model (1 for two classes under BCE/MSE, the class count under softmax). */
  readonly outputs: number;
  /**
   * MLP runs: the model's outputs for n raw input rows [n, inputDim] (standardised first
   * when the config says so), in evaluation mode — e.g. a grid, for a decision boundary.
   * Returns a fresh [n, outputs] array of logits (raw outputs under MSE); apply the sigmoid
   * or softmax for probabilities. Draws no random numbers. Null for recurrent runs.
   */
  readonly predict: ((inputs: Float64Array, n: number) => Float64Array) | null;
  /** Takes up to n steps (default 1), stopping early at the configured total or at divergence; returns the new records. */
  step(n?: number): StepRecord[];
  /** Loss and accuracy on the held-out set, in evaluation mode (batch norm uses running statistics). */
  evaluate(): Evaluation;
  snapshot(options?: { params?: boolean }): RunSnapshot;
}

/** A loss above EXPLOSION_FACTOR * max(1, first loss) counts as divergence (see above). */
export const EXPLOSION_FACTOR = 1e4;

/** Test sequences for recurrent runs (a fixed batch drawn once from "data.test"). */
export const SEQUENCE_TEST_SIZE = 256;

/** ||a|| for a flat array. */
function norm(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (a[i] as number);
  return Math.sqrt(s);
}

/** Output width for a data set with `classes` classes under a loss. */
export function outputWidth(loss: LossName, classes: number): number {
  // Two classes fit one output (a logit for BCE, a 0/1 regression for MSE); softmax needs one per class.
  return loss !== "softmaxCrossEntropy" && classes === 2 ? 1 : classes;
}

/** Target rows [n, k]: the label itself when k = 1, else one-hot rows. */
function targetsFor(d: Dataset, k: number): Float64Array {
  const t = new Float64Array(d.n * k);
  for (let i = 0; i < d.n; i++) {
    const y = d.labels[i] as number;
    if (k === 1) t[i] = y;
    else t[i * k + y] = 1;
  }
  return t;
}

function biasInit(m: MlpModelConfig): BiasInit {
  switch (m.init.bias) {
    case "zero":
      return { kind: "zero" };
    case "constant":
      return { kind: "constant", value: m.init.biasValue };
    case "normal":
      return { kind: "normal", sigma: m.init.biasSigma };
  }
}

function mlpInit(m: MlpModelConfig): InitSpec {
  return { scheme: m.init.scheme, scale: m.init.scale, a: m.init.a, sigma: m.init.sigma, bias: biasInit(m) };
}

/**
 * The MlpSpec a run builds for an MLP config on data with `inputDim` features and `classes`
 * classes — exported so that anything mirroring a run's model (a probe, a figure) builds the
 * very same layer plan and parameter order.
 */
export function mlpSpecFor(
  config: ExperimentConfig,
  m: MlpModelConfig,
  inputDim: number,
  classes: number,
): MlpSpec {
  return {
    inputs: inputDim,
    hidden: m.widths ?? new Array<number>(m.depth).fill(m.width),
    outputs: outputWidth(config.loss, classes),
    activation: m.activation,
    norm: m.norm,
    residual: m.residual,
    init: mlpInit(m),
  };
}

/**
 * The model-specific half of a step: fill a batch, forward, loss, backward. Returns the
 * batch loss and accuracy; leaves gradients in the params.
 */
interface Trainer {
  readonly params: readonly Param[];
  readonly data: TabularData | null;
  readonly outputs: number;
  readonly predict: Run["predict"];
  forwardBackward(rng: Rng): { loss: number; accuracy: number | null };
  evaluate(): Evaluation;
  /** Extra per-step numbers for the record, read after the optimiser's step. */
  extras(optimiser: Optimiser): Pick<StepRecord, "hiddenGradNorms" | "layers">;
}

function createMlpTrainer(
  config: ExperimentConfig,
  m: MlpModelConfig,
  inputs: RunInputs,
  root: Rng,
): Trainer {
  const lossName = config.loss;
  const data = makeTabularData(
    {
      dataset: config.data.dataset as Parameters<typeof makeTabularData>[0]["dataset"],
      n: config.data.n,
      noise: config.data.noise,
      standardise: config.data.standardise,
      mnist: inputs.mnist,
    },
    root,
  );
  const { train, test, standardiser } = data;
  const k = outputWidth(lossName, train.numClasses);
  const threshold = LOSSES[lossName].logitThreshold;
  const model: Mlp = createMlp(mlpSpecFor(config, m, train.inputDim, train.numClasses), root.stream("init"));
  const trainT = targetsFor(train, k);
  const testT = targetsFor(test, k);
  const B = Math.min(config.batchSize, train.n);
  const d = train.inputDim;
  const x = new Float64Array(B * d);
  const t = new Float64Array(B * k);
  const dLogits = new Float64Array(B * k);
  const order = new Uint32Array(train.n);
  for (let i = 0; i < train.n; i++) order[i] = i;
  // Position in the current epoch's permutation; n forces a shuffle before the first batch.
  let cursor = train.n;
  const diagnostics: MlpDiagnostics = createMlpDiagnostics(model, {
    histograms: inputs.histograms ?? false,
  });

  let scratch = new Float64Array(0);

  return {
    params: model.params,
    data,
    outputs: k,
    predict(inputs, n) {
      let x = inputs;
      if (standardiser) {
        if (scratch.length < n * d) scratch = new Float64Array(n * d);
        x = standardiseRows(standardiser, inputs, n, scratch);
      }
      return model.forward(x, n, "eval").slice(0, n * k);
    },
    forwardBackward(batches) {
      if (cursor + B > train.n) {
        // A new epoch: reshuffle. The tail that does not fill a batch is skipped this epoch.
        batches.shuffle(order);
        cursor = 0;
      }
      for (let r = 0; r < B; r++) {
        const i = order[cursor + r] as number;
        x.set(train.inputs.subarray(i * d, (i + 1) * d), r * d);
        t.set(trainT.subarray(i * k, (i + 1) * k), r * k);
      }
      cursor += B;
      zeroGrads(model.params);
      const logits = model.forward(x, B, "train");
      const loss = computeLoss(lossName, logits, t, B, k, dLogits);
      const acc = batchAccuracy(logits, t, B, k, threshold);
      // Backward even from a non-finite loss: the records then show where the NaN went.
      model.backward(dLogits);
      return { loss, accuracy: acc };
    },
    evaluate() {
      const logits = model.forward(test.inputs, test.n, "eval");
      const loss = computeLoss(lossName, logits, testT, test.n, k, null);
      return { loss, accuracy: batchAccuracy(logits, testT, test.n, k, threshold), n: test.n };
    },
    extras: (optimiser) => ({
      layers: diagnosticsToJSON(collectMlpDiagnostics(model, optimiser, diagnostics)).layers,
    }),
  };
}

function createRecurrentTrainer(config: ExperimentConfig, m: RecurrentModelConfig, root: Rng): Trainer {
  const task = config.data.dataset as SequenceTaskName;
  const info = SEQUENCE_TASKS[task];
  const lossName = config.loss;
  const T = config.data.seqLength;
  const B = config.batchSize;
  // The adding problem is a regression: accuracy has no meaning there.
  const classification = info.baseline.accuracy !== undefined;
  const threshold = LOSSES[lossName].logitThreshold;
  const model: RecurrentModel = createRecurrent(
    {
      cell: m.cell,
      inputs: info.inputs,
      hidden: m.hidden,
      outputs: info.outputs,
      rnnActivation: m.rnnActivation,
      forgetBias: m.forgetBias,
      init: {
        scale: m.initScale,
        ...(m.initScheme === undefined ? {} : { scheme: m.initScheme }),
        ...(m.recurrentSigma === undefined ? {} : { recurrentSigma: m.recurrentSigma }),
      },
      readout: "last",
    },
    root.stream("init"),
  );
  const testBatch = generateSequenceBatch(task, root.stream("data.test"), { T, batch: SEQUENCE_TEST_SIZE });
  let batch: SequenceBatch | undefined;
  const dOut = new Float64Array(B * info.outputs);

  return {
    params: model.params,
    data: null,
    outputs: info.outputs,
    predict: null,
    forwardBackward(batches) {
      batch = generateSequenceBatch(task, batches, { T, batch: B }, batch);
      zeroGrads(model.params);
      const y = model.forward(batch.x, T, B);
      const loss = computeLoss(lossName, y, batch.y, B, info.outputs, dOut);
      const acc = classification ? batchAccuracy(y, batch.y, B, info.outputs, threshold) : null;
      model.backward(dOut);
      return { loss, accuracy: acc };
    },
    evaluate() {
      const y = model.forward(testBatch.x, T, SEQUENCE_TEST_SIZE);
      const loss = computeLoss(lossName, y, testBatch.y, SEQUENCE_TEST_SIZE, info.outputs, null);
      const acc = classification
        ? batchAccuracy(y, testBatch.y, SEQUENCE_TEST_SIZE, info.outputs, threshold)
        : null;
      return { loss, accuracy: acc, n: SEQUENCE_TEST_SIZE };
    },
    extras: () => ({ hiddenGradNorms: Array.from(model.hiddenGradNorms) }),
  };
}

/** Per-parameter numbers, aligned with params and the optimiser's update norms. */
function paramRecords(params: readonly Param[], updateNorms: Float64Array): ParamRecord[] {
  return params.map((p, i) => {
    const v = norm(p.value);
    return {
      name: p.name,
      layer: p.layer,
      kind: p.kind,
      gradNorm: norm(p.grad),
      valueNorm: v,
      updateRatio: v > 0 ? (updateNorms[i] as number) / v : 0,
    };
  });
}

export function createRun(config: ExperimentConfig, inputs: RunInputs = {}): Run {
  const root = createRng(config.seed);
  const trainer = isSequenceDataset(config.data.dataset)
    ? createRecurrentTrainer(config, config.model as RecurrentModelConfig, root)
    : createMlpTrainer(config, config.model as MlpModelConfig, inputs, root);
  const batches = root.stream("batches");
  const o = config.optimiser;
  const optimiser: Optimiser = createOptimiser(
    {
      name: o.name,
      lr: o.lr,
      momentum: o.momentum,
      rho: o.rho,
      beta1: o.beta1,
      beta2: o.beta2,
      eps: o.eps,
      weightDecay: o.weightDecay,
    },
    trainer.params,
  );
  const clipSpec = { kind: config.clip.kind, threshold: config.clip.threshold };
  const clip: ClipResult = { preNorm: 0, postNorm: 0 };
  const every = Math.max(1, Math.floor(inputs.recordEvery ?? 1));
  const losses = new Float64Array(config.steps);
  const metrics: StepRecord[] = [];
  let stepsDone = 0;
  let stop: StopReason | null = null;
  let explodesAbove = Number.POSITIVE_INFINITY;

  const takeStep = (): StepRecord | null => {
    const s = stepsDone + 1;
    const { loss, accuracy } = trainer.forwardBackward(batches);
    let diverged: string | null = null;
    let updated = false;
    if (s === 1 && Number.isFinite(loss)) explodesAbove = EXPLOSION_FACTOR * Math.max(1, loss);
    // Clipping also reports the global norm; it leaves non-finite gradients as they are.
    clipGradients(trainer.params, clipSpec, clip);
    if (!Number.isFinite(loss)) {
      diverged = `loss is ${loss}`;
    } else if (loss > explodesAbove) {
      diverged = `loss exploded to ${loss.toPrecision(3)} (above ${EXPLOSION_FACTOR} x max(1, first loss))`;
    } else if (!Number.isFinite(clip.preNorm)) {
      // Either a gradient entry is NaN/Infinity, or finite entries overflowed the sum of squares.
      diverged = findNonFinite(loss, trainer.params) ?? `gradient norm is ${clip.preNorm}`;
    } else {
      optimiser.step();
      updated = true;
      diverged = findNonFinite(loss, trainer.params);
    }
    // A diverging step that stopped before the update moved nothing.
    if (!updated) optimiser.updateNorms.fill(0);
    losses[stepsDone] = loss;
    stepsDone = s;
    if (diverged) stop = { kind: "diverged", step: s, reason: diverged };
    else if (s >= config.steps) stop = { kind: "completed", step: s };
    if (!(s === 1 || s % every === 0 || stop)) return null;
    const record: StepRecord = {
      step: s,
      loss,
      accuracy,
      gradNorm: clip.preNorm,
      clippedGradNorm: clip.postNorm,
      paramStats: paramRecords(trainer.params, optimiser.updateNorms),
      ...trainer.extras(optimiser),
    };
    metrics.push(record);
    return record;
  };

  return {
    config,
    get stepsDone() {
      return stepsDone;
    },
    metrics,
    get losses() {
      return losses.subarray(0, stepsDone);
    },
    get stop() {
      return stop;
    },
    get done() {
      return stop !== null;
    },
    params: trainer.params,
    data: trainer.data,
    outputs: trainer.outputs,
    predict: trainer.predict,
    step(n = 1) {
      const fresh: StepRecord[] = [];
      for (let i = 0; i < n && stop === null; i++) {
        const r = takeStep();
        if (r) fresh.push(r);
      }
      return fresh;
    },
    evaluate: () => trainer.evaluate(),
    snapshot(options = {}) {
      return {
        version: 1,
        config,
        stepsDone,
        stop,
        losses: Array.from(losses.subarray(0, stepsDone)),
        metrics: metrics.slice(),
        ...(options.params
          ? {
              params: trainer.params.map((p) => ({
                name: p.name,
                shape: [...p.shape],
                values: Array.from(p.value),
              })),
            }
          : {}),
      };
    },
  };
}
