/**
 * Line charts in two parts, so a training chart can be redrawn in place.
 *
 * A training chart is redrawn several times a second while a run plays. Rebuilding it with Plot
 * every time (scales, axes, ticks, one mark per run) and morphing the result into the page cost
 * 20-30 ms of main-thread time for chapter 6's 42-line comparison in Chromium on this project's
 * two-core machine: the last source of long tasks while a widget trained (issue 5). Between two
 * redraws the axes, ticks and description almost never change; the lines do. So such a chart is
 *
 *   - a frame: Plot's chart with its axes, grid and rules, every domain given explicitly, and a
 *     key naming everything it depends on (size, domains, scrubbed step, description);
 *   - ink: the data lines and their end labels, written here as SVG paths and texts with the
 *     frame's own scales (Plot's `chart.scale(name).apply`), last in the chart.
 *
 * A redraw whose frame key equals the key of the chart on the page only rewrites that chart's
 * ink (redrawInk): a few `d` attributes and labels, no Plot, no morph. Both paths go through
 * writeInk, so a chart redrawn in place is the chart a full draw makes (tested node for node).
 * Measured on that 42-line chart (Node, linkedom): a full draw 11.5 ms, a redraw in place 3.1 ms.
 * A chart with other ink (the playground's decision raster) uses the frame primitives alone:
 * rememberFrame on a full draw, frameScales to redraw in place.
 *
 *   const chart = asAccessibleImage(plot({ x: { domain }, y: { domain }, marks: [] }), label);
 *   if (redrawInk(shown, key, ink)) return shown;   // the frame on the page is still right
 *   drawInk(chart, key, ink);                         // a new frame
 */

import { colour } from "./palette";

/** A polyline in data coordinates, drawn in order; NaN-free (callers drop what the scale cannot show). */
export interface InkLine {
  readonly stroke: string;
  /** SVG stroke-dasharray, or null for a solid line. */
  readonly dash: string | null;
  /** Stroke width when not the ink's strokeWidth; stroke opacity when not 1. */
  readonly width?: number;
  readonly opacity?: number;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

/** A text at a data point, offset in pixels; drawn over a halo of the background colour. */
export interface InkLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly dx: number;
  readonly dy: number;
  readonly anchor: "start" | "end";
}

export interface Ink {
  /** The chart's accessible description (its aria-label), when it follows the data. */
  readonly description?: string;
  readonly lines: readonly InkLine[];
  /** Default stroke width of the lines. */
  readonly strokeWidth: number;
  readonly labels?: readonly InkLabel[];
}

/** Label text in the theme's ink over a halo of its background (`var()` works in SVG attributes). */
const LABEL_FILL = colour("ink");
const LABEL_HALO = "var(--bg, #fff)";

/** Data → pixel for one axis of a drawn chart. */
export type Scale = (v: number) => number;
/** A drawn chart's x and y scales. */
export interface Scales {
  readonly x: Scale;
  readonly y: Scale;
}

interface Frame extends Scales {
  readonly key: string;
}

/** The frame each drawn chart was built with (kept only as long as the element lives). */
const frames = new WeakMap<Element, Frame>();

