// @vitest-environment happy-dom
/**
 * A queued ChartMount hands its draw function the chart on the page; a layer chart whose frame
 * still fits redraws that chart in place (charts/ink.ts), so the element stays the same node and
 * shows exactly what a full draw of the new data shows. After a frame change (morphed in), the
 * next redraw is in place again: the frame moved to the chart on the page.
 */
import { cleanup, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { layerSeriesChart } from "../../src/components/charts/training/layer-series-chart";
import type { ChartRun } from "../../src/components/charts/training/series";
import { ChartMount, type ChartSize } from "../../src/components/widgets/common/ChartMount";
import { layerRuns } from "../helpers/chart-runs";

afterEach(() => cleanup());

const runs = (n: number, scale = 1) =>
  layerRuns(5, n, (l, i, r) => scale * 10 ** (-l / 4 - r) * (0.5 + i / (4 * n)));

describe("ChartMount redraws a training chart in place", () => {
  it("keeps the chart node while the frame fits, and after a frame change", async () => {
    const returned: string[] = [];
    const drawFor = (data: ChartRun[]) => (doc: Document, s: ChartSize, shown?: Element) => {
      const el = layerSeriesChart(data, { metric: "gradNorm", steps: 600, width: s.width }, doc, shown);
      returned.push(el === shown ? "in place" : "new");
      return el;
    };
    const { container, rerender } = render(<ChartMount draw={drawFor(runs(10))} name="g" queued />);
    await waitFor(() => expect(container.querySelector("[data-drawn='true'] svg")).not.toBeNull());
    const node = container.querySelector(".chart-live svg");
    const full = (data: ChartRun[]) =>
      layerSeriesChart(data, { metric: "gradNorm", steps: 600, width: 640 }, document).querySelector(
        '[data-ink="lines"]',
      )?.outerHTML;

    rerender(<ChartMount draw={drawFor(runs(20))} name="g" queued />);
    await waitFor(() => expect(returned).toContain("in place"));
    expect(container.querySelector(".chart-live svg")).toBe(node);
    expect(node?.querySelector('[data-ink="lines"]')?.outerHTML).toBe(full(runs(20)));

    // Values three decades lower: a new y domain, so a new frame, morphed into the same node.
    rerender(<ChartMount draw={drawFor(runs(20, 1e-3))} name="g" queued />);
    await waitFor(() => expect(returned.at(-1)).toBe("new"));
    expect(container.querySelector(".chart-live svg")).toBe(node);

    rerender(<ChartMount draw={drawFor(runs(30, 1e-3))} name="g" queued />);
    await waitFor(() => expect(returned).toHaveLength(4));
    expect(returned).toEqual(["new", "in place", "new", "in place"]);
    expect(node?.querySelector('[data-ink="lines"]')?.outerHTML).toBe(full(runs(30, 1e-3)));
  });
});
