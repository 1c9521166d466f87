/**
 * The decision boundary of a 2-D classifier: the network's P(class 1) on a grid as a raster
 * (orange where it says class 1, blue where it says class 0, fainter where it is unsure),
 * with a sample of the training points on top.
 *
 *   boundaryChart(grid, { width }, document)   // grid from training/decision-grid.ts
 *   boundaryChart({ ...grid, values: [] }, …)  // points only (no canvas: build time)
 *
 * Why fixed colours for the raster: Plot paints a raster into a canvas, which needs real RGB
 * values, not the CSS variables the other charts use; the cells are translucent, so the same
 * two hues read on the light and the dark background. The points use the theme's tokens.
 */
import { dot, plot, raster } from "@observablehq/plot";
import type { DecisionGrid } from "../../widgets/training/decision-grid";
import { withChartData } from "../chart-data";
import { asAccessibleImage, CHART_STYLE } from "../chart-svg";
import { colour } from "../palette";

export interface BoundaryChartOptions {
  readonly width?: number;
}

/** Class colours of the raster (the light-mode series-1 and series-2 hues). */
const CLASS0 = "#1f66cc";
const CLASS1 = "#c4461a";

/** Opacity of a cell: 0.08 where the net is unsure (p = 1/2) up to 0.6 where it is certain. */
const confidenceOpacity = (p: number) => 0.08 + 1.04 * Math.abs(p - 0.5);

export function boundaryChart(grid: DecisionGrid, options: BoundaryChartOptions, document: Document) {
  const width = options.width ?? 640;
  const height = Math.round(Math.min(width * 0.75, 380));
  const ofClass = (c: number) => grid.points.filter((p) => p.label === c);
  const hasGrid = grid.values.length === grid.size * grid.size && grid.size > 0;
  const el = plot({
    document,
    width,
    height,
    marginLeft: 44,
    marginRight: 12,
    style: CHART_STYLE,
    x: { domain: [grid.x0, grid.x1], label: "x₁" },
    y: { domain: [grid.y0, grid.y1], label: "x₂" },
    marks: [
      ...(hasGrid
        ? [
            raster(grid.values, {
              width: grid.size,
              height: grid.size,
              // Top row first: y1 is the top edge of the data box (see decision-grid.ts).
              x1: grid.x0,
              x2: grid.x1,
              y1: grid.y1,
              y2: grid.y0,
              fill: (p: number) => (Number.isFinite(p) ? (p >= 0.5 ? CLASS1 : CLASS0) : null),
              fillOpacity: (p: number) => (Number.isFinite(p) ? confidenceOpacity(p) : 0),
              imageRendering: "pixelated",
            }),
          ]
        : []),
      dot(ofClass(0), {
        x: "x",
        y: "y",
        r: 2.5,
        fill: colour("series1"),
        stroke: colour("ink"),
        strokeWidth: 0.5,
      }),
      dot(ofClass(1), {
        x: "x",
        y: "y",
        r: 2.5,
        fill: colour("series2"),
        stroke: colour("ink"),
        strokeWidth: 0.5,
      }),
    ],
  });
  const chart = asAccessibleImage(
    el,
    hasGrid
      ? `Decision boundary at step ${grid.step}: the network's probability of class 1 over the input plane (orange: class 1, blue: class 0, fainter where it is unsure), with ${grid.points.length} training points.`
      : `The ${grid.points.length} training points of the data set, blue for class 0 and orange for class 1.`,
  );
  return withChartData(chart, () => {
    const rows: { kind: string; x: number; y: number; value: number }[] = [];
    for (let row = 0; row < grid.size && hasGrid; row++) {
      for (let col = 0; col < grid.size; col++) {
        rows.push({
          kind: "grid",
          x: grid.x0 + ((col + 0.5) * (grid.x1 - grid.x0)) / grid.size,
          y: grid.y1 - ((row + 0.5) * (grid.y1 - grid.y0)) / grid.size,
          value: grid.values[row * grid.size + col] as number,
        });
      }
    }
    for (const p of grid.points) rows.push({ kind: "point", x: p.x, y: p.y, value: p.label });
    return rows;
  });
}
