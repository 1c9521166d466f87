/**
 * Experiment B of chapter 3: the "speed of learning" of each layer of a real MLP, on a 2-D set
 * or on the MNIST subset. The network trains in a Web Worker (useTrainingRun); the widget shows
 * each layer's gradient norm at the first step and now (layer profile), the same norms over
 * training (one line per layer), and the ratio of the first hidden layer's norm to the last
 * hidden layer's as a number. Choosing MNIST makes the worker fetch the 0.5 MB subset (once per
 * page visit); the widget says so while it loads, and says why if it cannot.
 *
 * The knobs, and if the reader asks the step count, live in the URL (<ShareState>, useStepLink;
 * registry url-state-widgets.ts).
 *
 * Data flow: knobs -> toExperimentConfig (core schema) -> worker (core) -> points -> charts and
 * readouts. Reset replays the same seed: same data, initial weights and batch order.
 */
import type { ComponentChildren } from "preact";
import { useCallback, useMemo, useState } from "preact/hooks";
import { layerSeriesChart } from "../../charts/training/layer-series-chart";
import { ChartMount, type ChartSize } from "../common/ChartMount";
import { ChoiceField } from "../common/ChoiceField";
import { PlaybackBar } from "../common/PlaybackBar";
import { RangeField } from "../common/RangeField";
import { Readout, ReadoutList } from "../common/Readout";
import { ShareState } from "../common/ShareState";
import { useHydrated } from "../common/useHydrated";
import { useReducedMotion } from "../common/useReducedMotion";
import { withErrorBoundary } from "../ErrorBoundary";
import { fmt } from "../neuron-stepper/format";
import type { TrainingPoint } from "../training/messages";
import { MNIST_ASSET_MB } from "../training/mnist-asset";
import { useStepLink } from "../training/useStepLink";
import { useTrainingRun } from "../training/useTrainingRun";
import {
  ACTIVATION_OPTIONS,
  DATASET_OPTIONS,
  DEPTH_RANGE,
  firstToLastHidden,
  INIT_OPTIONS,
  type LayerSpeedKnobs,
  parseLayerSpeedKnobs,
  type SpeedWidth,
  toExperimentConfig,
  WIDTH_OPTIONS,
} from "./config";
import { layerProfileChart } from "./profile-chart";
import "../common/widget.css";
import "./layer-speed.css";

export interface LayerSpeedProps {
  readonly initial?: Partial<LayerSpeedKnobs>;
  /** The build-time first point, so readouts show numbers before hydration and without JavaScript. */
  readonly staticFirst?: TrainingPoint;
  /** Build-time layer profile (default slot) and per-layer series (slot "series"). */
  readonly children?: ComponentChildren;
  readonly series?: ComponentChildren;
  /** Force the main-thread trainer (component tests). */
  readonly worker?: boolean;
}

/** The URL's knobs, validated field by field against the widget's defaults. */
const parseKnobs = (raw: unknown): LayerSpeedKnobs => parseLayerSpeedKnobs(raw);

/** A held-out accuracy as "84.8%"; a dash before the first point or after divergence. */
const percent = (x: number | null | undefined): string =>
  typeof x === "number" && Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "–";

