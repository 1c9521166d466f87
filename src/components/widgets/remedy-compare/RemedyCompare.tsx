/**
 * <RemedyCompare>: a same-seed comparison of two training runs that differ in one remedy.
 *
 * Props:
 *   pairs        the validated configs of every comparison it may show, by name (the Astro
 *                wrapper builds them with pairs.ts at build time, so the schema is not shipped)
 *   initial      { comparison: ComparisonName, depth?: number } — which pair to show first
 *                (validated by parseRemedyCompareConfig; unknown names fall back to the
 *                default; depth only for a comparison with a depth knob, e.g. "residual")
 *   choices      comparison names to offer as a picker (omit for a fixed comparison)
 *   staticRows   build-time table text for the initial comparison, { baseline, remedy }: shown
 *                until the reader trains (RemedyCompare.astro fills it)
 *   children     build-time loss chart; slot `grads`: build-time gradient-norm chart
 *
 * Both runs train in their own Web Worker (useTrainingRun). Play, step and reset drive both at
 * once; Reset restores the widget as it loaded (the build-time figure, which is the full run
 * of the same seed). Until the reader presses Play or Step the static figure stays; then the
 * live charts take over and grow as the runs train.
 *
 * A comparison with a `depthRange` (the residual one) shows a depth slider: both runs take the
 * chosen depth (withDepth), so they still differ only in the remedy; the build-time figure is
 * for the default depth, so another depth shows the live runs.
 *
 * Charts: loss of both runs (colour per run; training solid, held-out dotted), and the
 * per-layer gradient norms on a log axis (colour per layer, baseline solid, remedy dashed).
 * The table holds the numbers of summary.ts for both runs.
 */
import type { ComponentChildren } from "preact";
import { useCallback, useMemo, useState } from "preact/hooks";
import { ChartMount } from "../common/ChartMount";
import { ChoiceField } from "../common/ChoiceField";
import { PlaybackBar } from "../common/PlaybackBar";
import { RangeField } from "../common/RangeField";
import { Readout, ReadoutList } from "../common/Readout";
import { ShareState } from "../common/ShareState";
import { useHydrated } from "../common/useHydrated";
import { useReducedMotion } from "../common/useReducedMotion";
import { withErrorBoundary } from "../ErrorBoundary";
import { useQueuedFlag } from "../training/useQueuedDraw";
import { type RunChartDomains, useRunCharts } from "../training/useRunCharts";
import { useStepLink } from "../training/useStepLink";
import { useTrainingRun } from "../training/useTrainingRun";
import {
  COMPARISONS,
  type ComparisonName,
  type ComparisonPair,
  depthRangeOf,
  parseRemedyCompareConfig,
  type RemedyCompareConfig,
  withDepth,
} from "./comparisons";
import { formatRow, type RunRow, runNumbers } from "./summary";
import "../common/widget.css";
import "./remedy-compare.css";

export interface RemedyCompareProps {
  readonly pairs: Partial<Record<ComparisonName, ComparisonPair>>;
  readonly initial?: Partial<RemedyCompareConfig>;
  readonly choices?: readonly ComparisonName[];
  readonly staticRows?: { readonly baseline: RunRow; readonly remedy: RunRow };
  /**
   * The y domains of the build-time runs (the initial comparison at its depth): the live charts
   * of those same runs keep the figure's axes from the first step instead of rescaling as the
   * runs replay (each rescale is a full chart rebuild).
   */
  readonly staticDomains?: RunChartDomains;
  /** Steps per press of the step button (default 50). */
  readonly stepSize?: number;
  /** Force the main-thread trainer (tests). */
  readonly worker?: boolean;
  readonly children?: ComponentChildren;
  readonly grads?: ComponentChildren;
}

