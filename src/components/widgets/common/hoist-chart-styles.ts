/**
 * hoistChartStyles(chart): moves the <style> elements Observable Plot puts inside every chart
 * into one shared copy in <head>, so a live redraw inserts no stylesheet.
 *
 * Why: Plot emits the same few rules in each chart (`:where(.plot-d6a7b5) { display: block;
 * ... }` and, for legends, the swatch rules). A <style> element is a stylesheet: inserting or
 * removing one makes the browser recompute the style of every element on the page, and a
 * chapter page has ~5,000 (KaTeX). Measured in Chromium on chapter 4: replacing one chart
 * took 73 ms with its <style> against 18 ms without, so a dashboard redrawing six charts
 * twice a second was the main source of long tasks while training. The rules are scoped by
 * Plot's class name, so one copy in <head> styles every chart exactly as the copies inside
 * them did; the build-time static SVGs keep theirs (they must work without JavaScript).
 *
 * The copy in <head> is an inline <style> with the same text as Plot's, which the page's
 * Content-Security-Policy already allows by hash (src/components/site/csp-hashes.ts). Pages
 * are built with those copies already in them (site/PlotStyles.astro, first in <body>), so normally nothing
 * is ever inserted; a text the page lacks is added once.
 */

/** Texts already present in the page, per document (tests use several documents). */
const hoisted = new WeakMap<Document, Set<string>>();

export function hoistChartStyles(chart: Element): void {
  const styles = chart.querySelectorAll("style");
  if (styles.length === 0) return;
  const doc = chart.ownerDocument;
  let seen = hoisted.get(doc);
  if (!seen) {
    seen = new Set(Array.from(doc.querySelectorAll("style[data-chart-styles]"), (s) => s.textContent ?? ""));
    hoisted.set(doc, seen);
  }
  for (const style of Array.from(styles)) {
    const text = style.textContent ?? "";
    if (!seen.has(text)) {
      seen.add(text);
      const shared = doc.createElement("style");
      shared.setAttribute("data-chart-styles", "");
      shared.textContent = text;
      doc.head.append(shared);
    }
    style.remove();
  }
}
