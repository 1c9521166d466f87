/**
 * <Clipping>: gradient clipping as the remedy for *exploding* gradients.
 *
 *  1. Two same-seed training runs of an exploding ReLU network (training/useTrainingRun, Web
 *     Workers): without clipping, and clipped by global norm or by value at threshold c. Charts:
 *     the global gradient norm per step (unclipped; clipped run before and after clipping) on a
 *     log scale, and both runs' loss. Readouts say how each run ended.
 *  2. A 2-D gradient g = (g1, g2), clipped both ways by the core's functions: the angle each
 *     clipped vector makes with g, as a number (norm clipping: 0; value clipping: usually not).
 *
 * Props: `initial` (ClippingConfig fields), children (build-time norm chart), slot `loss`
 * (build-time loss chart), `staticStatus` (build-time readout text for the initial config).
 * Reset restores the widget as it loaded and replays the same seed. The whole config, and if
 * the reader asks the step count, travels in a link (<ShareState>, useStepLink).
 */
import type { ComponentChildren } from "preact";
import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import { lossChart } from "../../charts/training/loss-chart";
import { ChartMount, type ChartSize } from "../common/ChartMount";
import { ChoiceField } from "../common/ChoiceField";
import { ChartExport } from "../common/export/ChartExport";
import { PlaybackBar } from "../common/PlaybackBar";
import { RangeField } from "../common/RangeField";
import { Readout, ReadoutList } from "../common/Readout";
import { ShareState } from "../common/ShareState";
import { useHydrated } from "../common/useHydrated";
import { useReducedMotion } from "../common/useReducedMotion";
import { withErrorBoundary } from "../ErrorBoundary";
import { fmt } from "../neuron-stepper/format";
import { useQueuedFlag } from "../training/useQueuedDraw";
import { useStepLink } from "../training/useStepLink";
import { useTrainingRun } from "../training/useTrainingRun";
import { ClipVectors, clipVectorRows } from "./ClipVectors";
import { clipDemoView } from "./clip-demo";
import {
  CLIPPING_KIND_LABELS,
  CLIPPING_KINDS,
  CLIPPING_RANGES,
  CLIPPING_STEPS,
  type ClippingConfig,
  clippingRunConfig,
  parseClippingConfig,
} from "./config";
import { clipNormChart } from "./norm-chart";
import { type RunStatus, runStatus } from "./status";
import "../common/widget.css";
import "./clipping.css";

export interface ClippingProps {
  readonly initial?: Partial<ClippingConfig>;
  readonly staticStatus?: { readonly plain: RunStatus; readonly clipped: RunStatus };
  readonly stepSize?: number;
  readonly worker?: boolean;
  readonly children?: ComponentChildren;
  readonly loss?: ComponentChildren;
}

const KIND_OPTIONS = CLIPPING_KINDS.map((value) => ({ value, label: CLIPPING_KIND_LABELS[value] }));

