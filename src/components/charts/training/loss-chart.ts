/**
 * Training loss (solid) and held-out loss (dotted) over steps, on a log axis so a plateau and
 * a slow decline are both visible. With several runs, each run gets its own colour.
 *
 * Drawn as a Plot frame with ink (charts/ink.ts): given `shown`, the chart on the page, whose
 * frame still fits (size, domains, step, runs), it redraws that chart's lines in place.
 */
import { plot, ruleX } from "@observablehq/plot";
import { withChartData } from "../chart-data";
import { AXIS_LABEL_MARGINS, asAccessibleImage, CHART_STYLE } from "../chart-svg";
import { drawInk, type Ink, redrawInk } from "../ink";
import { colour, SERIES_ROLES } from "../palette";
import { type ChartRun, coverDomain, decadeDomain, decadeLabel, decadeTicks } from "./series";

export interface LossChartOptions {
  readonly width?: number;
  readonly height?: number;
  readonly step?: number;
  readonly steps?: number;
  /** A y domain to cover at least (coverDomain), e.g. lossDomain of the whole run. */
  readonly yDomain?: readonly [number, number];
}

/** The loss axis's domain for these runs: the decades of every finite training and held-out loss. */
export function lossDomain(runs: readonly ChartRun[]): [number, number] {
  const values: number[] = [];
  for (const r of runs) for (const p of r.points) values.push(p.loss, p.testLoss);
  return decadeDomain(
    values.filter((v) => v > 0 && Number.isFinite(v)),
    [0.01, 1],
  );
}

export function lossChart(
  runs: readonly ChartRun[],
  options: LossChartOptions,
  document: Document,
  shown?: Element | null,
): SVGElement | HTMLElement {
  const finite = (v: number) => v > 0 && Number.isFinite(v);
  const train = runs.map((r) =>
    r.points.filter((p) => finite(p.loss)).map((p) => ({ x: p.step, y: p.loss })),
  );
  const test = runs.map((r) =>
    r.points.filter((p) => finite(p.testLoss)).map((p) => ({ x: p.step, y: p.testLoss })),
  );
  const maxStep = options.steps ?? Math.max(1, ...runs.flatMap((r) => r.points.map((p) => p.step)));
  const domain = coverDomain(lossDomain(runs), options.yDomain);
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  const description = `Line chart of the training loss (solid) and the held-out loss (dotted) over training steps for ${runs
    .map((r) => r.name)
    .join(" and ")}, on a logarithmic axis.`;
  const ink: Ink = {
    lines: runs.flatMap((_, i) => {
      const c = colour(SERIES_ROLES[i % SERIES_ROLES.length] ?? "series1");
      return [
        { stroke: c, dash: null, opacity: 0.85, points: train[i] ?? [] },
        { stroke: c, dash: "2,3", width: 2, points: test[i] ?? [] },
      ];
    }),
    strokeWidth: 1.5,
  };
  // Every recorded point, including the non-finite losses of a diverged run the chart leaves out.
  const data = () =>
    runs.flatMap((r) =>
      r.points.map((p) => ({ run: r.name, step: p.step, loss: p.loss, testLoss: p.testLoss })),
    );

  const key = JSON.stringify(["loss", width, height, maxStep, domain, options.step, description]);
  if (shown && redrawInk(shown, key, ink)) return withChartData(shown as SVGElement, data);

  const el = plot({
    document,
    width,
    height,
    ...AXIS_LABEL_MARGINS,
    marginLeft: 56,
    marginRight: 12,
    style: CHART_STYLE,
    x: { domain: [0, maxStep], label: "step", grid: true },
    y: {
      type: "log",
      domain,
      label: "loss",
      grid: true,
      tickFormat: decadeLabel,
      ticks: domain[1] / domain[0] > 100 ? decadeTicks(domain, 6) : undefined,
    },
    marks:
      options.step !== undefined
        ? [ruleX([options.step], { stroke: colour("muted"), strokeDasharray: "3,3" })]
        : [],
  });
  const chart = asAccessibleImage(el, description);
  drawInk(chart, key, ink);
  return withChartData(chart, data);
}
