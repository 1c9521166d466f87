/**
 * The playground: every knob of the core at once, driving one ExperimentConfig through the
 * training worker, with the dashboard's charts, the findings as sentences, a decision boundary
 * for the 2-D sets, presets, URL state, "export config", and instructor parameters that lock
 * or hide controls (instructor.ts).
 *
 * Data flow: knobs (state.ts) -> toExperimentConfig -> checked by the core's schema (validate.ts,
 * loaded lazily; messages go beside their knobs) -> the last valid config -> useTrainingRun
 * (worker) -> points, findings, decision grid -> charts and readouts. A config that fails the
 * check never reaches the worker: the last valid run stays on screen, marked as such.
 *
 * `warmup` steps are trained at start and after every change (and reset), so every knob shows
 * its effect at once, and the build-time figure (Playground.astro) matches the first live one.
 */
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ExperimentConfig } from "../../../lib/config";
import { fmtNum } from "../../../lib/metric-format";
import { ChartMount, type ChartSize } from "../common/ChartMount";
import { PlaybackBar } from "../common/PlaybackBar";
import { Readout, ReadoutList } from "../common/Readout";
import { ShareState, type StepShare } from "../common/ShareState";
import { useHydrated } from "../common/useHydrated";
import { useReducedMotion } from "../common/useReducedMotion";
import { withErrorBoundary } from "../ErrorBoundary";
import type { DecisionGrid } from "../training/decision-grid";
import { LayerTable } from "../training/LayerTable";
import { useRunCharts } from "../training/useRunCharts";
import { useTrainingRun } from "../training/useTrainingRun";
import { type RunSummary, summarise } from "../training-dashboard/summary";
import { ExerciseLink } from "./ExerciseLink";
import { configJson, downloadText, EXPORT_FILE_NAME } from "./export-config";
import {
  type ControlName,
  describeIgnored,
  type InstructorSettings,
  NO_INSTRUCTOR_SETTINGS,
  parseInstructorParams,
} from "./instructor";
import { KnobField } from "./KnobField";
import {
  KNOB_GROUPS,
  KNOB_NAMES,
  KNOBS,
  type KnobGroup,
  type KnobName,
  knobApplies,
  lossFor,
  type PlaygroundKnobs,
  toExperimentConfig,
} from "./knobs";
import { PG_PRESET_NAMES, PG_PRESETS, type PgPresetName } from "./presets";
import { type PlaygroundState, parsePlaygroundState } from "./state";
import type { KnobCheck } from "./validate";

type BoundaryChartFn = typeof import("../../charts/training/boundary-chart").boundaryChart;

import "../common/widget.css";
import "./playground.css";

export interface PlaygroundProps {
  readonly initial?: Partial<PlaygroundState>;
  /** Steps trained at start and after every change or reset (the static figure shows the same). */
  readonly warmup?: number;
  /** Build-time text for the warm-up run, shown until the live run reports. */
  readonly staticSummary?: RunSummary;
  /** Build-time static charts (Astro slots): loss (default), grads, ratios, boundary. */
  readonly children?: ComponentChildren;
  readonly grads?: ComponentChildren;
  readonly ratios?: ComponentChildren;
  readonly boundary?: ComponentChildren;
}

/** The decision grid is refreshed at most this often while a run plays. */
const GRID_REFRESH_MS = 400;