/** Summary columns: the key in the summary, and the header (the last hidden layer is H). */
const COLUMNS = [
  ["finalLoss", "held-out loss"],
  ["testAccuracy", "held-out accuracy"],
  [
    "gradRatio",
    <>
      ‖∂L/∂W<sup>1</sup>‖ / ‖∂L/∂W<sup>H</sup>‖
    </>,
  ],
  ["stepsToTarget", "steps to loss target"],
  ["maxDead", "most dead units in a layer"],
] as const;

function RemedyCompare(props: RemedyCompareProps) {
  const defaults = useMemo(() => parseRemedyCompareConfig(props.initial ?? {}), [props.initial]);
  const [config, setConfig] = useState<RemedyCompareConfig>(defaults);
  /** False while the build-time figure is shown (at load and after reset). */
  const [started, setStarted] = useState(false);
  const hydrated = useHydrated();
  const reducedMotion = useReducedMotion();
  const pair = props.pairs[config.comparison] ?? props.pairs[defaults.comparison];
  if (!pair) throw new Error(`no configs for comparison "${config.comparison}"`);
  const options = {
    refreshMs: reducedMotion ? 600 : 200,
    ...(props.worker === false ? { worker: false } : {}),
  };
  // Memoised: a new object would restart the runs (useTrainingRun compares configs by identity).
  const baselineConfig = useMemo(() => withDepth(pair.baseline.config, config.depth), [pair, config.depth]);
  const remedyConfig = useMemo(() => withDepth(pair.remedy.config, config.depth), [pair, config.depth]);
  const a = useTrainingRun(baselineConfig, options);
  const b = useTrainingRun(remedyConfig, options);
  const stepSize = props.stepSize ?? 50;
  const stepLink = useStepLink([a, b], () => setStarted(true));
  /** Links may name only the comparisons this figure offers (others fall back to its default). */
  // (Plain functions: ShareState uses both once, when it reads the link.)
  const parseShared = (raw: unknown): RemedyCompareConfig => {
    const c = parseRemedyCompareConfig(raw);
    return props.pairs[c.comparison] ? c : defaults;
  };
  /** Another comparison or depth than the build-time figure's is shown live (its runs, untrained). */
  const openConfig = (c: RemedyCompareConfig) => {
    setConfig(c);
    if (c.comparison !== defaults.comparison || c.depth !== defaults.depth) setStarted(true);
  };

  const playing = a.playing || b.playing;
  const toggle = useCallback(() => {
    setStarted(true);
    if (playing) {
      a.pause();
      b.pause();
    } else {
      a.play();
      b.play();
    }
  }, [a, b, playing]);
  const step = useCallback(() => {
    setStarted(true);
    a.step(stepSize);
    b.step(stepSize);
  }, [a, b, stepSize]);
  const reset = useCallback(() => {
    a.reset();
    b.reset();
    setConfig(defaults);
    setStarted(false);
  }, [a, b, defaults]);
  const choose = useCallback((name: ComparisonName) => {
    setConfig(parseRemedyCompareConfig({ comparison: name }));
    setStarted(true);
  }, []);
  const chooseDepth = useCallback((depth: number) => {
    setConfig((c) => parseRemedyCompareConfig({ ...c, depth }));
    setStarted(true);
  }, []);

  const runs = useMemo(
    () => [
      { name: pair.baseline.name, points: a.points },
      { name: pair.remedy.name, points: b.points },
    ],
    [pair, a.points, b.points, a.version, b.version],
  );
  const steps = pair.baseline.config.steps;
  const builtConfig = config.comparison === defaults.comparison && config.depth === defaults.depth;
  const { drawLoss, drawGrads } = useRunCharts(
    runs,
    steps,
    undefined,
    builtConfig ? props.staticDomains : undefined,
  );
  // Play swaps the static figures for live charts: each chart's first draw in its own task.
  const liveLoss = useQueuedFlag(started);
  const liveGrads = useQueuedFlag(started);

  const useStatic = !started && props.staticRows !== undefined && builtConfig;
  const rows = useMemo(
    () =>
      useStatic && props.staticRows
        ? props.staticRows
        : {
            baseline: formatRow(runNumbers(a.points, pair.lossTarget)),
            remedy: formatRow(runNumbers(b.points, pair.lossTarget)),
          },
    [useStatic, props.staticRows, a.points, b.points, a.version, b.version, pair.lossTarget],
  );
  const stepsShown = useStatic ? steps : Math.min(a.progress.stepsDone, b.progress.stepsDone);
  const error = a.error ?? b.error;
  const disabled = !hydrated;
  const entry = COMPARISONS[config.comparison];
  const depthRange = depthRangeOf(config.comparison);
  const picker = props.choices && props.choices.length > 1 ? props.choices : null;

  return (
    <div
      class="widget remedy-compare"
      data-widget="remedy-compare"
      data-comparison={config.comparison}
      data-depth={config.depth}
      data-mode={a.mode}
    >
      {picker || (depthRange && config.depth !== undefined) ? (
        <div class="controls">
          {picker ? (
            <ChoiceField
              legend="Remedy"
              name="comparison"
              options={picker.map((c) => ({ value: c, label: COMPARISONS[c].label }))}
              value={config.comparison}
              onChange={choose}
              disabled={disabled}
            />
          ) : null}
          {depthRange && config.depth !== undefined ? (
            <RangeField
              label="depth (hidden layers, both networks)"
              name="depth"
              {...depthRange}
              value={config.depth}
              onChange={chooseDepth}
              disabled={disabled}
            />
          ) : null}
        </div>
      ) : null}
      <PlaybackBar
        playing={playing}
        onPlayPause={toggle}
        onStep={step}
        stepLabel={`${stepSize} steps`}
        onReset={reset}
        disabled={disabled}
      />
      <ReadoutList label="Comparison status" live>
        <Readout name="step" label="step" value={`${stepsShown} of ${steps}`} />
        <Readout
          name="same-seed"
          label="shared"
          value={`seed ${pair.baseline.config.seed}: data, batches, initial weights`}
        />
      </ReadoutList>
      {error ? (
        <p class="widget-note rc-error" role="alert">
          Training stopped with an error: {error}
        </p>
      ) : null}
      <div class="rc-charts">
        <figure class="rc-chart">
          <figcaption>
            Loss (log scale): <span class="rc-key rc-key--1">{pair.baseline.name}</span> and{" "}
            <span class="rc-key rc-key--2">{pair.remedy.name}</span>; training solid, held-out dotted
          </figcaption>
          {liveLoss ? (
            <ChartMount name="loss" draw={drawLoss} queued />
          ) : (
            <div class="chart-static">{props.children}</div>
          )}
        </figure>
        <figure class="rc-chart">
          <figcaption>
            Gradient norm per layer, log scale (blue: input side, orange: output side); {pair.baseline.name}{" "}
            solid, {pair.remedy.name} dashed
          </figcaption>
          {liveGrads ? (
            <ChartMount name="grads" draw={drawGrads} queued />
          ) : (
            <div class="chart-static">{props.grads}</div>
          )}
        </figure>
      </div>
      <div class="table-scroll" data-scroll-region>
        <table class="numbers" data-table="comparison">
          <caption>
            {entry.label}
            {config.depth !== undefined ? `, ${config.depth} hidden layers,` : ""} after {stepsShown} steps
            (loss target {pair.lossTarget})
          </caption>
          <thead>
            <tr>
              <th scope="col">run</th>
              {COLUMNS.map(([k, label]) => (
                <th scope="col" key={k}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(["baseline", "remedy"] as const).map((side) => (
              <tr key={side} data-run={side}>
                <th scope="row">{pair[side].name}</th>
                {COLUMNS.map(([k]) => (
                  <td key={k} data-cell={k}>
                    {rows[side][k]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShareState
        widget="remedy-compare"
        config={config}
        parse={parseShared}
        onOpen={openConfig}
        step={stepLink}
      />
    </div>
  );
}

export default withErrorBoundary("remedy-compare", RemedyCompare);
