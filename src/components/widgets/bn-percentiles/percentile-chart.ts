/**
 * The 15th, 50th and 85th percentiles of one sigmoid unit's input over training, for two runs
 * (without and with batch norm): colour per run, the median thick, the outer percentiles thin
 * (no shaded band: Plot's area mark would add 2.7 KB of page JavaScript).
 */
import { line, plot, ruleY } from "@observablehq/plot";
import { withChartData } from "../../charts/chart-data";
import { AXIS_LABEL_MARGINS, asAccessibleImage, CHART_STYLE } from "../../charts/chart-svg";
import { colour, SERIES_ROLES } from "../../charts/palette";
import type { PercentileTrace } from "./trace";

export interface PercentileRun {
  readonly name: string;
  readonly trace: PercentileTrace;
}

export interface PercentileChartOptions {
  /** 0-based unit of the last hidden layer. */
  readonly unit: number;
  readonly width?: number;
  readonly height?: number;
}

export function percentileChart(
  runs: readonly PercentileRun[],
  options: PercentileChartOptions,
  document: Document,
) {
  const perRun = runs.map((r) =>
    (r.trace.units[options.unit] ?? []).map(([lo, mid, hi], k) => ({
      step: r.trace.steps[k] ?? 0,
      lo,
      mid,
      hi,
    })),
  );
  const marks = runs.flatMap((_, i) => {
    const c = colour(SERIES_ROLES[i] ?? "series1");
    const rows = perRun[i] ?? [];
    return [
      line(rows, { x: "step", y: "lo", stroke: c, strokeWidth: 1 }),
      line(rows, { x: "step", y: "hi", stroke: c, strokeWidth: 1 }),
      line(rows, { x: "step", y: "mid", stroke: c, strokeWidth: 2.5 }),
    ];
  });
  const el = plot({
    document,
    width: options.width ?? 640,
    height: options.height ?? 240,
    ...AXIS_LABEL_MARGINS,
    marginLeft: 48,
    marginRight: 12,
    style: CHART_STYLE,
    x: { label: "step", grid: true },
    y: { label: "input of the sigmoid", grid: true },
    marks: [ruleY([0], { stroke: colour("muted") }), ...marks],
  });
  const chart = asAccessibleImage(
    el,
    `Line chart over training steps of the 15th, 50th and 85th percentiles of the input to unit ${options.unit + 1} of the last hidden layer's sigmoid, for ${runs.map((r) => r.name).join(" and ")}.`,
  );
  return withChartData(chart, () =>
    runs.flatMap((r, i) =>
      (perRun[i] ?? []).map((p) => ({
        run: r.name,
        unit: options.unit + 1,
        step: p.step,
        p15: p.lo,
        p50: p.mid,
        p85: p.hi,
      })),
    ),
  );
}
