/**
 * The gradient chain (chapter 3, experiment A): a chain of one-neuron layers sharing one
 * weight w and bias b. The chart shows |∂L/∂b_l| for every layer on a log scale with the
 * bound beside it; the table lists each layer's factor w σ′(z_l) as a number; the readouts
 * give the first-to-last ratio and the product of factors against its bound.
 *
 * Data flow: config -> core (src/lib/chain via chain-view.ts) -> chart + table + readouts.
 * Everything is recomputed per change: 30 layers is microseconds, no worker needed.
 */
import type { ComponentChildren } from "preact";
import { useCallback, useId, useMemo, useState } from "preact/hooks";
import { ACTIVATIONS } from "../../../lib/activations";
import { ChartMount, type ChartSize } from "../common/ChartMount";
import { ChoiceField } from "../common/ChoiceField";
import { PlaybackBar } from "../common/PlaybackBar";
import { RangeField } from "../common/RangeField";
import { Readout, ReadoutList } from "../common/Readout";
import { ShareState } from "../common/ShareState";
import { useHydrated } from "../common/useHydrated";
import { withErrorBoundary } from "../ErrorBoundary";
import { fmt } from "../neuron-stepper/format";
import { gradientChainChart } from "./chain-chart";
import { type ChainView, chainView } from "./chain-view";
import {
  CHAIN_ACTIVATIONS,
  CHAIN_PRESET_NAMES,
  CHAIN_PRESETS,
  CHAIN_RANGES,
  type ChainWidgetConfig,
  parseChainConfig,
} from "./config";
import "../common/widget.css";
import "./gradient-chain.css";

export interface GradientChainProps {
  readonly initial?: Partial<ChainWidgetConfig>;
  /** The build-time static chart (Astro slot content). */
  readonly children?: ComponentChildren;
}

const ACT_OPTIONS = CHAIN_ACTIVATIONS.map((value) => ({ value, label: ACTIVATIONS[value].label }));

function regimeText(v: ChainView, c: ChainWidgetConfig): string {
  const f = ACTIVATIONS[c.activation].label;
  switch (v.regime) {
    case "cut":
      return "w = 0 cuts the chain: no gradient reaches the layers below the last.";
    case "vanishing":
      return `Vanishing: the first layer's gradient is ${fmt(v.ratio)} times the last layer's.`;
    case "exploding":
      return `Exploding: the first layer's gradient is ${fmt(v.ratio)} times the last layer's (|w ${f}′(z)| > 1 in most layers).`;
    default:
      return `Roughly steady: the first layer's gradient is ${fmt(v.ratio)} times the last layer's.`;
  }
}

