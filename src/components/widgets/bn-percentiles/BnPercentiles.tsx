/**
 * <BnPercentiles>: the input distribution of one last-hidden-layer sigmoid over training, as
 * its 15th / 50th / 85th percentiles, without and with batch norm (same seed). The reader
 * picks the unit; the traces were computed by the core at build time (trace.ts) and arrive as
 * props, so the island ships no training code.
 *
 * Props: runs (two PercentileRuns), initial ({ unit: 1-based }), children (static chart).
 * The unit is the widget's whole state, shared by URL (<ShareState>, config.ts).
 */
import type { ComponentChildren } from "preact";
import { useCallback, useMemo, useState } from "preact/hooks";
import { fmtNum } from "../../../lib/metric-format";
import { ChartMount, type ChartSize } from "../common/ChartMount";
import { PlaybackBar } from "../common/PlaybackBar";
import { RangeField } from "../common/RangeField";
import { Readout, ReadoutList } from "../common/Readout";
import { ShareState } from "../common/ShareState";
import { useHydrated } from "../common/useHydrated";
import { withErrorBoundary } from "../ErrorBoundary";
import { type BnPercentilesConfig, parseBnPercentilesConfig, parseUnit } from "./config";
import { type PercentileRun, percentileChart } from "./percentile-chart";
import "../common/widget.css";

export interface BnPercentilesProps {
  readonly runs: readonly PercentileRun[];
  readonly initial?: { readonly unit?: number };
  readonly children?: ComponentChildren;
}

export { parseUnit };

function BnPercentiles(props: BnPercentilesProps) {
  const width = props.runs[0]?.trace.units.length ?? 1;
  const initialUnit = parseUnit(props.initial?.unit, width);
  const [unit, setUnit] = useState(initialUnit);
  const [touched, setTouched] = useState(false);
  const hydrated = useHydrated();
  const parse = useCallback((raw: unknown) => parseBnPercentilesConfig(raw, width), [width]);
  const draw = useCallback(
    (doc: Document, s: ChartSize) => percentileChart(props.runs, { unit: unit - 1, width: s.width }, doc),
    [props.runs, unit],
  );
  /** Spread (85th − 15th percentile) and median at the first and last recorded step, per run. */
  const numbers = useMemo(
    () =>
      props.runs.map((r) => {
        const u = r.trace.units[unit - 1] ?? [];
        const first = u[0];
        const last = u[u.length - 1];
        return {
          name: r.name,
          median: first && last ? `${fmtNum(first[1])} → ${fmtNum(last[1])}` : "–",
          spread: first && last ? `${fmtNum(first[2] - first[0])} → ${fmtNum(last[2] - last[0])}` : "–",
        };
      }),
    [props.runs, unit],
  );
  return (
    <div class="widget bn-percentiles" data-widget="bn-percentiles">
      <div class="controls">
        <RangeField
          label="Unit of the last hidden layer"
          name="unit"
          min={1}
          max={width}
          step={1}
          value={unit}
          onChange={(v) => {
            setUnit(parseUnit(v, width));
            setTouched(true);
          }}
          disabled={!hydrated}
        />
        <PlaybackBar
          playing={false}
          onReset={() => {
            setUnit(initialUnit);
            setTouched(false);
          }}
          disabled={!hydrated}
        />
      </div>
      <ReadoutList label={`Unit ${unit}, first to last step`} live={touched}>
        {numbers.flatMap((n, i) => [
          <Readout key={`m${i}`} name={`median-${i + 1}`} label={`median, ${n.name}`} value={n.median} />,
          <Readout
            key={`s${i}`}
            name={`spread-${i + 1}`}
            label={`15th–85th spread, ${n.name}`}
            value={n.spread}
          />,
        ])}
      </ReadoutList>
      <ChartMount name="percentiles" draw={draw}>
        {props.children}
      </ChartMount>
      <ShareState
        widget="bn-percentiles"
        config={{ unit }}
        parse={parse}
        onOpen={(c: BnPercentilesConfig) => {
          setUnit(c.unit);
          setTouched(true);
        }}
      />
    </div>
  );
}

export default withErrorBoundary("bn-percentiles", BnPercentiles);
