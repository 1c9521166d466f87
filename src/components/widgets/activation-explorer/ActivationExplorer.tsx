/**
 * The activation explorer (chapter 1): f and f' on one chart, the reader's x moved by
 * dragging on the chart (mouse, pen, touch), by the slider's arrow keys or by typing; the
 * readouts f(x), f'(x) — the tangent's slope — and whether x is in the saturation band.
 *
 * Data flow: config -> core (src/lib via the chart's samples and pointOf) -> chart + readouts.
 */
import { useCallback, useMemo, useState } from "preact/hooks";
import { ACTIVATIONS } from "../../../lib/activations";
import { activationChart, EXPLORER_X_DOMAIN } from "../../charts/activation-chart";
import { pointOf, sampleActivation, saturationIntervals } from "../../charts/activation-data";
import { ChartMount, type ChartPointer, type ChartSize } from "../common/ChartMount";
import { ChoiceField } from "../common/ChoiceField";
import { formatNumber } from "../common/format";
import { PlaybackBar } from "../common/PlaybackBar";
import { RangeField } from "../common/RangeField";
import { Readout, ReadoutList } from "../common/Readout";
import { ShareState } from "../common/ShareState";
import { useHydrated } from "../common/useHydrated";
import { withErrorBoundary } from "../ErrorBoundary";
import {
  EXPLORER_ACTIVATIONS,
  type ExplorerConfig,
  parseExplorerConfig,
  THRESHOLD_RANGE,
  X_RANGE,
} from "./config";
import "../common/widget.css";
import type { ComponentChildren } from "preact";

export interface ActivationExplorerProps {
  /** Initial state (validated); reset returns here. */
  readonly initial?: Partial<ExplorerConfig>;
  /** The build-time static chart (Astro slot content). */
  readonly children?: ComponentChildren;
}

const OPTIONS = EXPLORER_ACTIVATIONS.map((value) => ({ value, label: ACTIVATIONS[value].label }));

/** Describe the band where f'(x) < threshold in words, e.g. "x < −2.9 and x > 2.9". */
function describeBand(config: ExplorerConfig): string {
  const runs = saturationIntervals(sampleActivation(config.activation, EXPLORER_X_DOMAIN), config.threshold);
  if (runs.length === 0) return "nowhere on the chart";
  const [lo, hi] = EXPLORER_X_DOMAIN;
  return runs
    .map(({ x1, x2 }) => {
      if (x1 <= lo && x2 >= hi) return "everywhere on the chart";
      if (x1 <= lo) return `x ≤ ${formatNumber(x2, 2)}`;
      if (x2 >= hi) return `x ≥ ${formatNumber(x1, 2)}`;
      return `${formatNumber(x1, 2)} ≤ x ≤ ${formatNumber(x2, 2)}`;
    })
    .join(" and ");
}

/** Shorter charts on narrow screens, so the controls stay near the chart. */
function chartSizeFor(width: number) {
  return { width, height: Math.round(Math.min(360, Math.max(240, width * 0.62))) };
}

function ActivationExplorer(props: ActivationExplorerProps) {
  const defaults = useMemo(() => parseExplorerConfig(props.initial ?? {}), [props.initial]);
  const [config, setConfigRaw] = useState<ExplorerConfig>(defaults);
  const setConfig = useCallback(
    (patch: Partial<ExplorerConfig>) =>
      setConfigRaw((c) => parseExplorerConfig({ ...c, ...patch }, defaults)),
    [defaults],
  );
  const hydrated = useHydrated();

  const act = ACTIVATIONS[config.activation];
  const p = pointOf(config.activation, config.x);
  const saturated = p.dy < config.threshold;

  const draw = useCallback(
    (doc: Document, size: ChartSize) => activationChart(config, chartSizeFor(size.width), doc),
    [config],
  );
  const onPointer = useCallback(
    (e: ChartPointer) => {
      const x = e.chart.scale?.("x")?.invert?.(e.px);
      if (typeof x === "number" && Number.isFinite(x)) setConfig({ x });
    },
    [setConfig],
  );

  const f = act.label;
  return (
    <div class="widget" data-widget="activation-explorer">
      <ChartMount draw={draw} onPointer={onPointer} name="activation">
        {props.children}
      </ChartMount>
      <ReadoutList live label="Values at the chosen x">
        <Readout name="x" label="x" value={p.x} />
        <Readout name="f" label={`${f}(x)`} value={p.y} />
        <Readout name="df" label={`${f}′(x), the tangent's slope`} value={p.dy} />
        <Readout
          name="saturated"
          label={`saturated (${f}′ < ${config.threshold})`}
          value={saturated ? "yes" : "no"}
        />
      </ReadoutList>
      <p class="widget-note" data-readout="band">
        {f}′(x) &lt; {config.threshold} for {describeBand(config)}.
      </p>
      <div class="controls">
        <ChoiceField
          legend="Activation"
          name="activation"
          options={OPTIONS}
          value={config.activation}
          onChange={(activation) => setConfig({ activation })}
          disabled={!hydrated}
        />
        <RangeField
          label="x"
          name="x"
          hint="(or drag on the chart)"
          {...X_RANGE}
          value={config.x}
          onChange={(x) => setConfig({ x })}
          disabled={!hydrated}
        />
        <RangeField
          label="Saturation threshold"
          name="threshold"
          {...THRESHOLD_RANGE}
          value={config.threshold}
          onChange={(threshold) => setConfig({ threshold })}
          disabled={!hydrated}
        />
        <PlaybackBar playing={false} onReset={() => setConfigRaw(defaults)} disabled={!hydrated} />
      </div>
      <ShareState
        widget="activation-explorer"
        config={config}
        parse={(raw) => parseExplorerConfig(raw, defaults)}
        onOpen={setConfigRaw}
      />
    </div>
  );
}

export default withErrorBoundary("activation-explorer", ActivationExplorer);
