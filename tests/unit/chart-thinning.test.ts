/**
 * A layer chart with many lines draws fewer points per line (CHART_POINT_BUDGET), so a redraw
 * stays cheap while a deep comparison trains; it keeps each line's first and last point, and
 * its exported data keeps every point.
 */
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { chartDataOf } from "../../src/components/charts/chart-data";
import { layerSeriesChart } from "../../src/components/charts/training/layer-series-chart";
import { CHART_POINT_BUDGET, thinEvenly } from "../../src/components/charts/training/series";
import { layerRuns } from "../helpers/chart-runs";

const doc = () => parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;

describe("thinEvenly", () => {
  test("keeps short lists whole", () => {
    const xs = [1, 2, 3];
    expect(thinEvenly(xs, 3)).toBe(xs);
    expect(thinEvenly(xs, 10)).toBe(xs);
  });
  test("keeps the first and the last, evenly spaced, no repeats", () => {
    const xs = Array.from({ length: 101 }, (_, i) => i);
    expect(thinEvenly(xs, 11)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    const t = thinEvenly(xs, 37);
    expect(t).toHaveLength(37);
    expect(t[0]).toBe(0);
    expect(t[36]).toBe(100);
    expect(new Set(t).size).toBe(37);
    expect([...t].sort((a, b) => a - b)).toEqual(t);
  });
  test("never fewer than two", () => {
    expect(thinEvenly([5, 6, 7, 8], 1)).toEqual([5, 8]);
  });
});

const runs = (layers: number, n: number) =>
  layerRuns(layers, n, (l, i, r) => 10 ** (-l / 3 - r) * (1 + i / n));

/** Vertices per drawn line: Plot draws each line as one path of M/L commands (grid lines: 2). */
function vertices(el: Element): number[] {
  return [...el.querySelectorAll("path")]
    .map((p) => p.getAttribute("d") ?? "")
    .filter((d) => d.startsWith("M") && d.includes("L"))
    .map((d) => (d.match(/[ML]/g) ?? []).length)
    .filter((n) => n > 2);
}

describe("layer series chart: point budget", () => {
  test("a dashboard's few lines keep every point", () => {
    const el = layerSeriesChart(runs(4, 100).slice(0, 1), { metric: "gradNorm", steps: 600 }, doc());
    expect(vertices(el)).toEqual([100, 100, 100, 100]);
  });

  test("a 21-layer comparison stays within the budget; the export keeps every point", () => {
    const data = runs(21, 100);
    const el = layerSeriesChart(data, { metric: "gradNorm", steps: 600 }, doc());
    const v = vertices(el);
    expect(v).toHaveLength(2 * 21);
    expect(v.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(CHART_POINT_BUDGET);
    expect(Math.min(...v)).toBeGreaterThanOrEqual(24);
    expect(chartDataOf(el)).toHaveLength(2 * 100 * 21);
  });
});
