/**
 * Build-time rendering of a chart function to an HTML string, using linkedom's document.
 *
 * Used from the Astro side of a widget (its .astro wrapper): the string goes in as the
 * island's slot children, so the first figure is plain HTML in the page — visible without
 * JavaScript and before hydration — and is never serialised into the island's props.
 *
 *   const svg = renderChartToString(activationChart, { activation: "sigmoid", x: 1, threshold: 0.05 }, {});
 *   <MyIsland client:visible><Fragment set:html={svg} /></MyIsland>
 *
 * Plot's own <style> is left out when the page already carries the same text
 * (site/PlotStyles.astro): a stylesheet inside the figure would be removed, restyling the whole
 * page, the moment the island swaps in its live chart.
 */
import { parseHTML } from "linkedom";
import { plotStyleSources } from "../site/csp-hashes";
import { type ChartFunction, scopeSvgIds } from "./chart-svg";

/** The <style> texts every page carries (PlotStyles.astro), computed once per build. */
let inHead: Set<string> | undefined;

/** Counts static renders in this build process, so each page's static SVGs get distinct ids. */
let renders = 0;

export function renderChartToString<D, O>(chart: ChartFunction<D, O>, data: D, options: O): string {
  const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");
  const el = chart(data, options, document as unknown as Document);
  renders += 1;
  scopeSvgIds(el, `s${renders}-`);
  inHead ??= new Set(plotStyleSources());
  for (const style of Array.from(el.querySelectorAll("style"))) {
    if (inHead.has(style.textContent ?? "")) style.remove();
  }
  return el.outerHTML;
}

/** Container width below which the narrow static rendering shows (widget.css, `.static-pair`). */
export const NARROW_STATIC_WIDTH = 360;

/**
 * Two build-time renderings of one chart, at the chart's own width and at 360 px, of which CSS
 * shows one by the width of the figure (a container query in widgets/common/widget.css).
 *
 * Why: most islands replace their static chart with a live one, drawn at the real width, as
 * soon as they hydrate. A few keep it until the reader presses Play (their live charts only
 * exist once a run trains: remedy comparisons, clipping, the RNN loss). A 640 px SVG squeezed
 * into a phone's 350 px column has 6 px text; the narrow rendering keeps text at its size, with
 * and without JavaScript. Each rendering scopes its own SVG ids.
 */
export function renderResponsiveChartToString<D, O extends { readonly width?: number }>(
  chart: ChartFunction<D, O>,
  data: D,
  options: O,
): string {
  const wide = renderChartToString(chart, data, options);
  const narrow = renderChartToString(chart, data, { ...options, width: NARROW_STATIC_WIDTH });
  return `<div class="static-pair"><div class="static-narrow">${narrow}</div><div class="static-wide">${wide}</div></div>`;
}
