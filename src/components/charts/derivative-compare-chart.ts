/**
 * All activations' derivatives on one chart: where each is large, where it vanishes.
 * Pure: (data, options, document) -> SVG; build time and browser share it.
 */
import { line, plot, ruleY } from "@observablehq/plot";
import { ACTIVATIONS, type ActivationName } from "../../lib/activations";
import { sampleActivation } from "./activation-data";
import { type ChartRow, withChartData } from "./chart-data";
import { asAccessibleImage, CHART_STYLE } from "./chart-svg";
import { type ColourRole, colour, type SERIES_ROLES } from "./palette";

/** The activations the comparison can show, each with a fixed colour and dash (not colour alone). */
export const COMPARE_SERIES = [
  { name: "sigmoid", role: "series2", dash: null },
  { name: "tanh", role: "series1", dash: "8 3" },
  { name: "relu", role: "series3", dash: "2 3" },
  { name: "leakyRelu", role: "series4", dash: "10 3 2 3" },
  { name: "softsign", role: "series5", dash: "4 4" },
] as const satisfies ReadonlyArray<{
  name: ActivationName;
  role: (typeof SERIES_ROLES)[number];
  dash: string | null;
}>;
export type CompareName = (typeof COMPARE_SERIES)[number]["name"];

export const COMPARE_X_DOMAIN = [-6, 6] as const;

export interface DerivativeCompareData {
  /** Which series to draw, in COMPARE_SERIES order. */
  readonly shown: readonly CompareName[];
}

export interface DerivativeCompareOptions {
  readonly width?: number;
  readonly height?: number;
}

export function seriesStyle(name: CompareName): { role: ColourRole; dash: string | null } {
  const s = COMPARE_SERIES.find((c) => c.name === name)!;
  return { role: s.role, dash: s.dash };
}

export function derivativeCompareChart(
  data: DerivativeCompareData,
  options: DerivativeCompareOptions,
  document: Document,
): SVGElement | HTMLElement {
  const series = COMPARE_SERIES.filter((s) => data.shown.includes(s.name));
  // No labels at the curves' ends: several end at the same height (ReLU and leaky ReLU at 1,
  // sigmoid and tanh near 0) and would overprint. The widget's legend names each curve by
  // colour and dash, so the chart is readable in greyscale too.
  const samples = series.map((s) => sampleActivation(s.name, COMPARE_X_DOMAIN, 480));
  const marks = series.map((s, i) =>
    line(samples[i] ?? [], {
      x: "x",
      y: "dy",
      stroke: colour(s.role),
      strokeWidth: 2.5,
      strokeDasharray: s.dash ?? undefined,
    }),
  );
  const el = plot({
    document,
    width: options.width ?? 640,
    height: options.height ?? 300,
    marginLeft: 40,
    marginRight: 16,
    style: CHART_STYLE,
    x: { domain: [...COMPARE_X_DOMAIN], label: null, grid: true },
    y: { domain: [-0.05, 1.1], label: "f′(x)", grid: true },
    marks: [
      ruleY([0], { stroke: colour("muted") }),
      ruleY([0.25], { stroke: colour("muted"), strokeDasharray: "3 3" }),
      ...marks,
    ],
  });
  const names = series.map((s) => ACTIVATIONS[s.name].label).join(", ");
  const rows = (): ChartRow[] =>
    series.flatMap((s, i) => (samples[i] ?? []).map((p) => ({ activation: s.name, x: p.x, df: p.dy })));
  const chart = asAccessibleImage(
    el,
    series.length === 0
      ? "Empty chart: no activation selected."
      : `Derivatives of ${names} for x from ${COMPARE_X_DOMAIN[0]} to ${COMPARE_X_DOMAIN[1]}; dashed line at 0.25, the sigmoid's largest slope.`,
  );
  return withChartData(chart, rows);
}
