/**
 * The neuron stepper (chapter 2): one sigmoid neuron, one example, gradient descent one step
 * at a time. The reader sets x, the target, the start (w, b), η and the loss; the widget shows
 * the next update's chain-rule factors with their numbers plugged in (MathML, typeset by the
 * browser — KaTeX's runtime would cost more than the whole page budget), the new w and b, the
 * loss per step, and the path over the loss surface.
 *
 * Data flow: config -> core (src/lib/neuron via trace.ts) -> charts + readouts. The run lives
 * in preallocated typed arrays held in a ref (tens of thousands of steps); React state holds
 * only its length, so a tick re-renders without copying the history.
 */
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { LOSS_NAMES, LOSSES, type LossName, type NeuronTask, neuronStep } from "../../../lib/neuron";
import { ChartMount, type ChartSize } from "../common/ChartMount";
import { ChoiceField } from "../common/ChoiceField";
import { PlaybackBar } from "../common/PlaybackBar";
import { RangeField } from "../common/RangeField";
import { Readout, ReadoutList } from "../common/Readout";
import { ShareState } from "../common/ShareState";
import { useHydrated } from "../common/useHydrated";
import { useReducedMotion } from "../common/useReducedMotion";
import { withErrorBoundary } from "../ErrorBoundary";
import { lossSurfaceChart, lossTraceChart, type TracePoint } from "./charts";
import {
  DIVERGENCE_LIMIT,
  PRESET_NAMES,
  PRESETS,
  type PresetName,
  parseStepperConfig,
  RANGES,
  SPEEDS,
  type Speed,
  type StepperConfig,
} from "./config";
import { fmt } from "./format";
import { advance, currentParams, sampleIndices, startTrace, type Trace } from "./trace";
import "../common/widget.css";
import "./neuron-stepper.css";

export interface NeuronStepperProps {
  readonly initial?: Partial<StepperConfig>;
  /** Build-time static loss trace (Astro default slot). */
  readonly children?: ComponentChildren;
  /** Build-time static loss surface (Astro slot "surface"). */
  readonly surface?: ComponentChildren;
}

const LOSS_OPTIONS = LOSS_NAMES.map((value) => ({ value, label: LOSSES[value].label }));
const SPEED_OPTIONS = SPEEDS.map((s) => ({ value: String(s) as `${Speed}`, label: String(s) }));
/** Milliseconds between ticks while playing. */
const TICK_MS = 120;
/** Points drawn per chart, however long the run. */
const CHART_POINTS = 400;

const taskOf = (c: StepperConfig): NeuronTask => ({ x: c.x, target: c.target, eta: c.eta, loss: c.loss });

function tracePoints(t: Trace): TracePoint[] {
  return sampleIndices(t.length, CHART_POINTS).map((i) => ({
    step: i,
    w: t.w[i] as number,
    b: t.b[i] as number,
    loss: t.loss[i] as number,
  }));
}

/** A number as MathML: <mn>, wrapped in parentheses when negative so "− (−0.1)" reads right. */
function Num(props: { readonly v: number; readonly paren?: boolean; readonly sig?: number }) {
  const s = fmt(props.v, props.sig);
  return props.paren && props.v < 0 ? (
    <mrow>
      <mo>(</mo>
      <mn>{s}</mn>
      <mo>)</mo>
    </mrow>
  ) : (
    <mn>{s}</mn>
  );
}

function Partial(props: { readonly of: string; readonly by: string }) {
  return (
    <mfrac>
      <mrow>
        <mo>∂</mo>
        <mi>{props.of}</mi>
      </mrow>
      <mrow>
        <mo>∂</mo>
        <mi>{props.by}</mi>
      </mrow>
    </mfrac>
  );
}

