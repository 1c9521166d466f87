/**
 * <RnnGradients>: why gated cells remember. Two views of the vanilla RNN, the LSTM and the GRU
 * at one sequence length T (the knob):
 *
 *  1. the gradient with respect to the hidden state, ||dL/dh_t|| relative to ||dL/dh_T||, at
 *     every step of one batch of the adding problem, for the untrained cells (log scale);
 *  2. three same-seed training runs on the adding problem at length T (trained in Web Workers
 *     by useTrainingRun), their held-out MSE against the constant-prediction baseline 1/6.
 *
 * Props: `initial` ({ T }), `initialView` (the build-time profile for the initial T, so the
 * first chart needs no core code), `staticFinal` (the build-time final held-out MSE per cell,
 * shown until the reader trains), children (static profile chart), slot `loss` (static loss
 * chart). A new T recomputes the profile through a lazily imported module (the recurrent core
 * stays out of the page's initial JavaScript) and starts new runs. Reset restores the widget
 * as it loaded; Play replays the same seed, so it reproduces the static figure. T, and if the
 * reader asks the step count, travel in a link (<ShareState>, useStepLink).
 */
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { ChartMount, type ChartSize } from "../common/ChartMount";
import { PlaybackBar } from "../common/PlaybackBar";
import { RangeField } from "../common/RangeField";
import { Readout, ReadoutList } from "../common/Readout";
import { ShareState } from "../common/ShareState";
import { useHydrated } from "../common/useHydrated";
import { useReducedMotion } from "../common/useReducedMotion";
import { withErrorBoundary } from "../ErrorBoundary";
import { fmt } from "../neuron-stepper/format";
import { useStepLink } from "../training/useStepLink";
import { useTrainingRun } from "../training/useTrainingRun";
import { addingLossChart } from "./adding-loss-chart";
import {
  ADDING_BASELINE_MSE,
  CELL_NAMES_SHORT,
  COMPARED_CELLS,
  type ComparedCell,
  parseRnnGradientsConfig,
  RNN_T_RANGE,
  RNN_TRAIN_STEPS,
  type RnnGradientsConfig,
  trainingConfig,
} from "./config";
import { gradientProfileChart } from "./profile-chart";
import type { ProfileView } from "./profile-data";
import "../common/widget.css";
import "./rnn-gradients.css";

export interface RnnGradientsProps {
  readonly initial?: Partial<RnnGradientsConfig>;
  readonly initialView: ProfileView;
  readonly staticFinal?: Readonly<Record<ComparedCell, number>>;
  /** Steps per press of the step button (default 50). */
  readonly stepSize?: number;
  /** Force the main-thread trainer (tests). */
  readonly worker?: boolean;
  readonly children?: ComponentChildren;
  readonly loss?: ComponentChildren;
}

