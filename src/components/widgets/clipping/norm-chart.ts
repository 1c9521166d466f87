/**
 * The global gradient norm per step on a log axis for the two runs: the unclipped run's norm
 * (solid), the clipped run's norm before clipping (dashed) and after (dotted), with the
 * threshold c as a rule. Steps whose norm is not finite are left out (the run has diverged).
 */
import { plot, ruleY } from "@observablehq/plot";
import { withChartData } from "../../charts/chart-data";
import { AXIS_LABEL_MARGINS, asAccessibleImage, CHART_STYLE } from "../../charts/chart-svg";
import { drawInk, type Ink, redrawInk } from "../../charts/ink";
import { colour } from "../../charts/palette";
import type { ChartRun } from "../../charts/training/series";
import { fmt } from "../neuron-stepper/format";
import { powerDomain, powerLabel, powerTicks } from "../neuron-stepper/log-ticks";

export interface NormChartOptions {
  readonly width?: number;
  readonly height?: number;
  readonly steps: number;
  /** Threshold c of the clipped run (null: no rule, e.g. value clipping has no norm cap). */
  readonly threshold: number | null;
}

interface Row {
  readonly step: number;
  readonly value: number;
}

const rows = (
  run: ChartRun | undefined,
  pick: (p: ChartRun["points"][number]) => number | undefined,
): Row[] =>
  (run?.points ?? [])
    .map((p) => ({ step: p.step, value: pick(p) ?? Number.NaN }))
    .filter((r) => r.value > 0 && Number.isFinite(r.value));

/**
 * runs[0]: unclipped; runs[1]: clipped. Drawn as a Plot frame with ink (charts/ink.ts): given
 * `shown`, the chart on the page, whose frame still fits, it redraws that chart's lines in place.
 */
export function clipNormChart(
  runs: readonly ChartRun[],
  options: NormChartOptions,
  document: Document,
  shown?: Element | null,
): SVGElement | HTMLElement {
  const plain = rows(runs[0], (p) => p.gradNorm);
  const pre = rows(runs[1], (p) => p.gradNorm);
  const post = rows(runs[1], (p) => p.clippedGradNorm);
  const values = [...plain, ...pre, ...post].map((r) => r.value);
  if (options.threshold !== null) values.push(options.threshold);
  const width = options.width ?? 640;
  const height = options.height ?? Math.round(Math.min(300, Math.max(220, width * 0.42)));
  // Before any step there is nothing to scale by: one decade either side of 1.
  const domain = powerDomain(values) ?? [0.1, 10];
  const ticks = powerTicks(values, 7);
  const maxOf = (r: Row[]) => (r.length ? fmt(Math.max(...r.map((x) => x.value))) : "no steps yet");
  const xy = (r: readonly Row[]) => r.map((p) => ({ x: p.step, y: p.value }));
  const ink: Ink = {
    description: `Log-scale line chart of the global gradient norm per training step: unclipped run (largest ${maxOf(plain)}), clipped run before clipping (largest ${maxOf(pre)}) and after clipping (largest ${maxOf(post)}).`,
    lines: [
      { stroke: colour("series1"), dash: null, width: 2, points: xy(plain) },
      { stroke: colour("series2"), dash: "6,3", points: xy(pre) },
      { stroke: colour("series3"), dash: "2,3", width: 2, points: xy(post) },
    ],
    strokeWidth: 1.5,
  };
  // Every recorded step of both runs, non-finite norms included (the chart leaves them out).
  const data = () =>
    runs.slice(0, 2).flatMap((r, i) =>
      r.points.map((p) => ({
        run: r.name,
        clipped: i === 1,
        step: p.step,
        gradNorm: p.gradNorm,
        clippedGradNorm: p.clippedGradNorm ?? p.gradNorm,
      })),
    );

  const key = JSON.stringify(["clip-norms", width, height, options.steps, domain, ticks, options.threshold]);
  if (shown && redrawInk(shown, key, ink)) return withChartData(shown as SVGElement, data);

  const el = plot({
    document,
    width,
    height,
    ...AXIS_LABEL_MARGINS,
    marginLeft: 56,
    marginRight: 16,
    style: CHART_STYLE,
    x: { domain: [0, options.steps], label: "training step", grid: true },
    y: {
      type: "log",
      label: "‖g‖ (global gradient norm)",
      grid: true,
      domain,
      ticks,
      tickFormat: powerLabel,
    },
    marks:
      options.threshold !== null
        ? [ruleY([options.threshold], { stroke: colour("muted"), strokeDasharray: "5 4", strokeWidth: 1.5 })]
        : [],
  });
  const chart = asAccessibleImage(el, ink.description ?? "");
  drawInk(chart, key, ink);
  return withChartData(chart, data);
}
