/**
 * The gradient chain's chart: |dL/db_l| for every layer l on a log scale, with the bound
 * max f' (|w| max f')^(L−l) |dL/da_L| drawn beside it as a dashed line. A straight line on
 * this scale is exponential decay (or growth) with depth.
 *
 * Pure: (view, options, document) -> SVG, for the build-time static figure and the live one.
 */
import { dot, line, plot } from "@observablehq/plot";
import { withChartData } from "../../charts/chart-data";
import { AXIS_LABEL_MARGINS, asAccessibleImage, CHART_STYLE } from "../../charts/chart-svg";
import { colour } from "../../charts/palette";
import { fmt } from "../neuron-stepper/format";
import { powerDomain, powerLabel, powerTicks } from "../neuron-stepper/log-ticks";
import type { ChainView } from "./chain-view";

export interface ChainChartOptions {
  readonly width?: number;
  readonly height?: number;
}

export function gradientChainChart(view: ChainView, options: ChainChartOptions, document: Document) {
  // Zeros (a chain cut by w = 0) and underflow cannot sit on a log scale: leave them out.
  const measured = view.rows.filter((r) => r.grad > 0 && Number.isFinite(r.grad));
  const bound = view.rows.filter((r) => r.bound > 0 && Number.isFinite(r.bound));
  const depth = view.rows.length;
  const shown = [...measured.map((r) => r.grad), ...bound.map((r) => r.bound)];
  const width = options.width ?? 640;
  const el = plot({
    document,
    width,
    height: options.height ?? Math.round(Math.min(340, Math.max(240, width * 0.5))),
    marginLeft: 56,
    marginRight: 16,
    ...AXIS_LABEL_MARGINS,
    style: CHART_STYLE,
    x: {
      domain: [0.5, Math.max(depth, 2) + 0.5],
      label: "layer (1 = nearest the input)",
      grid: true,
      ticks: Math.min(depth, 15),
    },
    y: {
      type: "log",
      label: "|∂L/∂b| per layer",
      grid: true,
      domain: powerDomain(shown),
      ticks: powerTicks(shown),
      tickFormat: powerLabel,
    },
    marks: [
      line(bound, {
        x: "layer",
        y: "bound",
        stroke: colour("muted"),
        strokeDasharray: "5 4",
        strokeWidth: 1.5,
      }),
      line(measured, { x: "layer", y: "grad", stroke: colour("series1"), strokeWidth: 2 }),
      dot(measured, { x: "layer", y: "grad", r: 3.5, fill: colour("series1") }),
    ],
  });
  const first = view.rows[0];
  const last = view.rows[depth - 1];
  const chart = asAccessibleImage(
    el,
    `Gradient size per layer, log scale: ${depth} layers, |∂L/∂b| = ${fmt(first?.grad ?? Number.NaN)} in layer 1 and ${fmt(last?.grad ?? Number.NaN)} in layer ${depth}; the dashed line is the bound.`,
  );
  // All layers, zeros and underflow included (the log axis leaves them out).
  return withChartData(
    chart,
    view.rows.map((r) => ({
      layer: r.layer,
      z: r.z,
      slope: r.slope,
      factor: r.factor,
      grad: r.grad,
      bound: r.bound,
    })),
  );
}