function Playground(props: PlaygroundProps) {
  const initial = useMemo(() => parsePlaygroundState(props.initial ?? {}), [props.initial]);
  const [state, setState] = useState<PlaygroundState>(initial);
  const hydrated = useHydrated();
  const reducedMotion = useReducedMotion();
  const warmup = props.warmup ?? 0;
  const [instructor, setInstructor] = useState<InstructorSettings>(NO_INSTRUCTOR_SETTINGS);
  /** Once the reader changes or resets the run, the build-time summary no longer describes it. */
  const [touched, setTouched] = useState(false);

  // The instructor parameters are read after hydration, so server HTML and first render agree.
  useEffect(() => setInstructor(parseInstructorParams(window.location.search)), []);

  // ---- the experiment, checked by the core's schema before it may run ----
  const experiment = useMemo(() => toExperimentConfig(state.knobs), [state.knobs]);
  const [check, setCheck] = useState<{ readonly knobs: PlaygroundKnobs; readonly result: KnobCheck } | null>(
    null,
  );
  useEffect(() => {
    let live = true;
    import("./validate").then(
      ({ checkKnobs }) => {
        if (live) setCheck({ knobs: state.knobs, result: checkKnobs(state.knobs) });
      },
      () => {
        // The checker failed to load: the worker still validates, so run and let it report.
        if (live) setCheck({ knobs: state.knobs, result: { byKnob: {}, general: [], ok: true } });
      },
    );
    return () => {
      live = false;
    };
  }, [state.knobs]);
  const current = check !== null && check.knobs === state.knobs ? check.result : null;
  const blocked = current !== null && !current.ok;
  /** The config the worker trains: the latest one that passed the check (the initial one at first). */
  const validConfig = useRef<ExperimentConfig>(experiment);
  if (current?.ok) validConfig.current = experiment;
  const runConfig = validConfig.current;

  const run = useTrainingRun(runConfig, { refreshMs: reducedMotion ? 600 : 200, warmup });

  // ---- a link "at step N": train the opened config to N once it has passed the check ----
  // (useStepLink would restart whatever runs at once; here the opened config reaches the
  // worker only after the lazy check, so the restart waits for it.)
  const [pendingStep, setPendingStep] = useState<number | null>(null);
  useEffect(() => {
    if (pendingStep === null || !current?.ok || runConfig !== experiment) return;
    run.restartAt(pendingStep);
    setPendingStep(null);
  }, [pendingStep, current, runConfig, experiment]);
  const stepShare: StepShare = {
    current: run.progress.stepsDone,
    open: (step) => {
      setPendingStep(step);
      setTouched(true);
    },
  };

  // ---- decision boundary (2-D sets): asked of the worker, throttled while playing ----
  const twoD = runConfig.data.dataset !== "mnist";
  const grid = run.grid;
  const lastGridAsk = useRef(0);
  useEffect(() => {
    if (!twoD || run.points.length === 0) return;
    const now = performance.now();
    if (run.playing && now - lastGridAsk.current < GRID_REFRESH_MS) return;
    lastGridAsk.current = now;
    run.requestGrid();
  }, [run.version, run.playing, twoD]);

  // ---- updates ----
  const setKnob = useCallback(<K extends KnobName>(name: K, value: PlaygroundKnobs[K]) => {
    setState((s) => {
      const knobs: PlaygroundKnobs = { ...s.knobs, [name]: value };
      // A data set brings its loss (ten classes want softmax; two, one logit): changeable after.
      const withLoss =
        name === "dataset" && value !== s.knobs.dataset
          ? { ...knobs, loss: lossFor(value as PlaygroundKnobs["dataset"]) }
          : knobs;
      return { preset: "custom", knobs: withLoss };
    });
    setTouched(true);
  }, []);
  const setPreset = useCallback((p: PgPresetName) => {
    setState({ preset: p, knobs: PG_PRESETS[p].knobs });
    setTouched(true);
  }, []);
  const reset = useCallback(() => {
    setTouched(true);
    run.reset();
  }, [run]);

  // ---- what the charts and readouts show ----
  const points = run.points;
  const live = touched || points.length > 0;
  const summary: RunSummary | undefined = live
    ? summarise(points, run.progress, run.findings, run.playing)
    : props.staticSummary;
  const last = points[points.length - 1];
  const name = state.preset === "custom" ? "your run" : PG_PRESETS[state.preset].label;
  const runs = useMemo(() => [{ name, points }], [name, points, run.version]);
  const steps = runConfig.steps;
  const { drawLoss, drawGrads, drawRatios } = useRunCharts(runs, steps);
  // The boundary chart (Plot's raster mark, ~10 KB gzipped) loads with the first grid, not
  // with the page: the build-time figure shows the data until then.
  const [boundaryChart, setBoundaryChart] = useState<BoundaryChartFn | null>(null);
  useEffect(() => {
    if (!grid || boundaryChart) return;
    import("../../charts/training/boundary-chart").then(
      (m) => setBoundaryChart(() => m.boundaryChart),
      () => undefined, // the static figure stays; the readouts and other charts carry on
    );
  }, [grid, boundaryChart]);
  // Not queued (ChartMount queued): a grid arrives in its own message, so its redraw is its own
  // task anyway, and the chart mounts only once both the grid and the chart module are here.
  const drawBoundary = useCallback(
    (doc: Document, s: ChartSize, shown?: Element) =>
      (boundaryChart as BoundaryChartFn)(grid as DecisionGrid, { width: s.width }, doc, shown),
    [grid, boundaryChart],
  );

  // ---- instructor settings ----
  const isHidden = (c: ControlName) => instructor.hidden.has(c);
  const isLocked = (c: ControlName) => instructor.locked.has(c);
  const instructorNote = describeIgnored(instructor);
  const constrained = instructor.hidden.size > 0 || instructor.locked.size > 0;

  const disabled = !hydrated;
  const k = state.knobs;
  const shownKnobs = (g: KnobGroup) =>
    KNOB_NAMES.filter((n) => KNOBS[n].group === g && knobApplies(n, k) && !isHidden(n));
  const loading = run.progress.phase === "loading-data";
  const canTrain = !disabled && !blocked && !loading;

  return (
    <div
      class="widget playground"
      data-widget="playground"
      data-mode={run.mode}
      data-url-state-key="playground"
    >
      <div class="pg-layout">
        <div class="pg-controls">
          {isHidden("presets") ? null : (
            <div class="pg-knob pg-presets" data-control="presets">
              <label for="pg-preset">
                Preset{isLocked("presets") ? <span class="pg-lock"> (locked)</span> : null}
              </label>
              <select
                id="pg-preset"
                value={state.preset}
                disabled={disabled || isLocked("presets")}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  if ((PG_PRESET_NAMES as readonly string[]).includes(v)) setPreset(v as PgPresetName);
                }}
              >
                {state.preset === "custom" ? <option value="custom">your settings</option> : null}
                {PG_PRESET_NAMES.map((p) => (
                  <option key={p} value={p}>
                    {PG_PRESETS[p].label}
                  </option>
                ))}
              </select>
              <span class="field-hint pg-hint" data-preset-description>
                {state.preset === "custom" ? "your own settings" : PG_PRESETS[state.preset].description}
              </span>
            </div>
          )}
          {(Object.keys(KNOB_GROUPS) as KnobGroup[]).map((g) => {
            const names = shownKnobs(g);
            if (names.length === 0) return null;
            return (
              <fieldset key={g} class="pg-group" data-group={g}>
                <legend>{KNOB_GROUPS[g]}</legend>
                {names.map((n) => (
                  <KnobField
                    key={n}
                    name={n}
                    value={k[n]}
                    onChange={setKnob}
                    errors={current?.byKnob[n]}
                    locked={isLocked(n)}
                    disabled={disabled}
                  />
                ))}
              </fieldset>
            );
          })}
        </div>

        <div class="pg-output">
          {constrained ? (
            <p class="widget-note pg-exercise" data-exercise-note>
              This playground is set up as an exercise: some controls are{" "}
              {instructor.hidden.size > 0 && instructor.locked.size > 0
                ? "hidden or locked"
                : instructor.hidden.size > 0
                  ? "hidden"
                  : "locked"}
              .
            </p>
          ) : null}
          {instructorNote ? (
            <p class="widget-note" role="status" data-instructor-notice>
              {instructorNote}
            </p>
          ) : null}
          {blocked ? (
            <p class="pg-blocked" role="alert" data-blocked>
              These settings cannot run: fix the{" "}
              {Object.keys(current?.byKnob ?? {}).length > 1 ? "settings" : "setting"} marked beside the
              controls. The charts still show the last run that could.
              {current && current.general.length > 0 ? ` ${current.general.join("; ")}` : ""}
            </p>
          ) : null}
          <PlaybackBar
            playing={run.playing}
            onPlayPause={run.toggle}
            onStep={() => run.step(10)}
            stepLabel="10 steps"
            onReset={reset}
            disabled={!canTrain}
          />
          {loading ? (
            <p class="widget-note" role="status" data-loading>
              Loading the MNIST subset (2,000 training digits)…
            </p>
          ) : null}
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
            <Readout
              name="test-accuracy"
              label="held-out accuracy"
              value={
                typeof last?.testAccuracy === "number" && Number.isFinite(last.testAccuracy)
                  ? `${Math.round(last.testAccuracy * 100)}%`
                  : "–"
              }
            />
            <Readout name="grad-norm" label="‖∇L‖" value={last ? fmtNum(last.gradNorm) : "–"} />
          </ReadoutList>
          {run.error ? (
            <p class="widget-note pg-error" role="alert" data-run-error>
              Training stopped with an error: {run.error}
            </p>
          ) : null}
          {run.progress.stop?.kind === "diverged" ? (
            <p class="pg-blocked" role="alert" data-diverged>
              The run diverged at step {run.progress.stop.step} ({run.progress.stop.reason}). Try a smaller
              learning rate, gradient clipping or a smaller init scale.
            </p>
          ) : null}
          <section class="pg-findings" aria-live="polite" aria-label="Findings">
            <p class="pg-heading">Findings</p>
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
          <div class="pg-charts">
            <figure class="pg-chart">
              <figcaption>Loss: training (solid) and held-out (dotted)</figcaption>
              <ChartMount name="loss" draw={drawLoss} queued>
                {props.children}
              </ChartMount>
            </figure>
            {twoD ? (
              <figure class="pg-chart" data-boundary>
                <figcaption>
                  Decision boundary{grid ? ` at step ${grid.step}` : ""}: orange where the network says class
                  1, blue where it says class 0
                </figcaption>
                {grid && boundaryChart ? <ChartMount name="boundary" draw={drawBoundary} /> : props.boundary}
              </figure>
            ) : null}
            <figure class="pg-chart">
              <figcaption>
                Gradient norm per layer, log scale (blue: input side, orange: output side)
              </figcaption>
              <ChartMount name="grads" draw={drawGrads} queued>
                {props.grads}
              </ChartMount>
            </figure>
            <figure class="pg-chart">
              <figcaption>Update ratio ‖ΔW‖/‖W‖ per layer, log scale</figcaption>
              <ChartMount name="ratios" draw={drawRatios} queued>
                {props.ratios}
              </ChartMount>
            </figure>
          </div>
          {last ? <LayerTable point={last} /> : null}
          <div class="pg-export">
            <button
              type="button"
              data-action="export-config"
              disabled={disabled || blocked}
              onClick={() => downloadText(document, EXPORT_FILE_NAME, configJson(experiment))}
            >
              Export config (JSON)
            </button>
            <span class="field-hint">
              for <code>npm run experiment -- {EXPORT_FILE_NAME}</code>
            </span>
          </div>
          <details class="pg-config">
            <summary>This experiment's config</summary>
            <pre data-config-json>{configJson(experiment)}</pre>
          </details>
          <ShareState
            widget="playground"
            config={state}
            parse={parsePlaygroundState}
            step={stepShare}
            onOpen={(s) => {
              setState(s);
              setTouched(true);
            }}
          />
          <ExerciseLink state={state} current={instructor} disabled={disabled} />
        </div>
      </div>
    </div>
  );
}

export default withErrorBoundary("playground", Playground);
