/**
 * Mounts a chart built by a pure chart function into the live DOM.
 *
 * Before the first client draw it shows `children` — the build-time static SVG that Astro
 * passed as slot content (rendered inside <astro-slot>) — so the figure is there without
 * JavaScript and before hydration. After the first draw the static copy is dropped and the
 * live chart replaces it in place; later draws swap the chart element.
 *
 * The live chart is drawn at the width the mount actually has (measured, and redrawn when
 * it changes by more than a few pixels), so axis text is not scaled down on a phone. Before
 * measuring (and in test DOMs without layout) it uses DEFAULT_CHART_WIDTH, the width the
 * static figure is rendered at.
 *
 * `draw` should be memoised (useCallback/useMemo on the widget's config) so the chart is
 * rebuilt only when what it shows changes; charts that change while a run trains pass `queued`. Errors thrown by `draw` propagate to the widget's
 * ErrorBoundary (Preact routes effect errors there).
 *
 * Pointer handlers receive the pointer's position in the chart's own coordinate system
 * (the SVG viewBox), so a widget can invert Plot's scales: `chart.scale("x").invert(px)`.
 *
 * Once drawn, every chart has an "Export" menu under it (export/ChartExport.tsx): its data as
 * CSV/JSON — the rows the chart function attached with withChartData (charts/chart-data.ts),
 * or `exportRows` if given — and the figure as SVG/PNG, named after the figure and `name`.
 */
import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { type ChartRow, chartDataOf, moveChartData } from "../../charts/chart-data";
import { scopeSvgIds } from "../../charts/chart-svg";
import { moveInkFrame } from "../../charts/ink";
import { morphChart } from "../../charts/morph-chart";
import { useQueuedDraw } from "../training/useQueuedDraw";
import { ChartExport } from "./export/ChartExport";
import { hoistChartStyles } from "./hoist-chart-styles";

export type PlotElement = (SVGElement | HTMLElement) & {
  scale?: (name: string) => { invert?: (v: number) => number } | undefined;
};

export interface ChartPointer {
  /** Position in chart units (viewBox pixels). */
  readonly px: number;
  readonly py: number;
  /** The current chart element, for scale inversion. */
  readonly chart: PlotElement;
  readonly kind: "down" | "move" | "up";
}

/** The space the chart has, in CSS pixels, so text stays legible from phones to desktops. */
export interface ChartSize {
  readonly width: number;
}

export interface ChartMountProps {
  /**
   * Builds the chart. It also gets `shown`, the chart on the page (after the first draw), and
   * may redraw that in place and return it (charts/ink.ts) rather than build a new one.
   */
  readonly draw: (document: Document, size: ChartSize, shown?: Element) => SVGElement | HTMLElement;
  readonly children?: ComponentChildren;
  readonly onPointer?: (p: ChartPointer) => void;
  /** Stable hook for tests: data-chart; also names the exported files. */
  readonly name?: string;
  /**
   * The rows to export as CSV/JSON, when they are not the ones the chart function attached
   * with withChartData (read only when the reader exports).
   */
  readonly exportRows?: () => readonly ChartRow[];
  /**
   * Redraws wait their turn in the page-wide draw queue (useQueuedDraw): one chart per browser
   * task, so a widget whose several charts change together never draws them all in one task.
   * Only this mount re-renders when its turn comes, not the widget around it, and the chart on
   * the page is morphed into the new one (charts/morph-chart.ts) rather than replaced.
   */
  readonly queued?: boolean;
}

export const DEFAULT_CHART_WIDTH = 640;
/** Counts chart mounts that have drawn on this page, for unique id prefixes (see scopeSvgIds). */
let liveCharts = 0;
/** Charts never get narrower than this (the mount scrolls sideways below it). */
const MIN_CHART_WIDTH = 280;

