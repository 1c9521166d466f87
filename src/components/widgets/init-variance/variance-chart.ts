/**
 * Per-layer variance at initialisation, one line per scheme, on a log axis:
 * activations (forwards, layer 1 → L) or gradients ∂L/∂z (backwards, arriving at layer 1).
 */
import { dot, line, plot } from "@observablehq/plot";
import { withChartData } from "../../charts/chart-data";
import { AXIS_LABEL_MARGINS, asAccessibleImage, CHART_STYLE } from "../../charts/chart-svg";
import { colour, SERIES_ROLES } from "../../charts/palette";
import { decadeDomain, decadeLabel, decadeTicks } from "../../charts/training/series";
import { schemeLabel, VARIANCE_SCHEMES, type VarianceResults } from "./state";

export interface VarianceChartOptions {
  readonly kind: "activation" | "gradient";
  readonly width?: number;
  readonly height?: number;
}

export function varianceChart(results: VarianceResults, options: VarianceChartOptions, document: Document) {
  const series = VARIANCE_SCHEMES.map((s, i) => ({
    scheme: s,
    colour: colour(SERIES_ROLES[i] ?? "series1"),
    rows: (results[s] ?? [])
      .map((r) => ({ layer: r.layer, value: options.kind === "activation" ? r.activation : r.gradient }))
      .filter((r) => r.value > 0 && Number.isFinite(r.value)),
  }));
  const all = series.flatMap((s) => s.rows.map((r) => r.value));
  const depth = Math.max(2, ...series.flatMap((s) => s.rows.map((r) => r.layer)));
  const domain = decadeDomain(all, [1e-6, 1]);
  const el = plot({
    document,
    width: options.width ?? 640,
    height: options.height ?? 240,
    ...AXIS_LABEL_MARGINS,
    marginLeft: 56,
    marginRight: 12,
    style: CHART_STYLE,
    x: { domain: [1, depth], label: "hidden layer", grid: true },
    y: {
      type: "log",
      domain,
      label: options.kind === "activation" ? "Var[activation]" : "Var[∂L/∂z]",
      grid: true,
      tickFormat: decadeLabel,
      ticks: decadeTicks(domain, 7),
    },
    marks: series.flatMap((s) => [
      line(s.rows, { x: "layer", y: "value", stroke: s.colour, strokeWidth: 2 }),
      dot(s.rows, { x: "layer", y: "value", fill: s.colour, r: 2.5 }),
    ]),
  });
  const chart = asAccessibleImage(
    el,
    `Line chart of the ${options.kind === "activation" ? "activation" : "gradient"} variance per hidden layer (1 to ${depth}) at initialisation, on a logarithmic axis, for ${VARIANCE_SCHEMES.map(schemeLabel).join(", ")} initialisation.`,
  );
  const column = options.kind === "activation" ? "activationVariance" : "gradientVariance";
  return withChartData(chart, () =>
    VARIANCE_SCHEMES.flatMap((s) =>
      (results[s] ?? []).map((r) => ({
        scheme: s,
        layer: r.layer,
        [column]: options.kind === "activation" ? r.activation : r.gradient,
      })),
    ),
  );
}
