/**
 * Per-layer metrics over training steps: gradient norms ‖∂L/∂W^l‖ or update ratios
 * ‖ΔW^l‖/‖W^l‖ on a log axis (they spread over orders of magnitude when gradients vanish),
 * or the saturated / dead shares on a linear one. One line per layer, coloured from the input
 * side to the output side; with several runs, each run gets its own dash.
 *
 *   layerSeriesChart([{ name: "vanishing", points }], { metric: "gradNorm", step: 120 }, document)
 *
 * Drawn as a Plot frame with ink (charts/ink.ts): given `shown`, the chart on the page, whose
 * frame still fits (same size, domains, step and runs), it redraws that chart's lines in place
 * and returns it, instead of building a new chart.
 */
import { plot, ruleX } from "@observablehq/plot";
import { withChartData } from "../chart-data";
import { AXIS_LABEL_MARGINS, asAccessibleImage, CHART_STYLE } from "../chart-svg";
import { drawInk, type Ink, redrawInk } from "../ink";
import { colour } from "../palette";
import { layerColour } from "./layer-colours";
import {
  CHART_POINT_BUDGET,
  type ChartRun,
  coverDomain,
  decadeDomain,
  decadeLabel,
  decadeTicks,
  LAYER_METRICS,
  type LayerMetric,
  type LayerRow,
  layerCount,
  layerRows,
  runDash,
  thinEvenly,
} from "./series";

export interface LayerSeriesOptions {
  readonly metric: LayerMetric;
  readonly width?: number;
  readonly height?: number;
  /** The scrubbed step, drawn as a vertical rule. */
  readonly step?: number;
  /** The x-axis extent (the configured run length), so the axis does not grow while training. */
  readonly steps?: number;
  /** A y domain to cover at least on a log metric (coverDomain), e.g. layerDomain of the whole run. */
  readonly yDomain?: readonly [number, number];
}

/** The y domain of a log metric for these runs: the decades of every value it can show. */
export function layerDomain(runs: readonly ChartRun[], metric: LayerMetric): [number, number] {
  return decadeDomain(
    layerRows(runs, metric).map((r) => r.value),
    [1e-6, 1],
  );
}

export function layerSeriesChart(
  runs: readonly ChartRun[],
  options: LayerSeriesOptions,
  document: Document,
  shown?: Element | null,
): SVGElement | HTMLElement {
  const m = LAYER_METRICS[options.metric];
  const rows = layerRows(runs, options.metric);
  const n = layerCount(runs);
  const maxStep = options.steps ?? Math.max(1, ...rows.map((r) => r.step));
  const domain: [number, number] = m.log
    ? coverDomain(
        decadeDomain(
          rows.map((r) => r.value),
          [1e-6, 1],
        ),
        options.yDomain,
      )
    : [0, 1];
  const width = options.width ?? 640;
  const height = options.height ?? 240;
  const names = runs.map((r) => r.name).join(" and ");
  const description = `Line chart of ${m.describe} (layers 1 to ${n}) over ${maxStep} training steps for ${names}.`;
  const ink = layerInk(rows, n, maxStep);
  // Every layer at every recorded step, named by its metric; values the log axis cannot show
  // (0, NaN, Infinity; null where the metric does not apply) stay in the export.
  const data = () =>
    runs.flatMap((r) =>
      r.points.flatMap((p) =>
        p.layers.map((l) => ({
          run: r.name,
          step: p.step,
          layer: l.layer,
          [options.metric]: l[options.metric],
        })),
      ),
    );

  // Everything the frame (axes, grid, the scrubbed step's rule, the description) depends on.
  const key = JSON.stringify([
    "layer-series",
    width,
    height,
    options.metric,
    maxStep,
    domain,
    options.step,
    description,
  ]);
  if (shown && redrawInk(shown, key, ink)) return withChartData(shown as SVGElement, data);

  const el = plot({
    document,
    width,
    height,
    marginLeft: 56,
    marginRight: 12,
    ...AXIS_LABEL_MARGINS,
    style: CHART_STYLE,
    x: { domain: [0, maxStep], label: "step", grid: true },
    y: m.log
      ? {
          type: "log",
          domain,
          label: m.label,
          grid: true,
          tickFormat: decadeLabel,
          ticks: decadeTicks(domain, 7),
        }
      : { domain, label: m.label, grid: true, tickFormat: "~%" },
    marks:
      options.step !== undefined
        ? [ruleX([options.step], { stroke: colour("muted"), strokeDasharray: "3,3" })]
        : [],
  });
  const chart = asAccessibleImage(el, description);
  drawInk(chart, key, ink);
  return withChartData(chart, data);
}

/**
 * The lines (one per run and layer, thinned to CHART_POINT_BUDGET over all of them; each run
 * its own dash, each layer its colour) and the labels "layer 1" and "layer L" at the ends of
 * the first run's first and last layer.
 */
function layerInk(rows: readonly LayerRow[], n: number, maxStep: number): Ink {
  const byLine = new Map<string, LayerRow[]>();
  for (const r of rows) {
    const key = `${r.runIndex}:${r.layer}`;
    const list = byLine.get(key);
    if (list) list.push(r);
    else byLine.set(key, [r]);
  }
  const perLine = Math.max(24, Math.floor(CHART_POINT_BUDGET / Math.max(1, byLine.size)));
  const lines = [...byLine.values()].map((series) => {
    const { runIndex, layer } = series[0]!;
    return {
      stroke: layerColour(layer, n),
      dash: runDash(runIndex),
      points: thinEvenly(series, perLine).map((r) => ({ x: r.step, y: r.value })),
    };
  });
  const ends = (n > 1 ? [1, n] : [1]).flatMap((layer) => {
    const last = byLine.get(`0:${layer}`)?.at(-1);
    return last ? [{ layer, step: last.step, value: last.value }] : [];
  });
  // Before training has gone far the lines end near the y axis: labels right of the end then,
  // or they would sit on the axis's tick labels. The higher line's label sits above it and the
  // lower one's below it, so the two never overlap where the lines end close together.
  const early = ends.every((e) => e.step < 0.15 * maxStep);
  const highest = ends.length > 1 ? Math.max(...ends.map((e) => e.value)) : Number.NEGATIVE_INFINITY;
  const labels = ends.map((e) => ({
    x: e.step,
    y: e.value,
    text: `layer ${e.layer}`,
    dx: early ? 6 : -4,
    dy: e.value >= highest ? -7 : 11,
    anchor: early ? ("start" as const) : ("end" as const),
  }));
  return { lines, labels, strokeWidth: 1.5 };
}