function LayerSpeed(props: LayerSpeedProps) {
  const defaults = useMemo(() => parseLayerSpeedKnobs(props.initial ?? {}), [props.initial]);
  const [knobs, setKnobsRaw] = useState<LayerSpeedKnobs>(defaults);
  const setKnobs = useCallback(
    (patch: Partial<LayerSpeedKnobs>) =>
      setKnobsRaw((k) => parseLayerSpeedKnobs({ ...k, ...patch }, defaults)),
    [defaults],
  );
  const hydrated = useHydrated();
  const reducedMotion = useReducedMotion();
  const experiment = useMemo(() => toExperimentConfig(knobs), [knobs]);
  // One warm-up step: the live figure starts where the build-time one (step 1) is.
  const run = useTrainingRun(experiment, {
    refreshMs: reducedMotion ? 600 : 200,
    warmup: 1,
    ...(props.worker === undefined ? {} : { worker: props.worker }),
  });
  // A link may carry the step count: the opened knobs are retrained from the seed to that step.
  const stepLink = useStepLink([run]);
  const live = run.points.length > 0;
  const first = live ? run.points[0] : knobs === defaults ? props.staticFirst : undefined;
  const last = live ? run.points[run.points.length - 1] : first;
  const steps = experiment.steps;

  const drawProfile = useCallback(
    (doc: Document, size: ChartSize) => layerProfileChart({ first, last }, { width: size.width }, doc),
    [first, last],
  );
  const drawSeries = useCallback(
    (doc: Document, size: ChartSize, shown?: Element) =>
      layerSeriesChart(
        [{ name: "this run", points: run.points }],
        { metric: "gradNorm", steps, width: size.width },
        doc,
        shown,
      ),
    // run.version stands for the points, which grow in place.
    // deps: run.version
    [run.version, steps],
  );

  const stop = run.progress.stop;
  const loading = run.progress.phase === "loading-data" && !run.error;
  const message = run.error
    ? `Training stopped: ${run.error}`
    : stop?.kind === "diverged"
      ? `The run diverged at step ${stop.step} (${stop.reason}). Press Reset or change a knob.`
      : null;

  return (
    <div class="widget layer-speed" data-widget="layer-speed">
      <div class="controls">
        <ChoiceField
          legend="Data set"
          name="dataset"
          options={DATASET_OPTIONS}
          value={knobs.dataset}
          onChange={(dataset) => setKnobs({ dataset })}
          disabled={!hydrated}
        />
        <RangeField
          label="hidden layers"
          name="depth"
          {...DEPTH_RANGE}
          value={knobs.depth}
          onChange={(depth) => setKnobs({ depth })}
          disabled={!hydrated}
        />
        <ChoiceField
          legend="Units per layer"
          name="width"
          options={WIDTH_OPTIONS}
          value={String(knobs.width) as `${SpeedWidth}`}
          onChange={(w) => setKnobs({ width: Number(w) as SpeedWidth })}
          disabled={!hydrated}
        />
        <ChoiceField
          legend="Activation"
          name="activation"
          options={ACTIVATION_OPTIONS}
          value={knobs.activation}
          onChange={(activation) => setKnobs({ activation })}
          disabled={!hydrated}
        />
        <ChoiceField
          legend="Initialisation"
          name="init"
          options={INIT_OPTIONS}
          value={knobs.init}
          onChange={(init) => setKnobs({ init })}
          disabled={!hydrated}
        />
      </div>
      <div class="controls">
        <PlaybackBar
          playing={run.playing}
          onPlayPause={run.toggle}
          onStep={() => run.step(10)}
          stepLabel="10 steps"
          onReset={() => {
            if (knobs === defaults) run.reset();
            else setKnobsRaw(defaults);
          }}
          disabled={!hydrated}
        />
      </div>
      {loading ? (
        <p class="ls-loading" role="status" data-readout="loading">
          Loading the MNIST subset ({MNIST_ASSET_MB} MB)…
        </p>
      ) : null}
      {message ? (
        <p class="ls-message" role="status" data-readout="status">
          {message}
        </p>
      ) : null}
      <ReadoutList live={!run.playing} label="Speed of learning">
        <Readout
          name="steps"
          label="step"
          value={`${live ? run.progress.stepsDone : (last?.step ?? 0)} of ${steps}`}
        />
        <Readout name="loss" label="training loss" value={last ? fmt(last.loss) : "–"} />
        <Readout name="accuracy" label="held-out accuracy" value={percent(last?.testAccuracy)} />
        <Readout
          name="ratio-first"
          label="first ÷ last hidden layer, first step"
          value={first ? fmt(firstToLastHidden(first, knobs.depth)) : "–"}
        />
        <Readout
          name="ratio-now"
          label="… latest step"
          value={last ? fmt(firstToLastHidden(last, knobs.depth)) : "–"}
        />
      </ReadoutList>
      <ChartMount draw={drawProfile} queued name="layer-profile">
        {props.children}
      </ChartMount>
      <p class="widget-note">
        ‖∂L/∂W‖ of each layer's weights: grey at the first step, blue at the latest. A line that falls toward
        layer 1 is a network whose early layers learn slowly.
      </p>
      <ChartMount draw={drawSeries} queued name="layer-series">
        {props.series}
      </ChartMount>
      <p class="widget-note">The same norms over training, one line per layer (darker = nearer the input).</p>
      <ShareState
        widget="layer-speed"
        config={knobs}
        parse={parseKnobs}
        onOpen={setKnobsRaw}
        step={stepLink}
      />
    </div>
  );
}

export default withErrorBoundary("layer-speed", LayerSpeed);
