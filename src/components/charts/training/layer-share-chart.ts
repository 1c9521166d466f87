/**
 * Saturated and dead shares per layer at one step, as grouped bars: saturated units (slope
 * below 5% of the maximum, for sigmoid and tanh) and dead units (slope exactly 0 on every
 * held-out example, for ReLU). One glance says which layers have stopped passing gradient.
 */
import { barY, plot, ruleY } from "@observablehq/plot";
import type { TrainingPoint } from "../../../lib/findings";
import { withChartData } from "../chart-data";
import { AXIS_LABEL_MARGINS, asAccessibleImage, CHART_STYLE } from "../chart-svg";
import { colour } from "../palette";

export interface LayerShareOptions {
  readonly width?: number;
  readonly height?: number;
}

interface ShareRow {
  readonly layer: number;
  readonly measure: "saturated" | "dead";
  readonly share: number;
}

export function layerShareChart(
  point: TrainingPoint | undefined,
  options: LayerShareOptions,
  document: Document,
): SVGElement | HTMLElement {
  const rows: ShareRow[] = [];
  const layers: number[] = [];
  for (const l of point?.layers ?? []) {
    if (l.saturated === null || l.dead === null) continue;
    layers.push(l.layer);
    rows.push({ layer: l.layer, measure: "saturated", share: l.saturated });
    rows.push({ layer: l.layer, measure: "dead", share: l.dead });
  }
  const el = plot({
    document,
    width: options.width ?? 640,
    height: options.height ?? 180,
    ...AXIS_LABEL_MARGINS,
    marginLeft: 48,
    marginRight: 12,
    style: CHART_STYLE,
    fx: { domain: layers.length ? layers : [1], label: "hidden layer", padding: 0.15 },
    x: { domain: ["saturated", "dead"], axis: null, padding: 0.1 },
    y: { domain: [0, 1], label: "share of units", grid: true, tickFormat: "~%" },
    color: { domain: ["saturated", "dead"], range: [colour("series2"), colour("series5")] },
    marks: [
      barY(rows, { fx: "layer", x: "measure", y: "share", fill: "measure" }),
      ruleY([0], { stroke: colour("muted") }),
    ],
  });
  const step = point?.step ?? 0;
  const chart = asAccessibleImage(
    el,
    `Bar chart of the saturated share (first bar) and the dead share (second bar) of each hidden layer at step ${step}.`,
  );
  return withChartData(
    chart,
    rows.map((r) => ({ step, ...r })),
  );
}
