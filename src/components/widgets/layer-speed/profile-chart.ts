/**
 * Per-layer gradient norms ‖∂L/∂W^l‖ against the layer index, on a log scale: one line for the
 * first recorded step (the network as initialised) and one for the latest. Layer H + 1 is the
 * output layer. Pure: (data, options, document) -> SVG, for the static figure and the live one.
 */
import { dot, line, plot } from "@observablehq/plot";
import type { TrainingPoint } from "../../../lib/findings";
import { withChartData } from "../../charts/chart-data";
import { AXIS_LABEL_MARGINS, asAccessibleImage, CHART_STYLE } from "../../charts/chart-svg";
import { colour } from "../../charts/palette";
import { fmt } from "../neuron-stepper/format";
import { powerDomain, powerLabel, powerTicks } from "../neuron-stepper/log-ticks";

export interface ProfileData {
  readonly first: TrainingPoint | undefined;
  readonly last: TrainingPoint | undefined;
}

export interface ProfileOptions {
  readonly width?: number;
  readonly height?: number;
}

export function layerProfileChart(data: ProfileData, options: ProfileOptions, document: Document) {
  const series = [
    { name: "first step", p: data.first },
    { name: "latest step", p: data.last },
  ];
  const rows = series.flatMap(({ name, p }) =>
    (p?.layers ?? [])
      .map((l, i) => ({ series: name, layer: i + 1, value: l.gradNorm }))
      .filter((r) => r.value > 0 && Number.isFinite(r.value)),
  );
  const layers = data.first?.layers.length ?? 1;
  const values = rows.map((r) => r.value);
  const width = options.width ?? 640;
  const el = plot({
    document,
    width,
    height: options.height ?? Math.round(Math.min(320, Math.max(220, width * 0.45))),
    ...AXIS_LABEL_MARGINS,
    marginLeft: 56,
    marginRight: 16,
    style: CHART_STYLE,
    x: {
      domain: [0.5, layers + 0.5],
      ticks: Array.from({ length: layers }, (_, i) => i + 1),
      tickFormat: (l: number) => (l === layers ? "out" : String(l)),
      label: "layer (1 = first hidden, out = output)",
    },
    y: {
      type: "log",
      label: "‖∂L/∂W‖",
      grid: true,
      domain: powerDomain(values),
      ticks: powerTicks(values),
      tickFormat: powerLabel,
    },
    color: {
      domain: ["first step", "latest step"],
      range: [colour("muted"), colour("series1")],
      legend: false,
    },
    marks: [
      line(rows, { x: "layer", y: "value", stroke: "series", strokeWidth: 2 }),
      dot(rows, { x: "layer", y: "value", fill: "series", r: 3.5 }),
    ],
  });
  const describe = (p: TrainingPoint | undefined) =>
    p ? p.layers.map((l) => fmt(l.gradNorm)).join(", ") : "none";
  const chart = asAccessibleImage(
    el,
    `Gradient norm of each layer's weights, log scale. First step: ${describe(data.first)}. Latest step (${data.last?.step ?? 0}): ${describe(data.last)}.`,
  );
  // Both profiles, every layer (the last is the output layer), non-finite norms included.
  return withChartData(chart, () =>
    series.flatMap(({ name, p }) =>
      (p?.layers ?? []).map((l, i) => ({
        series: name,
        step: p?.step ?? null,
        layer: i + 1,
        output: i + 1 === layers,
        gradNorm: l.gradNorm,
      })),
    ),
  );
}