/** What Plot attaches to the chart element it returns. */
interface PlotChart extends Element {
  scale?: (name: string) => { apply?: Scale } | undefined;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Remembers `key` as the frame of a freshly built Plot chart, with the chart's own x and y
 * scales, and returns them. Throws if the chart has no x or y scale (a frame must fix both).
 */
export function rememberFrame(chart: Element, key: string): Scales {
  const plotChart = chart as PlotChart;
  const x = plotChart.scale?.("x")?.apply;
  const y = plotChart.scale?.("y")?.apply;
  if (!x || !y) throw new Error("rememberFrame: the chart has no x and y scales to draw with");
  const frame: Frame = { key, x, y };
  frames.set(chart, frame);
  return frame;
}

/** The scales of `shown` (the chart on the page) if it was drawn with frame `key`, else null. */
export function frameScales(shown: Element | null | undefined, key: string): Scales | null {
  const frame = shown ? frames.get(shown) : undefined;
  return frame && frame.key === key ? frame : null;
}

/** Draws `ink` into a freshly built Plot chart with its own scales; `key` names its frame. */
export function drawInk(chart: Element, key: string, ink: Ink): void {
  writeInk(chart, rememberFrame(chart, key), ink);
}

/**
 * Redraws the ink of `shown` (the chart on the page) when it was drawn with frame `key`; returns
 * false, changing nothing, when it was not (a new frame must be built).
 */
export function redrawInk(shown: Element | null | undefined, key: string, ink: Ink): boolean {
  const frame = frameScales(shown, key);
  if (!shown || !frame) return false;
  writeInk(shown, frame, ink);
  return true;
}

/** Gives `to` the frame of `from` (a freshly drawn chart morphed into the one on the page). */
export function moveInkFrame(from: Element, to: Element): void {
  const frame = frames.get(from);
  if (frame) frames.set(to, frame);
  else frames.delete(to);
}

/** Pixel coordinates with two decimals: shorter `d` strings, well below a device pixel. */
export const px = (v: number): string => String(Math.round(v * 100) / 100);

function pathData(line: InkLine, frame: Scales): string {
  let d = "";
  for (const p of line.points) {
    d += `${d ? "L" : "M"}${px(frame.x(p.x))},${px(frame.y(p.y))}`;
  }
  return d;
}

/** Sets attributes that differ, removes those given as null: a redraw touches only what moved. */
export function setAttributes(el: Element, attrs: Readonly<Record<string, string | null>>): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== value) {
      el.setAttribute(name, value);
    }
  }
}

/** The chart's <g data-ink="name">, created (last in the chart) if missing. */
function inkGroup(chart: Element, name: string): Element {
  const found = Array.from(chart.children).find((c) => c.getAttribute("data-ink") === name);
  if (found) return found;
  const g = chart.ownerDocument.createElementNS(SVG_NS, "g");
  g.setAttribute("data-ink", name);
  chart.append(g);
  return g;
}

/** Exactly `n` children named `tag` in `parent`, reusing those there. */
function children(parent: Element, tag: string, n: number): Element[] {
  while (parent.children.length > n) parent.lastElementChild?.remove();
  while (parent.children.length < n) parent.append(parent.ownerDocument.createElementNS(SVG_NS, tag));
  return Array.from(parent.children);
}

function writeInk(chart: Element, frame: Scales, ink: Ink): void {
  if (ink.description !== undefined) setAttributes(chart, { "aria-label": ink.description });
  const lines = inkGroup(chart, "lines");
  setAttributes(lines, {
    fill: "none",
    "stroke-width": String(ink.strokeWidth),
    "stroke-linecap": "round",
    "stroke-linejoin": "round",
  });
  children(lines, "path", ink.lines.length).forEach((path, i) => {
    const line = ink.lines[i]!;
    setAttributes(path, {
      d: pathData(line, frame),
      stroke: line.stroke,
      "stroke-dasharray": line.dash,
      "stroke-width": line.width === undefined ? null : String(line.width),
      "stroke-opacity": line.opacity === undefined ? null : String(line.opacity),
    });
  });
  const labels = inkGroup(chart, "labels");
  setAttributes(labels, {
    fill: LABEL_FILL,
    stroke: LABEL_HALO,
    "stroke-width": "3",
    "stroke-linejoin": "round",
    "paint-order": "stroke",
  });
  const wanted = ink.labels ?? [];
  children(labels, "text", wanted.length).forEach((text, i) => {
    const label = wanted[i]!;
    setAttributes(text, {
      x: px(frame.x(label.x) + label.dx),
      y: px(frame.y(label.y) + label.dy),
      // Vertically centred on the point, as Plot's text mark does.
      dy: "0.32em",
      "text-anchor": label.anchor,
    });
    if (text.textContent !== label.text) text.textContent = label.text;
  });
}
