/**
 * Per-layer numbers that need the activations, not just the parameters: the saturated-unit
 * fraction, the dead-ReLU fraction and the activation histogram of every hidden layer.
 *
 * createRun (src/lib/run.ts) exposes its parameters live but not its layer traces, so the
 * probe keeps a twin MLP built from the same config (same layer plan, same parameter order),
 * copies the run's current weights into it and pushes a fixed probe batch through it — the
 * run's own held-out inputs, rebuilt from the same seed ("data.test" stream), so the probe
 * sees exactly the points evaluate() sees. The twin's own initial draw is overwritten on
 * every call, so it never influences a number. Cost: one forward pass over the test set
 * (100 points for the default 400-point 2-D sets), small next to a few training steps.
 *
 * The forward pass runs in "train" mode so that batch norm normalises with the probe batch's
 * own statistics (the twin has no running averages); without batch norm both modes agree.
 */
import type { ExperimentConfig, MlpModelConfig } from "../../../lib/config";
import { makeTabularData } from "../../../lib/data/index";
import type { MnistSubset } from "../../../lib/data/mnist";
import { deadFraction, saturatedFraction } from "../../../lib/diagnostics";
import {
  ACTIVATION_BINS,
  addToHistogram,
  clearHistogram,
  createHistogram,
  type Histogram,
} from "../../../lib/histogram";
import { createMlp, type Mlp } from "../../../lib/mlp/mlp";
import type { Param } from "../../../lib/params";
import { createRng } from "../../../lib/rng";

export interface LayerActivityStats {
  readonly layer: number;
  /** Share of (example, unit) pairs whose slope is below 5% of the activation's maximum; null for the output layer. */
  readonly saturated: number | null;
  /** Share of units with slope exactly 0 on every probe example (dead ReLUs); null for the output layer. */
  readonly dead: number | null;
  /** Counts of the activation values in ACTIVATION_BINS[activation]; empty for the output layer. */
  readonly actHist: number[];
  /** Activation values outside the histogram's range (e.g. ReLU outputs above 4), or not finite. */
  readonly actOutside: number;
}

export interface LayerProbe {
  /** Copies `params` (the run's, in model order) into the twin and measures every layer. */
  measure(params: readonly Param[]): LayerActivityStats[];
}

/** Output width the run uses for a data set (mirrors run.ts: one logit for two classes under BCE/MSE). */
function outputWidth(config: ExperimentConfig, classes: number): number {
  return config.loss !== "softmaxCrossEntropy" && classes === 2 ? 1 : classes;
}

/** A probe for an MLP config; null for recurrent models (they have no hidden layers of units to probe). */
export function createLayerProbe(config: ExperimentConfig, mnist?: MnistSubset): LayerProbe | null {
  if (config.model.kind !== "mlp") return null;
  const m: MlpModelConfig = config.model;
  const { test } = makeTabularData(
    {
      dataset: config.data.dataset as Parameters<typeof makeTabularData>[0]["dataset"],
      n: config.data.n,
      noise: config.data.noise,
      standardise: config.data.standardise,
      mnist,
    },
    createRng(config.seed),
  );
  const twin: Mlp = createMlp(
    {
      inputs: test.inputDim,
      hidden: m.widths ?? new Array<number>(m.depth).fill(m.width),
      outputs: outputWidth(config, test.numClasses),
      activation: m.activation,
      norm: m.norm,
      residual: m.residual,
    },
    // Any stream will do: the twin's weights are overwritten before every use.
    createRng(0).stream("probe"),
  );
  const hists: (Histogram | null)[] = twin.layers.map((L) =>
    L.activation ? createHistogram(ACTIVATION_BINS[L.activation]) : null,
  );

  return {
    measure(params) {
      if (params.length !== twin.params.length) {
        throw new Error(
          `probe: the run has ${params.length} parameter tensors, the twin ${twin.params.length}`,
        );
      }
      for (let i = 0; i < params.length; i++) twin.params[i]!.value.set(params[i]!.value);
      twin.forward(test.inputs, test.n, "train");
      const traces = twin.trace();
      return twin.layers.map((L, l) => {
        const h = hists[l];
        if (!L.activation || !h)
          return { layer: L.layer, saturated: null, dead: null, actHist: [], actOutside: 0 };
        const t = traces[l]!;
        const n = test.n * L.nOut;
        clearHistogram(h);
        addToHistogram(h, t.act, n);
        return {
          layer: L.layer,
          saturated: saturatedFraction(L.activation, t.pre, n),
          dead: deadFraction(L.activation, t.pre, t.act, test.n, L.nOut),
          actHist: Array.from(h.counts),
          actOutside: h.under + h.over + h.nonFinite,
        };
      });
    },
  };
}
