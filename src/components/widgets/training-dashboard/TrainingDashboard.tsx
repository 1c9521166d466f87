/**
 * The training dashboard (chapter 4): a real MLP trained in a Web Worker, with every symptom of
 * a vanishing (or exploding) gradient on screen — loss, per-layer gradient norms and update
 * ratios over time, per-layer gradient and activation histograms at a step the reader scrubs
 * to, saturated and dead shares per layer — plus findings written out as sentences.
 *
 * Data flow: knobs -> toExperimentConfig (core schema) -> useTrainingRun (worker) -> points ->
 * charts, readouts and findings. Reset replays the same seed: identical data, initial weights
 * and batch order, so the same points come back.
 *
 * `warmup` steps are trained as soon as the island starts (and again after reset), so the live
 * charts pick up where the build-time static figure — the same steps, computed by the core at
 * build time — left off.
 */
import type { ComponentChildren } from "preact";
import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import { histogramChart } from "../../charts/training/histogram-chart";
import { layerShareChart } from "../../charts/training/layer-share-chart";
import { pointAt } from "../../charts/training/series";
import { ChartMount, type ChartSize } from "../common/ChartMount";
import { ChoiceField } from "../common/ChoiceField";
import { PlaybackBar } from "../common/PlaybackBar";
import { RangeField } from "../common/RangeField";
import { Readout, ReadoutList } from "../common/Readout";
import { ShareState } from "../common/ShareState";
import { useHydrated } from "../common/useHydrated";
import { useReducedMotion } from "../common/useReducedMotion";
import { withErrorBoundary } from "../ErrorBoundary";
import { LayerTable } from "../training/LayerTable";
import { useRunCharts } from "../training/useRunCharts";
import { useStepLink } from "../training/useStepLink";
import { useTrainingRun } from "../training/useTrainingRun";
import {
  ACTIVATION_OPTIONS,
  type DashboardConfig,
  type DashboardKnobs,
  INIT_OPTIONS,
  PRESET_OPTIONS,
  PRESETS,
  type PresetName,
  parseDashboardConfig,
  RANGES,
  toExperimentConfig,
} from "./config";
import { type RunSummary, summarise } from "./summary";
import "../common/widget.css";
import "./training-dashboard.css";

export interface TrainingDashboardProps {
  readonly initial?: Partial<DashboardConfig>;
  /** Steps trained at start and after reset (the static figure shows the same steps). */
  readonly warmup?: number;
  /** Build-time text for the warm-up run, shown until the live run reports. */
  readonly staticSummary?: RunSummary;
  /** Hide the knobs and the preset's name (the "diagnose this run" exercise). */
  readonly mystery?: boolean;
  /** Build-time static charts (Astro slots): loss (default), grads, ratios, gradHist, actHist, shares. */
  readonly children?: ComponentChildren;
  readonly grads?: ComponentChildren;
  readonly ratios?: ComponentChildren;
  readonly gradHist?: ComponentChildren;
  readonly actHist?: ComponentChildren;
  readonly shares?: ComponentChildren;
}

