/**
 * Per-layer metrics over training steps: gradient norms ‖∂L/∂W^l‖ or update ratios
 * ‖ΔW^l‖/‖W^l‖ on a log axis (they spread over orders of magnitude when gradients vanish),
 * or the saturated / dead shares on a linear one. One line per layer, coloured from the input
 * side to the output side; with several runs, each run gets its own dash.
 *
 *   layerSeriesChart([{ name: "vanishing", points }], { metric: "gradNorm", step: 120 }, document)
 */
import { line, plot, ruleX, text } from "@observablehq/plot";
import { withChartData } from "../chart-data";
import { AXIS_LABEL_MARGINS, asAccessibleImage, CHART_STYLE } from "../chart-svg";
import { colour } from "../palette";
import { layerColour } from "./layer-colours";
import {
  CHART_POINT_BUDGET,
  type ChartRun,
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
}

export function layerSeriesChart(
  runs: readonly ChartRun[],
  options: LayerSeriesOptions,
  document: Document,
): SVGElement | HTMLElement {
  const m = LAYER_METRICS[options.metric];
  const rows = layerRows(runs, options.metric);
  const n = layerCount(runs);
  const maxStep = options.steps ?? Math.max(1, ...rows.map((r) => r.step));
  const domain = decadeDomain(
    rows.map((r) => r.value),
    [1e-6, 1],
  );
  // Labels at each line's end for the first and last layer: "layer 1", "layer 11".
  const ends = runs.flatMap((_, runIndex) =>
    [1, n].flatMap((layer) => {
      const mine = rows.filter((r) => r.runIndex === runIndex && r.layer === layer);
      const last = mine[mine.length - 1];
      return last && runIndex === 0 ? [{ ...last, label: `layer ${layer}` }] : [];
    }),
  );
  // Before training has gone far the lines end near the y axis: labels right of the end then,
  // or they would sit on the axis's tick labels.
  const early = ends.every((e) => e.step < 0.15 * maxStep);
  const highest = ends.length > 1 ? Math.max(...ends.map((e) => e.value)) : Number.NEGATIVE_INFINITY;
  // One line mark per run, a series per layer (z), each series thinned to the point budget
  // (CHART_POINT_BUDGET). The stroke is a literal colour per row, so Plot builds no colour scale.
  const byLine = new Map<string, LayerRow[]>();
  for (const r of rows) {
    const key = `${r.runIndex}:${r.layer}`;
    const list = byLine.get(key);
    if (list) list.push(r);
    else byLine.set(key, [r]);
  }
  const perLine = Math.max(24, Math.floor(CHART_POINT_BUDGET / Math.max(1, byLine.size)));
  const byRun = new Map<number, LayerRow[]>();
  for (const series of byLine.values()) {
    const runIndex = series[0]!.runIndex;
    const list = byRun.get(runIndex) ?? [];
    for (const r of thinEvenly(series, perLine)) list.push(r);
    byRun.set(runIndex, list);
  }
  const marks = [
    ...[...byRun].map(([runIndex, drawn]) =>
      line(drawn, {
        x: "step",
        y: "value",
        z: "layer",
        stroke: (r: LayerRow) => layerColour(r.layer, n),
        strokeWidth: 1.5,
        strokeDasharray: runDash(runIndex) ?? undefined,
      }),
    ),
    // The label of the higher line sits above it and the lower one's below it, so the two
    // never overlap where the lines end close together.
    ...[ends.filter((e) => e.value >= highest), ends.filter((e) => e.value < highest)].map((group, below) =>
      text(group, {
        x: "step",
        y: "value",
        text: "label",
        dx: early ? 6 : -4,
        dy: below ? 11 : -7,
        textAnchor: early ? "start" : "end",
        fill: colour("ink"),
        stroke: "var(--bg, #fff)",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    ),
    ...(options.step !== undefined
      ? [ruleX([options.step], { stroke: colour("muted"), strokeDasharray: "3,3" })]
      : []),
  ];
  const el = plot({
    document,
    width: options.width ?? 640,
    height: options.height ?? 240,
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
      : { domain: [0, 1], label: m.label, grid: true, tickFormat: "~%" },
    marks,
  });
  const names = runs.map((r) => r.name).join(" and ");
  const chart = asAccessibleImage(
    el,
    `Line chart of ${m.describe} (layers 1 to ${n}) over ${maxStep} training steps for ${names}.`,
  );
  // Every layer at every recorded step, named by its metric; values the log axis cannot show
  // (0, NaN, Infinity; null where the metric does not apply) stay in the export.
  return withChartData(chart, () =>
    runs.flatMap((r) =>
      r.points.flatMap((p) =>
        p.layers.map((l) => ({
          run: r.name,
          step: p.step,
          layer: l.layer,
          [options.metric]: l[options.metric],
        })),
      ),
    ),
  );
}
