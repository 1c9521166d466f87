/**
 * The activation explorer's chart: f and f' on one set of axes, the derivative's peak
 * marked, the saturation band (where f'(x) < threshold) shaded, the reader's point with its
 * tangent line  y = f(x0) + f'(x0) (x - x0).
 *
 * Pure: (data, options, document) -> SVG. The same function draws the build-time static
 * figure (linkedom's document) and the live one (the browser's).
 */
import { dot, line, plot, rect, ruleX, ruleY, text } from "@observablehq/plot";
import { ACTIVATIONS, type ActivationName } from "../../lib/activations";
import {
  type ActivationSample,
  derivativePeak,
  pointOf,
  sampleActivation,
  saturationIntervals,
} from "./activation-data";
import { withChartData } from "./chart-data";
import { asAccessibleImage, CHART_STYLE } from "./chart-svg";
import { colour } from "./palette";

/** The x-range every explorer chart shows; the reader's x lives in it too. */
export const EXPLORER_X_DOMAIN = [-8, 8] as const;

/**
 * The y-range per activation: wide enough for f and f' and the tangent's neighbourhood,
 * tight enough that the sigmoid's 0.25 is not squashed. ReLU-type curves are clipped.
 */
const Y_DOMAINS: { readonly [K in ActivationName]: readonly [number, number] } = {
  sigmoid: [-0.15, 1.15],
  tanh: [-1.2, 1.2],
  relu: [-0.6, 3],
  leakyRelu: [-0.6, 3],
  linear: [-3, 3],
  softsign: [-1.2, 1.2],
};

export interface ActivationChartData {
  readonly activation: ActivationName;
  /** The reader's point. */
  readonly x: number;
  /** Shade where f'(x) < threshold. */
  readonly threshold: number;
}

export interface ActivationChartOptions {
  readonly width?: number;
  readonly height?: number;
}

/** Half-width of the drawn tangent segment, in x units. */
const TANGENT_HALF_WIDTH = 2;

export function activationChart(
  data: ActivationChartData,
  options: ActivationChartOptions,
  document: Document,
): SVGElement | HTMLElement {
  const act = ACTIVATIONS[data.activation];
  const samples = sampleActivation(data.activation, EXPLORER_X_DOMAIN);
  const peak = derivativePeak(samples);
  const bands = saturationIntervals(samples, data.threshold);
  const p = pointOf(data.activation, data.x);
  const tangent: ActivationSample[] = [-TANGENT_HALF_WIDTH, TANGENT_HALF_WIDTH].map((h) => ({
    x: p.x + h,
    y: p.y + p.dy * h,
    dy: p.dy,
  }));
  const [y0, y1] = Y_DOMAINS[data.activation];
  const fLabel = `${act.label}(x)`;
  const dfLabel = `${act.label}′(x)`;

  const el = plot({
    document,
    width: options.width ?? 640,
    height: options.height ?? 360,
    marginLeft: 44,
    marginRight: 16,
    style: CHART_STYLE,
    x: { domain: [...EXPLORER_X_DOMAIN], label: null, grid: true },
    y: { domain: [y0, y1], label: null, grid: true },
    marks: [
      // Saturation band first so the curves draw over it.
      rect(bands, {
        x1: "x1",
        x2: "x2",
        y1: y0,
        y2: y1,
        fill: colour("band"),
        fillOpacity: 0.14,
      }),
      ruleY([data.threshold], { stroke: colour("band"), strokeDasharray: "4 3" }),
      ruleY([0], { stroke: colour("muted") }),
      ruleX([0], { stroke: colour("muted") }),
      line(samples, { x: "x", y: "y", stroke: colour("series1"), strokeWidth: 2.5, clip: true }),
      line(samples, { x: "x", y: "dy", stroke: colour("series2"), strokeWidth: 2.5, clip: true }),
      // Derivative's maximum.
      dot([peak], { x: "x", y: "dy", r: 4, fill: colour("series2") }),
      text([peak], {
        x: "x",
        y: "dy",
        text: () => `max ${act.label}′ = ${act.maxSlope}`,
        dy: -12,
        dx: 6,
        textAnchor: "start",
        fill: colour("series2"),
        fontWeight: 600,
      }),
      // Curve labels near the right end.
      text([samples.at(-1)!], {
        x: "x",
        y: "y",
        text: () => fLabel,
        dy: -10,
        textAnchor: "end",
        fill: colour("series1"),
        fontWeight: 600,
        clip: true,
      }),
      text([samples.at(-1)!], {
        x: "x",
        y: "dy",
        text: () => dfLabel,
        dy: -16,
        textAnchor: "end",
        fill: colour("series2"),
        fontWeight: 600,
        clip: true,
      }),
      // The reader's point: where x is, its value, its slope, and the tangent.
      ruleX([p.x], { stroke: colour("ink"), strokeOpacity: 0.5 }),
      line(tangent, {
        x: "x",
        y: "y",
        stroke: colour("ink"),
        strokeWidth: 1.5,
        strokeDasharray: "6 4",
        clip: true,
      }),
      dot([p], { x: "x", y: "y", r: 6, fill: colour("series1"), stroke: colour("ink"), clip: true }),
      dot([p], { x: "x", y: "dy", r: 6, fill: colour("series2"), stroke: colour("ink"), clip: true }),
      text([{ x: EXPLORER_X_DOMAIN[0], y: data.threshold }], {
        x: "x",
        y: "y",
        text: () => `${act.label}′ = ${data.threshold}`,
        dx: 4,
        dy: -7,
        textAnchor: "start",
        fill: colour("band"),
      }),
    ],
  });
  const chart = asAccessibleImage(
    el,
    `Chart of ${fLabel} and its derivative for x from ${EXPLORER_X_DOMAIN[0]} to ${EXPLORER_X_DOMAIN[1]}, ` +
      `with the point x = ${round(p.x)} marked and its tangent line; the derivative is largest, ` +
      `${act.maxSlope}, at x = ${round(peak.x)}; shaded where the derivative is below ${data.threshold}.`,
  );
  // The curves (f and f′ sampled through the core), flagged where the slope is below the threshold.
  return withChartData(chart, () =>
    samples.map((s) => ({
      activation: data.activation,
      x: s.x,
      f: s.y,
      df: s.dy,
      saturated: s.dy < data.threshold,
    })),
  );
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