function Clipping(props: ClippingProps) {
  const defaults = useMemo(() => parseClippingConfig(props.initial ?? {}), [props.initial]);
  const [config, setConfigRaw] = useState<ClippingConfig>(defaults);
  const [started, setStarted] = useState(false);
  const hydrated = useHydrated();
  const reducedMotion = useReducedMotion();
  const stepSize = props.stepSize ?? 25;
  const setConfig = (patch: Partial<ClippingConfig>, restartsRuns: boolean) => {
    setConfigRaw((c) => parseClippingConfig({ ...c, ...patch }));
    if (restartsRuns) setStarted(true);
  };

  const plainConfig = useMemo(() => clippingRunConfig("none", config.c), [config.c]);
  const clippedConfig = useMemo(() => clippingRunConfig(config.kind, config.c), [config.kind, config.c]);
  const options = {
    refreshMs: reducedMotion ? 600 : 200,
    ...(props.worker === false ? { worker: false } : {}),
  };
  const plain = useTrainingRun(plainConfig, options);
  const clipped = useTrainingRun(clippedConfig, options);
  const playing = plain.playing || clipped.playing;
  const stepLink = useStepLink([plain, clipped], () => setStarted(true));

  const toggle = () => {
    setStarted(true);
    for (const r of [plain, clipped]) {
      if (playing) r.pause();
      else r.play();
    }
  };
  const step = () => {
    setStarted(true);
    plain.step(stepSize);
    clipped.step(stepSize);
  };
  const reset = () => {
    plain.reset();
    clipped.reset();
    setConfigRaw(defaults);
    setStarted(false);
  };

  const clippedName = `clipped ${CLIPPING_KIND_LABELS[config.kind]} at c = ${config.c}`;
  const runs = useMemo(
    () => [
      { name: "not clipped", points: plain.points },
      { name: clippedName, points: clipped.points },
    ],
    [plain.points, clipped.points, plain.version, clipped.version, clippedName],
  );
  const threshold = config.kind === "norm" ? config.c : null;
  const drawNorms = useCallback(
    (doc: Document, s: ChartSize, shown?: Element) =>
      clipNormChart(runs, { width: s.width, steps: CLIPPING_STEPS, threshold }, doc, shown),
    [runs, threshold],
  );
  const drawLoss = useCallback(
    (doc: Document, s: ChartSize, shown?: Element) =>
      lossChart(runs, { width: s.width, steps: CLIPPING_STEPS }, doc, shown),
    [runs],
  );

  const runConfigChanged = config.kind !== defaults.kind || config.c !== defaults.c;
  const useStatic = !started && !runConfigChanged && props.staticStatus !== undefined;
  // Play swaps the static figures for live charts: each chart's first draw in its own task.
  const liveNorms = useQueuedFlag(!useStatic);
  const liveLoss = useQueuedFlag(!useStatic);
  const status =
    useStatic && props.staticStatus
      ? props.staticStatus
      : {
          plain: runStatus(plain.points, plain.progress.stop, "none"),
          clipped: runStatus(clipped.points, clipped.progress.stop, config.kind),
        };
  const error = plain.error ?? clipped.error;
  const vectors = useRef<HTMLDivElement>(null);
  const demo = useMemo(
    () => clipDemoView({ x: config.g1, y: config.g2 }, config.c),
    [config.g1, config.g2, config.c],
  );

  return (
    <div class="widget clipping" data-widget="clipping" data-kind={config.kind}>
      <div class="controls">
        <ChoiceField
          legend="Clip the second run"
          name="kind"
          options={KIND_OPTIONS}
          value={config.kind}
          onChange={(kind) => setConfig({ kind }, true)}
          disabled={!hydrated}
        />
        <RangeField
          label="threshold c"
          name="c"
          {...CLIPPING_RANGES.c}
          value={config.c}
          onChange={(c) => setConfig({ c }, true)}
          disabled={!hydrated}
        />
      </div>
      <PlaybackBar
        playing={playing}
        onPlayPause={toggle}
        onStep={step}
        stepLabel={`${stepSize} steps`}
        onReset={reset}
        disabled={!hydrated}
      />
      {error ? (
        <p class="widget-note" role="alert">
          Training stopped with an error: {error}
        </p>
      ) : null}
      <ReadoutList label="How the runs ended" live>
        <Readout name="plain" label="not clipped" value={status.plain.text} />
        <Readout name="clipped" label={clippedName} value={status.clipped.text} />
        <Readout
          name="largest-norm"
          label="largest ‖g‖ before clipping (clipped run)"
          value={status.clipped.largest}
        />
        <Readout
          name="share-clipped"
          label="steps where clipping changed g"
          value={status.clipped.shareClipped}
        />
      </ReadoutList>
      <figure class="cl-chart">
        <figcaption>
          Global gradient norm per step (log scale): <span class="cl-key cl-key--1">not clipped</span>,{" "}
          <span class="cl-key cl-key--2">clipped run before clipping</span>,{" "}
          <span class="cl-key cl-key--3">after clipping</span>
          {threshold !== null ? "; dashed: c" : ""}
        </figcaption>
        {liveNorms ? (
          <ChartMount name="clip-norms" draw={drawNorms} queued />
        ) : (
          <div class="chart-static">{props.children}</div>
        )}
      </figure>
      <figure class="cl-chart">
        <figcaption>
          Loss (log scale): first colour not clipped, second clipped; training solid, held-out dotted
        </figcaption>
        {liveLoss ? (
          <ChartMount name="clip-loss" draw={drawLoss} queued />
        ) : (
          <div class="chart-static">{props.loss}</div>
        )}
      </figure>

      <h4 class="cl-subhead">Direction: one gradient in two dimensions</h4>
      <div class="cl-demo">
        {/* Not a Plot chart, so not in a ChartMount: the export menu is added here. */}
        <div data-chart="clip-vectors" ref={vectors}>
          <ClipVectors
            view={demo}
            c={config.c}
            extent={1.2 * Math.max(Math.abs(config.g1), Math.abs(config.g2), config.c)}
          />
          {hydrated ? (
            <ChartExport
              chart={() => vectors.current?.querySelector("svg") ?? null}
              rows={() => clipVectorRows(demo, config.c)}
              name="clip-vectors"
            />
          ) : null}
        </div>
        <div>
          <div class="controls">
            <RangeField
              label="g₁"
              name="g1"
              {...CLIPPING_RANGES.g1}
              value={config.g1}
              onChange={(g1) => setConfig({ g1 }, false)}
              disabled={!hydrated}
            />
            <RangeField
              label="g₂"
              name="g2"
              {...CLIPPING_RANGES.g2}
              value={config.g2}
              onChange={(g2) => setConfig({ g2 }, false)}
              disabled={!hydrated}
            />
          </div>
          <ReadoutList label="Clipping one vector" live>
            <Readout name="g-norm" label="‖g‖" value={fmt(demo.norm)} />
            <Readout
              name="value-clipped"
              label="by value"
              value={`(${fmt(demo.byValue.x)}, ${fmt(demo.byValue.y)}), norm ${fmt(demo.valueNorm)}`}
            />
            <Readout
              name="value-angle"
              label="angle to g, by value"
              value={`${demo.valueAngle.toFixed(1)}°`}
            />
            <Readout
              name="norm-clipped"
              label="by norm"
              value={`(${fmt(demo.byNorm.x)}, ${fmt(demo.byNorm.y)}), norm ${fmt(demo.normNorm)}`}
            />
            <Readout name="norm-angle" label="angle to g, by norm" value={`${demo.normAngle.toFixed(1)}°`} />
          </ReadoutList>
          <p class="widget-note">
            Blue: g. Orange: clipped by value (into the dashed square). Green: clipped by norm (onto the
            dashed circle when ‖g‖ &gt; c).
          </p>
        </div>
      </div>
      <ShareState
        widget="clipping"
        config={config}
        parse={parseClippingConfig}
        onOpen={setConfigRaw}
        step={stepLink}
      />
    </div>
  );
}

export default withErrorBoundary("clipping", Clipping);
