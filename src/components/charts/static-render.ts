/**
 * Build-time rendering of a chart function to an HTML string, using linkedom's document.
 *
 * Used from the Astro side of a widget (its .astro wrapper): the string goes in as the
 * island's slot children, so the first figure is plain HTML in the page — visible without
 * JavaScript and before hydration — and is never serialised into the island's props.
 *
 *   const svg = renderChartToString(activationChart, { activation: "sigmoid", x: 1, threshold: 0.05 }, {});
 *   <MyIsland client:visible><Fragment set:html={svg} /></MyIsland>
 */
import { parseHTML } from "linkedom";
import { type ChartFunction, scopeSvgIds } from "./chart-svg";

/** Counts static renders in this build process, so each page's static SVGs get distinct ids. */
let renders = 0;

export function renderChartToString<D, O>(chart: ChartFunction<D, O>, data: D, options: O): string {
  const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");
  const el = chart(data, options, document as unknown as Document);
  renders += 1;
  scopeSvgIds(el, `s${renders}-`);
  return el.outerHTML;
}