function RnnGradients(props: RnnGradientsProps) {
  const defaults = useMemo(() => parseRnnGradientsConfig(props.initial ?? {}), [props.initial]);
  const [config, setConfig] = useState<RnnGradientsConfig>(defaults);
  const [view, setView] = useState<ProfileView>(props.initialView);
  const [profileError, setProfileError] = useState<string | null>(null);
  const [started, setStarted] = useState(false);
  const hydrated = useHydrated();
  const reducedMotion = useReducedMotion();
  const stepSize = props.stepSize ?? 50;

  // The profile for a new T: computed by the core, loaded on first need.
  useEffect(() => {
    if (view.T === config.T) return;
    let live = true;
    import("./profile-data").then(
      (m) => {
        if (live) setView(m.profileView(config.T));
      },
      (e: unknown) => {
        if (live) setProfileError(String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [config.T, view.T]);

  const configs = useMemo(
    () => ({
      rnn: trainingConfig("rnn", config.T),
      lstm: trainingConfig("lstm", config.T),
      gru: trainingConfig("gru", config.T),
    }),
    [config.T],
  );
  const options = {
    refreshMs: reducedMotion ? 600 : 200,
    ...(props.worker === false ? { worker: false } : {}),
  };
  const rnn = useTrainingRun(configs.rnn, options);
  const lstm = useTrainingRun(configs.lstm, options);
  const gru = useTrainingRun(configs.gru, options);
  const all = [rnn, lstm, gru] as const;
  const playing = all.some((r) => r.playing);
  const stepLink = useStepLink(all, () => setStarted(true));

  const toggle = () => {
    setStarted(true);
    for (const r of all) {
      if (playing) r.pause();
      else r.play();
    }
  };
  const step = () => {
    setStarted(true);
    for (const r of all) r.step(stepSize);
  };
  const reset = () => {
    for (const r of all) r.reset();
    setConfig(defaults);
    setStarted(false);
  };
  const setT = (T: number) => {
    setConfig(parseRnnGradientsConfig({ T }));
    setStarted(true);
  };
  /** A link's config: another T than the build-time figure's means live (untrained) runs. */
  const openConfig = (c: RnnGradientsConfig) => {
    setConfig(c);
    if (c.T !== defaults.T) setStarted(true);
  };

  const runs = useMemo(
    () => COMPARED_CELLS.map((cell, i) => ({ name: CELL_NAMES_SHORT[cell], points: all[i]?.points ?? [] })),
    [rnn.points, lstm.points, gru.points, rnn.version, lstm.version, gru.version],
  );
  const drawLoss = useCallback(
    (doc: Document, s: ChartSize) =>
      addingLossChart(runs, { width: s.width, steps: RNN_TRAIN_STEPS, baseline: ADDING_BASELINE_MSE }, doc),
    [runs],
  );
  const drawProfile = useCallback(
    (doc: Document, s: ChartSize) => gradientProfileChart(view, { width: s.width }, doc),
    [view],
  );

  const useStatic = !started && config.T === defaults.T && props.staticFinal !== undefined;
  const finalOf = (cell: ComparedCell, i: number): string => {
    if (useStatic && props.staticFinal) return fmt(props.staticFinal[cell]);
    const last = all[i]?.points.at(-1);
    return last && Number.isFinite(last.testLoss) ? fmt(last.testLoss) : "not trained yet";
  };
  const stepsShown = useStatic ? RNN_TRAIN_STEPS : Math.min(...all.map((r) => r.progress.stepsDone));
  const error = all.find((r) => r.error)?.error ?? profileError;
  const rnnCell = view.cells.find((c) => c.cell === "rnn");

  return (
    <div class="widget rnn-gradients" data-widget="rnn-gradients" data-t={config.T}>
      <div class="controls">
        <RangeField
          label="sequence length T"
          name="T"
          {...RNN_T_RANGE}
          value={config.T}
          onChange={setT}
          disabled={!hydrated}
        />
      </div>

      <figure class="rg-chart">
        <figcaption>
          Gradient reaching step t, relative to step T, before training (log scale):{" "}
          <span class="rg-key rg-key--1">vanilla RNN</span>, <span class="rg-key rg-key--2">LSTM</span>,{" "}
          <span class="rg-key rg-key--3">GRU</span>
        </figcaption>
        <ChartMount name="rnn-profile" draw={drawProfile}>
          {props.children}
        </ChartMount>
      </figure>
      <ReadoutList label="Gradient through time" live>
        {view.cells.map((c) => (
          <Readout
            key={c.cell}
            name={`survival-${c.cell}`}
            label={
              <>
                {CELL_NAMES_SHORT[c.cell]}: ‖∂L/∂h<sub>1</sub>‖ ÷ ‖∂L/∂h<sub>T</sub>‖
              </>
            }
            value={fmt(c.survival)}
          />
        ))}
        <Readout
          name="sigma-rnn"
          label={
            <>
              vanilla RNN: σ<sub>max</sub>(W<sub>h</sub>)
            </>
          }
          value={fmt(rnnCell?.sigmaMax ?? Number.NaN)}
        />
      </ReadoutList>

      <h4 class="rg-subhead">Training on the adding problem at T = {config.T}</h4>
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
      <figure class="rg-chart">
        <figcaption>
          Held-out mean squared error (log scale); dashed: the best constant prediction,{" "}
          {fmt(ADDING_BASELINE_MSE)}
        </figcaption>
        {useStatic || !started ? (
          <div class="chart-static">{props.loss}</div>
        ) : (
          <ChartMount name="rnn-loss" draw={drawLoss} queued />
        )}
      </figure>
      <ReadoutList label="Training" live>
        <Readout name="step" label="step" value={`${stepsShown} of ${RNN_TRAIN_STEPS}`} />
        {COMPARED_CELLS.map((cell, i) => (
          <Readout
            key={cell}
            name={`mse-${cell}`}
            label={`${CELL_NAMES_SHORT[cell]}: held-out MSE`}
            value={finalOf(cell, i)}
          />
        ))}
        <Readout name="baseline" label="constant prediction (1/6)" value={fmt(ADDING_BASELINE_MSE)} />
      </ReadoutList>
      <p class="widget-note">
        Same seed for all three: same training sequences in the same order; hidden size 16, Adam (learning
        rate 0.01), gradients clipped at norm 1. Only the cell differs.
      </p>
      <ShareState
        widget="rnn-gradients"
        config={config}
        parse={parseRnnGradientsConfig}
        onOpen={openConfig}
        step={stepLink}
      />
    </div>
  );
}

export default withErrorBoundary("rnn-gradients", RnnGradients);
