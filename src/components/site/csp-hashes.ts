import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { cspHash } from "./csp-hash";

/**
 * Hashes for the Content-Security-Policy (astro.config.mjs → security.csp).
 *
 * Observable Plot inserts a fixed <style> element into every chart it draws — at build time
 * into the static SVG, and again in the browser when an island redraws. The CSP allows
 * inline <style> elements only by hash, so we hash exactly what this installed Plot version
 * emits: we draw a minimal chart, a ramp legend and a swatch legend with a server-side
 * document and hash each <style> found. A Plot upgrade that changes the CSS changes the
 * hashes with it; nothing is copied by hand.
 *
 * Covered: Plot.plot and Plot.legend (ramp and swatches, default options) with Plot's
 * default className. A widget that passes its own `className`, or `columns` to a swatch
 * legend, emits different CSS and must add its hash here.
 */
export function plotStyleSources(): string[] {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const nodes: Element[] = [
    Plot.plot({ document, marks: [Plot.dot([{ x: 1, y: 1 }], { x: "x", y: "y" })] }) as Element,
    legend({ color: { type: "threshold", domain: [0.5], range: ["red", "blue"] } }),
    // With a range: the site bundles none of d3's colour schemes (charts/d3-scale-chromatic-lite.ts).
    legend({ color: { type: "ordinal", domain: ["a", "b"], range: ["red", "blue"] } }),
  ];
  // Plot.legend accepts `document` like Plot.plot does, but its typings omit it.
  function legend(options: Record<string, unknown>): Element {
    return Plot.legend({ ...options, document } as Plot.LegendOptions) as Element;
  }
  const sources = new Set<string>();
  for (const node of nodes) {
    for (const style of node.querySelectorAll("style")) sources.add(style.textContent ?? "");
  }
  return [...sources];
}

export function plotStyleHashes(): `sha256-${string}`[] {
  return plotStyleSources().map(cspHash);
}