/** Round a measured width so sub-pixel jitter does not trigger redraws. */
function quantiseWidth(w: number): number {
  if (!(w > 0)) return DEFAULT_CHART_WIDTH;
  return Math.max(MIN_CHART_WIDTH, Math.round(w / 8) * 8);
}

export function ChartMount(props: ChartMountProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<PlotElement | null>(null);
  const dragging = useRef(false);
  const [drawn, setDrawn] = useState(false);
  const [width, setWidth] = useState<number | null>(null);
  const { onPointer } = props;
  const draw = useQueuedDraw(props.draw, props.queued === true);

  // Measure the mount, and keep measuring: rotation, sidebar toggles, window resizes.
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    setWidth(quantiseWidth(el.clientWidth));
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width ?? 0;
      if (w > 0) setWidth(quantiseWidth(w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  /** This mount's prefix for SVG ids, the same for every redraw (so a morph keeps them). */
  const idPrefix = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (width === null) return;
    const shown = chart.current;
    const live = shown?.isConnected ? shown : undefined;
    const el = draw(document, { width }, live) as PlotElement;
    if (el === shown) {
      // Redrawn in place: only its ink changed (charts/ink.ts).
      setDrawn(true);
      return;
    }
    if (idPrefix.current === null) {
      liveCharts += 1;
      idPrefix.current = `c${liveCharts}-`;
    }
    scopeSvgIds(el, idPrefix.current);
    // Plot's <style> per chart would restyle the whole page on every redraw.
    hoistChartStyles(el);
    if (props.queued && live && live.nodeName === el.nodeName) {
      // A training chart redrawn: change only what differs (morph-chart.ts).
      morphChart(live, el);
      moveChartData(el, live);
      moveInkFrame(el, live);
      (live as PlotElement).scale = el.scale;
    } else {
      host.current?.replaceChildren(el);
      chart.current = el;
    }
    setDrawn(true);
  }, [draw, width]);

  const toPointer = (e: PointerEvent, kind: ChartPointer["kind"]): ChartPointer | null => {
    const el = chart.current;
    if (!el) return null;
    const svg = el instanceof SVGSVGElement ? el : el.querySelector("svg");
    if (!svg) return null;
    const rect = svg.getBoundingClientRect();
    const vb = svg.viewBox?.baseVal;
    const sx = vb && rect.width > 0 ? vb.width / rect.width : 1;
    const sy = vb && rect.height > 0 ? vb.height / rect.height : 1;
    return { px: (e.clientX - rect.left) * sx, py: (e.clientY - rect.top) * sy, chart: el, kind };
  };

  const pointerProps = onPointer
    ? {
        onPointerDown: (e: PointerEvent) => {
          if (e.button !== 0) return;
          dragging.current = true;
          // Keep receiving moves while the pointer is outside the chart; a synthetic or
          // already-released pointer cannot be captured, which is harmless.
          try {
            (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
          } catch {
            /* not capturable: dragging still works inside the chart */
          }
          const p = toPointer(e, "down");
          if (p) onPointer(p);
        },
        onPointerMove: (e: PointerEvent) => {
          if (!dragging.current) return;
          const p = toPointer(e, "move");
          if (p) onPointer(p);
        },
        onPointerUp: (e: PointerEvent) => {
          if (!dragging.current) return;
          dragging.current = false;
          const p = toPointer(e, "up");
          if (p) onPointer(p);
        },
        onPointerCancel: () => {
          dragging.current = false;
        },
      }
    : {};

  return (
    <div
      class={`chart-mount${onPointer ? " chart-mount--draggable" : ""}`}
      data-chart={props.name}
      data-drawn={drawn}
    >
      {drawn ? null : <div class="chart-static">{props.children}</div>}
      <div class="chart-live" ref={host} {...pointerProps} />
      {drawn ? (
        <ChartExport
          chart={() => chart.current}
          rows={() => props.exportRows?.() ?? (chart.current ? chartDataOf(chart.current) : undefined)}
          name={props.name}
        />
      ) : null}
    </div>
  );
}