function GradientChain(props: GradientChainProps) {
  const defaults = useMemo(() => parseChainConfig(props.initial ?? {}), [props.initial]);
  const [config, setConfigRaw] = useState<ChainWidgetConfig>(defaults);
  const setConfig = useCallback(
    (patch: Partial<ChainWidgetConfig>) =>
      setConfigRaw((c) => parseChainConfig({ ...c, ...patch }, defaults)),
    [defaults],
  );
  const hydrated = useHydrated();
  const view = useMemo(() => chainView(config), [config]);
  const draw = useCallback(
    (doc: Document, size: ChartSize) => gradientChainChart(view, { width: size.width }, doc),
    [view],
  );
  const f = ACTIVATIONS[config.activation].label;
  const tableTitle = useId();

  return (
    <div class="widget gradient-chain" data-widget="gradient-chain">
      <fieldset class="gc-presets">
        <legend>Presets</legend>
        {CHAIN_PRESET_NAMES.map((name) => (
          <button
            key={name}
            type="button"
            data-preset={name}
            disabled={!hydrated}
            onClick={() => setConfigRaw(CHAIN_PRESETS[name].config)}
          >
            {CHAIN_PRESETS[name].label}
          </button>
        ))}
      </fieldset>
      <div class="controls">
        <RangeField
          label="depth L"
          name="depth"
          {...CHAIN_RANGES.depth}
          value={config.depth}
          onChange={(depth) => setConfig({ depth })}
          disabled={!hydrated}
        />
        <RangeField
          label="weight w"
          name="w"
          {...CHAIN_RANGES.w}
          value={config.w}
          onChange={(w) => setConfig({ w })}
          disabled={!hydrated}
        />
        <RangeField
          label="bias b"
          name="b"
          {...CHAIN_RANGES.b}
          value={config.b}
          onChange={(b) => setConfig({ b })}
          disabled={!hydrated}
        />
        <RangeField
          label="input x"
          name="x"
          {...CHAIN_RANGES.x}
          value={config.x}
          onChange={(x) => setConfig({ x })}
          disabled={!hydrated}
        />
        <ChoiceField
          legend="Activation"
          name="activation"
          options={ACT_OPTIONS}
          value={config.activation}
          onChange={(activation) => setConfig({ activation })}
          disabled={!hydrated}
        />
        <PlaybackBar playing={false} onReset={() => setConfigRaw(defaults)} disabled={!hydrated} />
      </div>

      <p class="gc-regime" data-readout="regime" data-regime={view.regime} role="status">
        {regimeText(view, config)}
      </p>
      <ReadoutList label="Summary">
        <Readout
          name="ratio"
          label={
            <>
              |∂L/∂b<sub>1</sub>| ÷ |∂L/∂b<sub>L</sub>|
            </>
          }
          value={fmt(view.ratio)}
        />
        <Readout
          name="product"
          label={`product of the ${config.depth - 1} factors`}
          value={fmt(view.product)}
        />
        <Readout
          name="bound"
          label={
            <>
              bound (|w| · max {f}′)<sup>L−1</sup>
            </>
          }
          value={fmt(view.productBound)}
        />
        <Readout name="factor-bound" label={`bound on each |w ${f}′(z)|`} value={fmt(view.factorBound)} />
      </ReadoutList>

      <ChartMount draw={draw} name="gradient-chain">
        {props.children}
      </ChartMount>
      <p class="widget-note">
        Solid: measured |∂L/∂b<sub>l</sub>| per layer l. Dashed: the bound max {f}′ · (|w| max {f}′)
        <sup>L−l</sup> · |∂L/∂a<sub>L</sub>|. Loss ½(a<sub>L</sub> − 1)².
      </p>

      {/* The title sits outside the scroll box: a <caption> is as wide as the table and would be
          cut off at the box's edge on a phone. */}
      <p class="gc-table-title" id={tableTitle}>
        Each layer's numbers (layer 1 is nearest the input)
      </p>
      {/* Scrolls when the chain is deep: focusable so keyboard users can scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <section class="gc-table-wrap" tabIndex={0} aria-labelledby={tableTitle}>
        <table class="gc-table" data-readout="factors" aria-labelledby={tableTitle}>
          <thead>
            <tr>
              <th scope="col">layer l</th>
              <th scope="col">
                z<sub>l</sub>
              </th>
              <th scope="col">
                {f}′(z<sub>l</sub>)
              </th>
              <th scope="col">
                factor w {f}′(z<sub>l</sub>)
              </th>
              <th scope="col">
                |∂L/∂b<sub>l</sub>|
              </th>
              <th scope="col">bound</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.layer} data-layer={r.layer}>
                <th scope="row">{r.layer}</th>
                <td>{fmt(r.z)}</td>
                <td>{fmt(r.slope)}</td>
                <td data-col="factor">{fmt(r.factor)}</td>
                <td data-col="grad">{fmt(r.grad)}</td>
                <td data-col="bound">{fmt(r.bound)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ShareState
        widget="gradient-chain"
        config={config}
        parse={(raw) => parseChainConfig(raw, defaults)}
        onOpen={setConfigRaw}
      />
    </div>
  );
}

export default withErrorBoundary("gradient-chain", GradientChain);
