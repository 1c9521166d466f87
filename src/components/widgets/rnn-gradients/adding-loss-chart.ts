/**
 * Held-out MSE on the adding problem over training steps for the three cells, on a log axis,
 * with the best constant prediction's MSE (1/6) as a dashed rule: a run that stays on the
 * rule has learned nothing about which two numbers to add.
 */
import { line, plot, ruleY, text } from "@observablehq/plot";
import { withChartData } from "../../charts/chart-data";
import { AXIS_LABEL_MARGINS, asAccessibleImage, CHART_STYLE } from "../../charts/chart-svg";
import { colour, SERIES_ROLES } from "../../charts/palette";
import { type ChartRun, runDash } from "../../charts/training/series";
import { fmt } from "../neuron-stepper/format";
import { powerDomain, powerLabel, powerTicks } from "../neuron-stepper/log-ticks";

export interface AddingLossChartOptions {
  readonly width?: number;
  readonly height?: number;
  readonly steps: number;
  readonly baseline: number;
}

interface Row {
  readonly step: number;
  readonly value: number;
}

const finiteRows = (run: ChartRun): Row[] =>
  run.points
    .filter((p) => p.testLoss > 0 && Number.isFinite(p.testLoss))
    .map((p) => ({ step: p.step, value: p.testLoss }));

export function addingLossChart(
  runs: readonly ChartRun[],
  options: AddingLossChartOptions,
  document: Document,
) {
  const rows = runs.map(finiteRows);
  const values = [...rows.flat().map((r) => r.value), options.baseline];
  const width = options.width ?? 640;
  const el = plot({
    document,
    width,
    height: options.height ?? Math.round(Math.min(300, Math.max(220, width * 0.42))),
    ...AXIS_LABEL_MARGINS,
    marginLeft: 56,
    marginRight: 16,
    style: CHART_STYLE,
    x: { domain: [0, options.steps], label: "training step", grid: true },
    y: {
      type: "log",
      label: "held-out MSE",
      grid: true,
      domain: powerDomain(values),
      ticks: powerTicks(values, 7),
      tickFormat: powerLabel,
    },
    marks: [
      ruleY([options.baseline], { stroke: colour("muted"), strokeDasharray: "5 4", strokeWidth: 1.5 }),
      text([{ x: options.steps, y: options.baseline }], {
        x: "x",
        y: "y",
        text: () => `constant prediction, ${fmt(options.baseline)}`,
        textAnchor: "end",
        dy: -7,
        fill: colour("muted"),
      }),
      ...rows.map((r, i) =>
        line(r, {
          x: "step",
          y: "value",
          stroke: colour(SERIES_ROLES[i] ?? "series1"),
          strokeWidth: 2,
          strokeDasharray: runDash(i) ?? undefined,
        }),
      ),
    ],
  });
  const last = runs
    .map((r, i) => {
      const l = rows[i]?.at(-1);
      return `${r.name} ${l ? fmt(l.value) : "not trained yet"}`;
    })
    .join(", ");
  const chart = asAccessibleImage(
    el,
    `Log-scale line chart of the held-out mean squared error on the adding problem over training steps, with the constant-prediction error ${fmt(options.baseline)} as a dashed line. Latest: ${last}.`,
  );
  return withChartData(chart, () =>
    runs.flatMap((r) =>
      r.points.map((p) => ({
        run: r.name,
        step: p.step,
        testMse: p.testLoss,
        baselineMse: options.baseline,
      })),
    ),
  );
}
