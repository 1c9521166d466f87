/**
 * morphChart (charts/morph-chart.ts): after the morph the chart on the page is exactly the fresh
 * chart (same markup), nodes that did not change are the same nodes (no re-layout of the axes),
 * and a change of shape (another layer, another tick) is taken whole.
 */
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { morphChart } from "../../src/components/charts/morph-chart";
import { layerSeriesChart } from "../../src/components/charts/training/layer-series-chart";
import type { ChartRun } from "../../src/components/charts/training/series";
import { layerRuns } from "../helpers/chart-runs";

const { document } = parseHTML("<!doctype html><html><body></body></html>");
const doc = document as unknown as Document;

const runs = (layers: number, n: number, scale = 1) =>
  layerRuns(layers, n, (l, i, r) => scale * 10 ** (-l / 4 - r) * (1 + i / 40));

const chart = (data: ChartRun[]) => layerSeriesChart(data, { metric: "gradNorm", steps: 600 }, doc);

describe("morphChart", () => {
  test("the shown chart ends up exactly as the fresh one, keeping unchanged nodes", () => {
    const shown = chart(runs(6, 20));
    const texts = Array.from(shown.querySelectorAll("text"));
    const paths = Array.from(shown.querySelectorAll("path"));
    const fresh = chart(runs(6, 30));
    const expected = fresh.outerHTML;
    expect(shown.outerHTML).not.toBe(expected);
    morphChart(shown, fresh);
    expect(shown.outerHTML).toBe(expected);
    // The axes did not move: their text nodes are the very same nodes.
    expect(Array.from(shown.querySelectorAll("text"))).toEqual(texts);
    expect(Array.from(shown.querySelectorAll("path"))).toEqual(paths);
  });

  test("a change of shape (more layers, other ticks) is taken whole", () => {
    const shown = chart(runs(3, 10));
    const fresh = chart(runs(9, 40, 1e-6));
    const expected = fresh.outerHTML;
    morphChart(shown, fresh);
    expect(shown.outerHTML).toBe(expected);
  });

  test("attributes only on the shown chart are removed; text changes are copied", () => {
    const shown = doc.createElement("div");
    shown.innerHTML = '<svg class="a" data-old="1"><text>old</text><g><path d="M0,0"/></g></svg>';
    const fresh = doc.createElement("div");
    fresh.innerHTML = '<svg class="b"><text>new</text><g><path d="M1,1"/></g></svg>';
    const expected = fresh.outerHTML;
    morphChart(shown, fresh);
    expect(shown.outerHTML).toBe(expected);
  });
});
