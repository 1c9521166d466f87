/**
 * The playground's decision-boundary chart: its raster pixels (class colour by the side of 1/2,
 * confidence as alpha, non-finite cells transparent), and its redraw in place: a new grid over
 * the same points and box changes only the raster and the description of the chart on the page,
 * which then equals a full draw; another data set or size is a new frame.
 */
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { chartDataOf } from "../../src/components/charts/chart-data";
import { boundaryChart, boundaryPixels } from "../../src/components/charts/training/boundary-chart";
import type { DecisionGrid } from "../../src/components/widgets/training/decision-grid";

const { document } = parseHTML("<!doctype html><html><body></body></html>");
const doc = document as unknown as Document;

const points = Array.from({ length: 40 }, (_, i) => ({
  x: Math.cos(i) * 2,
  y: Math.sin(i * 1.3) * 1.5,
  label: i % 2,
}));
const grid = (step: number, size = 4, pts = points): DecisionGrid => ({
  size,
  x0: -2,
  x1: 2,
  y0: -1.5,
  y1: 1.5,
  values: Array.from({ length: size * size }, (_, i) => ((i * step) % 7) / 7),
  points: pts,
  step,
});

describe("boundaryPixels", () => {
  test("class colour by the side of 1/2, confidence as alpha, non-finite transparent", () => {
    const px = boundaryPixels({ ...grid(1, 2), values: [0.5, 1, 0, Number.NaN] });
    // p = 0.5: class 1's colour (#c4461a) at the least opacity, 0.08.
    expect([...px.slice(0, 4)]).toEqual([0xc4, 0x46, 0x1a, Math.round(255 * 0.08)]);
    // p = 1: class 1, opacity 0.08 + 1.04 / 2 = 0.6.
    expect([...px.slice(4, 8)]).toEqual([0xc4, 0x46, 0x1a, Math.round(255 * 0.6)]);
    // p = 0: class 0 (#1f66cc), as certain.
    expect([...px.slice(8, 12)]).toEqual([0x1f, 0x66, 0xcc, Math.round(255 * 0.6)]);
    expect([...px.slice(12, 16)]).toEqual([0, 0, 0, 0]);
  });
});

describe("boundaryChart redrawn in place", () => {
  test("a new grid over the same frame updates the shown chart into the full draw", () => {
    const shown = boundaryChart(grid(1), {}, doc);
    const dots = Array.from(shown.querySelectorAll("circle"));
    expect(dots).toHaveLength(40);
    expect(boundaryChart(grid(3), {}, doc, shown)).toBe(shown);
    expect(shown.outerHTML).toBe(boundaryChart(grid(3), {}, doc).outerHTML);
    expect(shown.getAttribute("aria-label")).toContain("at step 3");
    // The points were not redrawn, and the export follows the new grid.
    expect(Array.from(shown.querySelectorAll("circle"))).toEqual(dots);
    expect(chartDataOf(shown)?.filter((r) => r.kind === "grid")[5]?.value).toBe(grid(3).values[5]);
  });

  test("the raster sits under the points, over the grid's box", () => {
    const chart = boundaryChart(grid(2), {}, doc);
    const image = chart.querySelector('[data-ink="raster"]')!;
    const firstDot = chart.querySelector("circle")!;
    // In document order the image comes first: painted first, under the points.
    expect(image.compareDocumentPosition(firstDot) & 4).toBe(4);
    const x = Number(image.getAttribute("x"));
    const w = Number(image.getAttribute("width"));
    expect(x).toBeGreaterThan(0);
    expect(x + w).toBeLessThanOrEqual(640);
  });

  test("another data set, size or box is a new frame", () => {
    const shown = boundaryChart(grid(1), {}, doc);
    const before = shown.outerHTML;
    const moved = points.map((p, i) => (i === 7 ? { ...p, x: p.x + 0.1 } : p));
    expect(boundaryChart(grid(1, 4, moved), {}, doc, shown)).not.toBe(shown);
    expect(boundaryChart(grid(1), { width: 400 }, doc, shown)).not.toBe(shown);
    expect(boundaryChart({ ...grid(1), x1: 3 }, {}, doc, shown)).not.toBe(shown);
    expect(shown.outerHTML).toBe(before);
  });
});
