/**
 * Training loss (solid) and held-out loss (dotted) over steps, on a log axis so a plateau and
 * a slow decline are both visible. With several runs, each run gets its own colour.
 */
import { line, plot, ruleX } from "@observablehq/plot";
import { withChartData } from "../chart-data";
import { AXIS_LABEL_MARGINS, asAccessibleImage, CHART_STYLE } from "../chart-svg";
import { colour, SERIES_ROLES } from "../palette";
import { type ChartRun, decadeDomain, decadeLabel, decadeTicks } from "./series";

export interface LossChartOptions {
  readonly width?: number;
  readonly height?: number;
  readonly step?: number;
  readonly steps?: number;
}

interface LossRow {
  readonly run: string;
  readonly step: number;
  readonly value: number;
}

export function lossChart(runs: readonly ChartRun[], options: LossChartOptions, document: Document) {
  const train: LossRow[][] = runs.map((r) =>
    r.points
      .filter((p) => p.loss > 0 && Number.isFinite(p.loss))
      .map((p) => ({ run: r.name, step: p.step, value: p.loss })),
  );
  const test: LossRow[][] = runs.map((r) =>
    r.points
      .filter((p) => p.testLoss > 0 && Number.isFinite(p.testLoss))
      .map((p) => ({ run: r.name, step: p.step, value: p.testLoss })),
  );
  const all = [...train.flat(), ...test.flat()].map((r) => r.value);
  const maxStep = options.steps ?? Math.max(1, ...runs.flatMap((r) => r.points.map((p) => p.step)));
  const domain = decadeDomain(all, [0.01, 1]);
  const el = plot({
    document,
    width: options.width ?? 640,
    height: options.height ?? 220,
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
    marks: [
      ...runs.flatMap((_, i) => {
        const c = colour(SERIES_ROLES[i % SERIES_ROLES.length] ?? "series1");
        return [
          line(train[i] ?? [], { x: "step", y: "value", stroke: c, strokeWidth: 1.5, strokeOpacity: 0.85 }),
          line(test[i] ?? [], { x: "step", y: "value", stroke: c, strokeWidth: 2, strokeDasharray: "2,3" }),
        ];
      }),
      ...(options.step !== undefined
        ? [ruleX([options.step], { stroke: colour("muted"), strokeDasharray: "3,3" })]
        : []),
    ],
  });
  const chart = asAccessibleImage(
    el,
    `Line chart of the training loss (solid) and the held-out loss (dotted) over training steps for ${runs
      .map((r) => r.name)
      .join(" and ")}, on a logarithmic axis.`,
  );
  // Every recorded point, including the non-finite losses of a diverged run the chart leaves out.
  return withChartData(chart, () =>
    runs.flatMap((r) =>
      r.points.map((p) => ({ run: r.name, step: p.step, loss: p.loss, testLoss: p.testLoss })),
    ),
  );
}