function TrainingDashboard(props: TrainingDashboardProps) {
  const defaults = useMemo(() => parseDashboardConfig(props.initial ?? {}), [props.initial]);
  const [config, setConfigRaw] = useState<DashboardConfig>(defaults);
  const experiment = useMemo(() => toExperimentConfig(config.knobs), [config.knobs]);
  const reducedMotion = useReducedMotion();
  const hydrated = useHydrated();
  const warmup = props.warmup ?? 0;
  const run = useTrainingRun(experiment, { refreshMs: reducedMotion ? 600 : 200, warmup });
  /** The step the histograms show; null follows the latest point. */
  const [scrub, setScrub] = useState<number | null>(null);
  /** Once the reader changes or resets the run, the build-time summary no longer describes it. */
  const [touched, setTouched] = useState(false);
  const stepLink = useStepLink([run], () => setTouched(true));

  const setKnobs = useCallback((patch: Partial<DashboardKnobs>) => {
    setConfigRaw((c) => parseDashboardConfig({ preset: "custom", knobs: { ...c.knobs, ...patch } }));
    setScrub(null);
  }, []);
  const setPreset = useCallback((p: PresetName) => {
    setConfigRaw(parseDashboardConfig({ preset: p, knobs: PRESETS[p].knobs }));
    setScrub(null);
    setTouched(true);
  }, []);
  const reset = useCallback(() => {
    setScrub(null);
    setTouched(true);
    run.reset();
  }, [run]);

  const points = run.points;
  const lastStep = points[points.length - 1]?.step ?? 0;
  const shownStep = scrub === null ? lastStep : Math.min(scrub, lastStep);
  const shown = pointAt(points, shownStep);
  const live = touched || points.length > 0;
  const summary: RunSummary | undefined = live
    ? summarise(points, run.progress, run.findings, run.playing)
    : props.staticSummary;
  const name = props.mystery
    ? "this run"
    : config.preset === "custom"
      ? "your run"
      : PRESETS[config.preset].label;
  const runs = useMemo(() => [{ name, points }], [name, points, run.version]);
  const steps = experiment.steps;

  // Charts are redrawn when the run reports (version) or the scrubbed step changes.
  const { drawLoss, drawGrads, drawRatios } = useRunCharts(runs, steps, scrub ?? undefined);
  // While a run plays, the per-step charts hold still (they are the costliest to draw); they
  // catch up when it pauses or ends, and follow the reader's scrubbing at any time.
  const stepPoint = useRef(shown);
  if (!run.playing || scrub !== null) stepPoint.current = shown;
  const chartPoint = stepPoint.current;
  const histRuns = useMemo(() => [{ name, point: chartPoint }], [name, chartPoint]);
  const drawGradHist = useCallback(
    (doc: Document, s: ChartSize) =>
      histogramChart(
        histRuns,
        { kind: "gradient", activation: config.knobs.activation, width: s.width },
        doc,
      ),
    [histRuns, config.knobs.activation],
  );
  const drawActHist = useCallback(
    (doc: Document, s: ChartSize) =>
      histogramChart(
        histRuns,
        { kind: "activation", activation: config.knobs.activation, width: s.width },
        doc,
      ),
    [histRuns, config.knobs.activation],
  );
  const drawShares = useCallback(
    (doc: Document, s: ChartSize) => layerShareChart(shown, { width: s.width }, doc),
    [shown],
  );

  const disabled = !hydrated;
  const k = config.knobs;
  return (
    <div class="widget training-dashboard" data-widget="training-dashboard" data-mode={run.mode}>
      {props.mystery ? null : (
        <div class="controls">
          <ChoiceField
            legend="Preset"
            name="preset"
            options={PRESET_OPTIONS}
            value={config.preset === "custom" ? ("" as PresetName) : config.preset}
            onChange={setPreset}
            disabled={disabled}
          />
          <details class="td-knobs" open={config.preset === "custom"}>
            <summary>Knobs</summary>
            <div class="td-knob-grid">
              <RangeField
                label="Hidden layers"
                name="depth"
                {...RANGES.depth}
                value={k.depth}
                onChange={(v) => setKnobs({ depth: v })}
                disabled={disabled}
              />
              <ChoiceField
                legend="Activation"
                name="activation"
                options={ACTIVATION_OPTIONS}
                value={k.activation}
                onChange={(v) => setKnobs({ activation: v })}
                disabled={disabled}
              />
              <ChoiceField
                legend="Initialisation"
                name="init"
                options={INIT_OPTIONS}
                value={k.init}
                onChange={(v) => setKnobs({ init: v })}
                disabled={disabled}
              />
              <RangeField
                label="Init scale"
                name="initScale"
                hint="× every weight"
                {...RANGES.initScale}
                value={k.initScale}
                onChange={(v) => setKnobs({ initScale: v })}
                disabled={disabled}
              />
              <RangeField
                label="Learning rate η"
                name="lr"
                {...RANGES.lr}
                value={k.lr}
                onChange={(v) => setKnobs({ lr: v })}
                disabled={disabled}
              />
              <RangeField
                label="Seed"
                name="seed"
                {...RANGES.seed}
                value={k.seed}
                onChange={(v) => setKnobs({ seed: v })}
                disabled={disabled}
              />
            </div>
          </details>
        </div>
      )}
      <PlaybackBar
        playing={run.playing}
        onPlayPause={run.toggle}
        onStep={() => run.step(10)}
        stepLabel="10 steps"
        onReset={reset}
        disabled={disabled}
      />
      <ReadoutList label="Run status">
        <Readout
          name="step"
          label="step"
          value={summary ? `${summary.stepsDone} of ${summary.steps}` : "–"}
        />
        <Readout name="status" label="status" value={summary?.status ?? "–"} />
        <Readout name="train-loss" label="training loss" value={summary?.trainLoss ?? "–"} />
        <Readout name="test-loss" label="held-out loss" value={summary?.testLoss ?? "–"} />
        <Readout name="accuracy" label="batch accuracy" value={summary?.accuracy ?? "–"} />
      </ReadoutList>
      {run.error ? (
        <p class="widget-note td-error" role="alert">
          Training stopped with an error: {run.error}
        </p>
      ) : null}
      {props.mystery ? (
        <p class="widget-note">
          The automatic findings are hidden here: read the charts and diagnose the run yourself.
        </p>
      ) : (
        <section class="td-findings" aria-live="polite" aria-label="Findings">
          <p class="td-heading">Findings</p>
          {summary && summary.findings.length > 0 ? (
            <ul>
              {summary.findings.map((f) => (
                <li key={f.kind} data-finding={f.kind}>
                  <strong>{f.label}.</strong> {f.text}
                </li>
              ))}
            </ul>
          ) : (
            <p data-finding="none">
              {summary && summary.stepsDone > 0
                ? "No warning signs so far."
                : "Press Play to train; findings appear as the run goes."}
            </p>
          )}
        </section>
      )}
      <div class="td-charts">
        <figure class="td-chart">
          <figcaption>Loss: training (solid) and held-out (dotted)</figcaption>
          <ChartMount name="loss" draw={drawLoss} queued>
            {props.children}
          </ChartMount>
        </figure>
        <figure class="td-chart">
          <figcaption>Gradient norm per layer, log scale (blue: input side, orange: output side)</figcaption>
          <ChartMount name="grads" draw={drawGrads} queued>
            {props.grads}
          </ChartMount>
        </figure>
        <figure class="td-chart">
          <figcaption>Update ratio ‖ΔW‖/‖W‖ per layer, log scale</figcaption>
          <ChartMount name="ratios" draw={drawRatios} queued>
            {props.ratios}
          </ChartMount>
        </figure>
      </div>
      <div class="td-scrub">
        <RangeField
          label="Inspect step"
          name="scrub"
          hint={scrub === null ? "(following the latest step)" : undefined}
          min={0}
          max={Math.max(1, lastStep)}
          step={1}
          value={shownStep}
          onChange={(v) => setScrub(v >= lastStep && run.playing ? null : v)}
          disabled={disabled || points.length === 0}
        />
      </div>
      <div class="td-charts td-charts--step">
        <figure class="td-chart">
          <figcaption>Histogram of |∂L/∂W| per layer at step {chartPoint?.step ?? 0}</figcaption>
          <ChartMount name="grad-hist" draw={drawGradHist} queued>
            {props.gradHist}
          </ChartMount>
        </figure>
        <figure class="td-chart">
          <figcaption>Histogram of activations per hidden layer at step {chartPoint?.step ?? 0}</figcaption>
          <ChartMount name="act-hist" draw={drawActHist} queued>
            {props.actHist}
          </ChartMount>
        </figure>
        <figure class="td-chart">
          <figcaption>
            Saturated units (first bar) and dead units (second bar) per hidden layer at step{" "}
            {chartPoint?.step ?? 0}
          </figcaption>
          <ChartMount name="shares" draw={drawShares} queued>
            {props.shares}
          </ChartMount>
        </figure>
      </div>
      {shown ? <LayerTable point={shown} /> : null}
      <ShareState
        widget="training-dashboard"
        config={config}
        parse={parseDashboardConfig}
        onOpen={(c) => {
          setConfigRaw(c);
          setTouched(true);
        }}
        step={stepLink}
      />
    </div>
  );
}

export default withErrorBoundary("training-dashboard", TrainingDashboard);
