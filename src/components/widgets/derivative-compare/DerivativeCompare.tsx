/**
 * All activations' derivatives on one chart, with a legend of checkboxes that show or hide
 * each curve, and a table of f'(x) at a few x so the comparison is readable as numbers.
 */
import type { ComponentChildren } from "preact";
import { useCallback, useMemo, useState } from "preact/hooks";
import { ACTIVATIONS } from "../../../lib/activations";
import { pointOf } from "../../charts/activation-data";
import {
  COMPARE_SERIES,
  type CompareName,
  derivativeCompareChart,
  seriesStyle,
} from "../../charts/derivative-compare-chart";
import { colour } from "../../charts/palette";
import { ChartMount, type ChartSize } from "../common/ChartMount";
import { formatNumber } from "../common/format";
import { ShareState } from "../common/ShareState";
import { useHydrated } from "../common/useHydrated";
import { withErrorBoundary } from "../ErrorBoundary";
import "../common/widget.css";

export const DEFAULT_COMPARE_SHOWN: readonly CompareName[] = ["sigmoid", "tanh", "relu", "leakyRelu"];
/** The x values of the numbers table. */
export const COMPARE_TABLE_XS = [-4, -2, 0, 2, 4] as const;

export interface DerivativeCompareProps {
  readonly initial?: readonly CompareName[];
  readonly children?: ComponentChildren;
}

/** Keep only known names, in canonical order (the config a URL could carry). */
export function parseShown(raw: unknown): CompareName[] {
  const list = Array.isArray(raw) ? raw : [];
  return COMPARE_SERIES.map((s) => s.name).filter((n) => list.includes(n));
}

/** The widget's URL state, { shown: [...] }: the list in an object so it can carry a version's new fields. */
export function parseDerivativeCompareState(raw: unknown): { shown: CompareName[] } {
  const o = typeof raw === "object" && raw !== null ? (raw as { shown?: unknown }) : {};
  return { shown: o.shown === undefined ? parseShown(DEFAULT_COMPARE_SHOWN) : parseShown(o.shown) };
}

function DerivativeCompare(props: DerivativeCompareProps) {
  const defaults = useMemo(() => parseShown(props.initial ?? DEFAULT_COMPARE_SHOWN), [props.initial]);
  const [shown, setShown] = useState<CompareName[]>(defaults);
  const hydrated = useHydrated();
  const draw = useCallback(
    (doc: Document, size: ChartSize) =>
      derivativeCompareChart(
        { shown },
        { width: size.width, height: Math.min(300, Math.max(220, size.width * 0.5)) },
        doc,
      ),
    [shown],
  );
  const toggle = (name: CompareName, on: boolean) =>
    setShown((cur) => parseShown(on ? [...cur, name] : cur.filter((n) => n !== name)));

  return (
    <div class="widget" data-widget="derivative-compare">
      <ChartMount draw={draw} name="derivative-compare">
        {props.children}
      </ChartMount>
      <fieldset class="field field--choice legend-toggle" data-control="shown" disabled={!hydrated}>
        <legend>Show the derivative of</legend>
        <div class="choice-row">
          {COMPARE_SERIES.map((s) => (
            <label key={s.name} class="choice">
              <input
                type="checkbox"
                value={s.name}
                checked={shown.includes(s.name)}
                onChange={(e) => toggle(s.name, e.currentTarget.checked)}
              />
              <svg width="28" height="10" aria-hidden="true" class="legend-swatch">
                <line
                  x1="1"
                  y1="5"
                  x2="27"
                  y2="5"
                  stroke={colour(seriesStyle(s.name).role)}
                  stroke-width="3"
                  stroke-dasharray={s.dash ?? undefined}
                />
              </svg>
              <span>{ACTIVATIONS[s.name].label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {/* Focusable so keyboard users can scroll it sideways on a phone (axe: scrollable-region-focusable). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section class="table-scroll" tabIndex={0} aria-label="Derivative values">
        <table class="numbers" data-readout="compare-table">
          <caption>f′(x) at a few points</caption>
          <thead>
            <tr>
              <th scope="col">activation</th>
              {COMPARE_TABLE_XS.map((x) => (
                <th scope="col" key={x}>
                  x = {formatNumber(x)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {COMPARE_SERIES.filter((s) => shown.includes(s.name)).map((s) => (
              <tr key={s.name}>
                <th scope="row">{ACTIVATIONS[s.name].label}′</th>
                {COMPARE_TABLE_XS.map((x) => (
                  <td key={x}>{formatNumber(pointOf(s.name, x).dy, 3)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ShareState
        widget="derivative-compare"
        config={{ shown }}
        parse={parseDerivativeCompareState}
        onOpen={(c) => setShown(c.shown)}
      />
    </div>
  );
}

export default withErrorBoundary("derivative-compare", DerivativeCompare);
