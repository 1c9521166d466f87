/**
 * The decision boundary of a 2-D classifier: the network's P(class 1) on a grid as a raster
 * (orange where it says class 1, blue where it says class 0, fainter where it is unsure),
 * with a sample of the training points on top.
 *
 *   boundaryChart(grid, { width }, document)   // grid from training/decision-grid.ts
 *   boundaryChart({ ...grid, values: [] }, …)  // points only (no canvas: build time)
 *
 * Why fixed colours for the raster: it is painted into a canvas, which needs real RGB values,
 * not the CSS variables the other charts use; the cells are translucent, so the same
 * two hues read on the light and the dark background. The points use the theme's tokens.
 */
import { dot, plot } from "@observablehq/plot";
import type { DecisionGrid } from "../../widgets/training/decision-grid";
import { withChartData } from "../chart-data";
import { asAccessibleImage, CHART_STYLE } from "../chart-svg";
import { frameScales, px, rememberFrame, type Scales, setAttributes } from "../ink";
import { colour } from "../palette";

export interface BoundaryChartOptions {
  readonly width?: number;
}

/** Class colours of the raster (the light-mode series-1 and series-2 hues). */
const CLASS0 = "#1f66cc";
const CLASS1 = "#c4461a";

/** Opacity of a cell: 0.08 where the net is unsure (p = 1/2) up to 0.6 where it is certain. */
const confidenceOpacity = (p: number) => 0.08 + 1.04 * Math.abs(p - 0.5);

const rgb = (hex: string): [number, number, number] => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
];

/**
 * The grid as RGBA pixels, one per cell, top row first: the class colour where P(class 1) is
 * on that side of 1/2, with the cell's confidence as alpha; transparent where it is not finite.
 */
export function boundaryPixels(grid: DecisionGrid): Uint8ClampedArray {
  const px = new Uint8ClampedArray(grid.size * grid.size * 4);
  const c0 = rgb(CLASS0);
  const c1 = rgb(CLASS1);
  for (let i = 0; i < grid.size * grid.size; i++) {
    const p = grid.values[i] as number;
    if (!Number.isFinite(p)) continue;
    const c = p >= 0.5 ? c1 : c0;
    px.set([c[0], c[1], c[2], Math.round(255 * confidenceOpacity(p))], 4 * i);
  }
  return px;
}

/** The grid as a PNG data URL, or null where the document cannot paint a canvas (build time). */
function boundaryImage(grid: DecisionGrid, document: Document): string | null {
  const canvas = document.createElement("canvas") as HTMLCanvasElement;
  const context = typeof canvas.getContext === "function" ? canvas.getContext("2d") : null;
  if (!context || typeof canvas.toDataURL !== "function") return null;
  canvas.width = grid.size;
  canvas.height = grid.size;
  const image = context.createImageData(grid.size, grid.size);
  image.data.set(boundaryPixels(grid));
  context.putImageData(image, 0, 0);
  return canvas.toDataURL();
}

/** A cheap fingerprint of the training points, so another data set is another frame. */
function pointsKey(points: DecisionGrid["points"]): string {
  let h = 0;
  for (const p of points)
    h = (h * 31 + Math.round(p.x * 1e4) * 7 + Math.round(p.y * 1e4) * 3 + p.label) % 2147483647;
  return `${points.length}:${h}`;
}

/**
 * Drawn as a Plot frame (axes and the training points, which do not change while a run trains)
 * with the grid as this project's own raster image under the points (charts/ink.ts): given
 * `shown`, the chart on the page, whose frame still fits, only its image and description change.
 */
export function boundaryChart(
  grid: DecisionGrid,
  options: BoundaryChartOptions,
  document: Document,
  shown?: Element | null,
): SVGElement | HTMLElement {
  const width = options.width ?? 640;
  const height = Math.round(Math.min(width * 0.75, 380));
  const ofClass = (c: number) => grid.points.filter((p) => p.label === c);
  const hasGrid = grid.values.length === grid.size * grid.size && grid.size > 0;
  const description = hasGrid
    ? `Decision boundary at step ${grid.step}: the network's probability of class 1 over the input plane (orange: class 1, blue: class 0, fainter where it is unsure), with ${grid.points.length} training points.`
    : `The ${grid.points.length} training points of the data set, blue for class 0 and orange for class 1.`;
  const data = () => {
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
  };
  const key = JSON.stringify([
    "boundary",
    width,
    height,
    grid.x0,
    grid.x1,
    grid.y0,
    grid.y1,
    pointsKey(grid.points),
  ]);

  const onPage = frameScales(shown, key);
  if (shown && onPage) {
    writeRaster(shown, onPage, grid, hasGrid, document);
    setAttributes(shown, { "aria-label": description });
    return withChartData(shown as SVGElement, data);
  }

  const el = plot({
    document,
    width,
    height,
    marginLeft: 44,
    marginRight: 12,
    style: CHART_STYLE,
    x: { domain: [grid.x0, grid.x1], label: "x₁" },
    y: { domain: [grid.y0, grid.y1], label: "x₂" },
    marks: [0, 1].map((c) =>
      dot(ofClass(c), {
        x: "x",
        y: "y",
        r: 2.5,
        fill: colour(c === 0 ? "series1" : "series2"),
        stroke: colour("ink"),
        strokeWidth: 0.5,
      }),
    ),
  });
  // The raster goes under the points: before the first dot mark (found by Plot's mark label,
  // which asAccessibleImage removes next).
  const image = document.createElementNS("http://www.w3.org/2000/svg", "image");
  image.setAttribute("data-ink", "raster");
  el.insertBefore(image, el.querySelector('[aria-label="dot"]'));
  const chart = asAccessibleImage(el, description);
  writeRaster(chart, rememberFrame(chart, key), grid, hasGrid, document);
  return withChartData(chart, data);
}

/** Places the chart's raster image over the grid's box and paints the grid into it. */
function writeRaster(
  chart: Element,
  scales: Scales,
  grid: DecisionGrid,
  hasGrid: boolean,
  document: Document,
) {
  const image = chart.querySelector('[data-ink="raster"]');
  if (!image) return;
  const href = hasGrid ? boundaryImage(grid, document) : null;
  const [left, right] = [scales.x(grid.x0), scales.x(grid.x1)];
  // Top row first: y1 is the top edge of the data box (see decision-grid.ts).
  const [top, bottom] = [scales.y(grid.y1), scales.y(grid.y0)];
  setAttributes(image, {
    href,
    x: px(Math.min(left, right)),
    y: px(Math.min(top, bottom)),
    width: px(Math.abs(right - left)),
    height: px(Math.abs(bottom - top)),
    preserveAspectRatio: "none",
    style: "image-rendering: pixelated",
    visibility: href ? null : "hidden",
  });
}