function NeuronStepper(props: NeuronStepperProps) {
  const defaults = useMemo(() => parseStepperConfig(props.initial ?? {}), [props.initial]);
  const [config, setConfigRaw] = useState<StepperConfig>(defaults);
  const task = useMemo(() => taskOf(config), [config]);
  const trace = useRef<Trace>(startTrace({ w: defaults.w0, b: defaults.b0 }, taskOf(defaults)));
  const [length, setLength] = useState(1);
  const [status, setStatus] = useState(trace.current.status);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  /** The trace length the surface was last drawn for: the contour map is redrawn less often while playing. */
  const [surfaceLength, setSurfaceLength] = useState(1);
  const hydrated = useHydrated();
  const reducedMotion = useReducedMotion();

  const restart = useCallback((c: StepperConfig) => {
    trace.current = startTrace({ w: c.w0, b: c.b0 }, taskOf(c));
    setLength(1);
    setSurfaceLength(1);
    setStatus("running");
    setPlaying(false);
  }, []);

  const setConfig = useCallback(
    (patch: Partial<StepperConfig>) => {
      const next = parseStepperConfig({ ...config, ...patch }, defaults);
      setConfigRaw(next);
      restart(next);
    },
    [config, defaults, restart],
  );

  const step = useCallback(
    (n: number) => {
      const t = trace.current;
      advance(t, task, n);
      setLength(t.length);
      setStatus(t.status);
      if (t.status !== "running") setPlaying(false);
      return t;
    },
    [task],
  );

  // Play: `speed` steps per tick. With reduced motion the chart still updates, but only
  // every fourth tick, in larger jumps, instead of a continuous animation.
  useEffect(() => {
    if (!playing) return;
    const every = reducedMotion ? 4 : 1;
    let ticks = 0;
    const id = setInterval(() => {
      ticks++;
      if (ticks % every !== 0) return;
      const t = step(speed * every);
      if (ticks % (every * 4) === 0) setSurfaceLength(t.length);
    }, TICK_MS);
    return () => clearInterval(id);
  }, [playing, speed, step, reducedMotion]);

  // Paused or stopped: the surface catches up with the trace.
  useEffect(() => {
    if (!playing) setSurfaceLength(length);
  }, [playing, length]);

  const now = currentParams(trace.current);
  const next = neuronStep(now, task);
  const lossNow = trace.current.loss[length - 1] as number;

  const drawTrace = useCallback(
    (doc: Document, size: ChartSize) =>
      lossTraceChart(tracePoints(trace.current), { width: size.width, height: 220 }, doc),
    // deps: redraw when the run grows (the trace is a ref)
    [length, config],
  );
  const drawSurface = useCallback(
    (doc: Document, size: ChartSize) =>
      lossSurfaceChart({ ...task, path: tracePoints(trace.current) }, { width: size.width }, doc),
    // deps: redraw when the drawn path changes (the trace is a ref)
    [surfaceLength, task],
  );

  const message =
    status === "diverged"
      ? `The run diverged: the next update would push |w| or |b| beyond ${fmt(DIVERGENCE_LIMIT)}. The learning rate η = ${fmt(config.eta)} is too large for this start; lower it or press Reset.`
      : status === "limit"
        ? `Stopped after ${(length - 1).toLocaleString("en")} steps, the most this widget keeps. Press Reset to start again.`
        : status === "converged"
          ? "The gradient is exactly zero in floating point: nothing more to learn."
          : null;

  const isCE = config.loss === "crossEntropy";
  const lossLabel = LOSSES[config.loss].label;
  return (
    <div class="widget neuron-stepper" data-widget="neuron-stepper">
      <fieldset class="ns-presets">
        <legend class="ns-presets-label">Start from</legend>
        {PRESET_NAMES.map((name: PresetName) => (
          <button
            key={name}
            type="button"
            data-preset={name}
            disabled={!hydrated}
            onClick={() => setConfig(PRESETS[name].config)}
          >
            {PRESETS[name].label}
          </button>
        ))}
      </fieldset>
      <div class="controls">
        <RangeField
          label="input x"
          name="x"
          {...RANGES.x}
          value={config.x}
          onChange={(x) => setConfig({ x })}
          disabled={!hydrated}
        />
        <RangeField
          label="target y"
          name="target"
          {...RANGES.target}
          value={config.target}
          onChange={(target) => setConfig({ target })}
          disabled={!hydrated}
        />
        <RangeField
          label="start w"
          name="w0"
          {...RANGES.w0}
          value={config.w0}
          onChange={(w0) => setConfig({ w0 })}
          disabled={!hydrated}
        />
        <RangeField
          label="start b"
          name="b0"
          {...RANGES.b0}
          value={config.b0}
          onChange={(b0) => setConfig({ b0 })}
          disabled={!hydrated}
        />
        <RangeField
          label="learning rate η"
          name="eta"
          {...RANGES.eta}
          value={config.eta}
          onChange={(eta) => setConfig({ eta })}
          disabled={!hydrated}
        />
        <ChoiceField
          legend="Loss"
          name="loss"
          options={LOSS_OPTIONS}
          value={config.loss}
          onChange={(loss: LossName) => setConfig({ loss })}
          disabled={!hydrated}
        />
      </div>
      <div class="controls">
        <PlaybackBar
          playing={playing}
          onPlayPause={() => setPlaying((p) => !p)}
          onStep={() => step(1)}
          onReset={() => {
            setConfigRaw(defaults);
            restart(defaults);
          }}
          disabled={!hydrated}
          stepLabel="One step"
        />
        <ChoiceField
          legend="Steps per tick when playing"
          name="speed"
          options={SPEED_OPTIONS}
          value={String(speed) as `${Speed}`}
          onChange={(s) => setSpeed(Number(s) as Speed)}
          disabled={!hydrated}
        />
      </div>
      {message ? (
        <p class="ns-message" role="status" data-readout="status">
          {message}
        </p>
      ) : null}

      <ReadoutList live={!playing} label="Current state">
        <Readout name="steps" label="steps taken" value={(length - 1).toLocaleString("en")} />
        <Readout name="w" label="w" value={fmt(now.w, 6)} />
        <Readout name="b" label="b" value={fmt(now.b, 6)} />
        <Readout name="a" label="a = σ(wx + b)" value={fmt(next.a, 6)} />
        <Readout name="loss" label={lossLabel} value={fmt(lossNow, 4)} />
      </ReadoutList>

      <section class="ns-update" aria-label={`The next update, step ${length}`}>
        <p class="ns-title">Next update (step {length.toLocaleString("en")})</p>
        <div class="ns-math" data-readout="chain">
          <p class="ns-eq">
            <math>
              <mrow>
                <Partial of="L" by="w" />
                <mo>=</mo>
                <Partial of="L" by="a" />
                <mo>·</mo>
                <mi>σ</mi>
                <mo>′</mo>
                <mo>(</mo>
                <mi>z</mi>
                <mo>)</mo>
                <mo>·</mo>
                <mi>x</mi>
              </mrow>
            </math>
            <math>
              <mrow>
                <mo>=</mo>
                <Num v={next.dLda} />
                <mo>×</mo>
                <Num v={next.sigmaPrime} />
                <mo>×</mo>
                <Num v={next.dzdw} paren />
                <mo>=</mo>
                <Num v={next.dLdw} />
              </mrow>
            </math>
          </p>
          <p class="ns-eq">
            <math>
              <mrow>
                <mi>w</mi>
                <mo>←</mo>
                <mi>w</mi>
                <mo>−</mo>
                <mi>η</mi>
                <Partial of="L" by="w" />
              </mrow>
            </math>
            <math>
              <mrow>
                <mo>=</mo>
                <Num v={now.w} sig={6} />
                <mo>−</mo>
                <Num v={config.eta} />
                <mo>×</mo>
                <Num v={next.dLdw} paren />
                <mo>=</mo>
                <Num v={next.wNext} sig={6} />
              </mrow>
            </math>
          </p>
          <p class="ns-eq">
            <math>
              <mrow>
                <mi>b</mi>
                <mo>←</mo>
                <mi>b</mi>
                <mo>−</mo>
                <mi>η</mi>
                <Partial of="L" by="a" />
                <mi>σ</mi>
                <mo>′</mo>
                <mo>(</mo>
                <mi>z</mi>
                <mo>)</mo>
              </mrow>
            </math>
            <math>
              <mrow>
                <mo>=</mo>
                <Num v={now.b} sig={6} />
                <mo>−</mo>
                <Num v={config.eta} />
                <mo>×</mo>
                <Num v={next.dLdb} paren />
                <mo>=</mo>
                <Num v={next.bNext} sig={6} />
              </mrow>
            </math>
          </p>
        </div>
        <table class="ns-factors">
          <caption>The factors of this update, as numbers</caption>
          <thead>
            <tr>
              <th scope="col">factor</th>
              <th scope="col">formula</th>
              <th scope="col">value</th>
            </tr>
          </thead>
          <tbody>
            <tr data-factor="z">
              <th scope="row">weighted input z</th>
              <td>w x + b</td>
              <td>{fmt(next.z, 4)}</td>
            </tr>
            <tr data-factor="dLda">
              <th scope="row">∂L/∂a</th>
              <td>{isCE ? "(a − y) / (a (1 − a))" : "a − y"}</td>
              <td>{fmt(next.dLda, 4)}</td>
            </tr>
            <tr data-factor="sigmaPrime">
              <th scope="row">σ′(z)</th>
              <td>a (1 − a)</td>
              <td>{fmt(next.sigmaPrime, 4)}</td>
            </tr>
            <tr data-factor="x">
              <th scope="row">∂z/∂w</th>
              <td>x</td>
              <td>{fmt(next.dzdw, 4)}</td>
            </tr>
            <tr data-factor="dLdw">
              <th scope="row">∂L/∂w</th>
              <td>{isCE ? "(a − y) x, σ′ cancelled" : "product of the three"}</td>
              <td>{fmt(next.dLdw, 4)}</td>
            </tr>
            <tr data-factor="dLdb">
              <th scope="row">∂L/∂b</th>
              <td>{isCE ? "a − y" : "∂L/∂a · σ′(z)"}</td>
              <td>{fmt(next.dLdb, 4)}</td>
            </tr>
            <tr data-factor="wNext">
              <th scope="row">new w</th>
              <td>w − η ∂L/∂w</td>
              <td>{fmt(next.wNext, 6)}</td>
            </tr>
            <tr data-factor="bNext">
              <th scope="row">new b</th>
              <td>b − η ∂L/∂b</td>
              <td>{fmt(next.bNext, 6)}</td>
            </tr>
          </tbody>
        </table>
      </section>

      <div class="ns-charts">
        <div class="ns-chart">
          <p class="ns-title">Loss after each step (log scale)</p>
          <ChartMount draw={drawTrace} name="loss-trace">
            {props.children}
          </ChartMount>
        </div>
        <div class="ns-chart">
          <p class="ns-title">Loss over (w, b), with the path taken</p>
          <ChartMount draw={drawSurface} name="loss-surface">
            {props.surface}
          </ChartMount>
          <p class="widget-note">
            Colour: log₁₀ of the loss, dark purple low, yellow high. The bands are straight lines because the
            loss depends on w and b only through z = w x + b.
          </p>
        </div>
      </div>
      <ShareState
        widget="neuron-stepper"
        config={config}
        parse={(raw) => parseStepperConfig(raw, defaults)}
        onOpen={(c) => {
          setConfigRaw(c);
          restart(c);
        }}
      />
    </div>
  );
}

export default withErrorBoundary("neuron-stepper", NeuronStepper);
