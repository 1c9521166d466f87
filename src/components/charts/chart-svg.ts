/**
 * Finishing touches shared by every chart function.
 *
 * Plot puts `aria-label` on each mark's `<g>`; axe reports that as a prohibited ARIA attribute
 * on an element without a role (a known upstream disagreement). Our charts carry their numbers
 * as text readouts beside them, so we give the SVG one role="img" with a full description and
 * strip the per-mark labels.
 */
export function asAccessibleImage<E extends Element>(el: E, label: string): E {
  for (const g of Array.from(el.querySelectorAll("[aria-label]"))) g.removeAttribute("aria-label");
  for (const d of Array.from(el.querySelectorAll("[aria-description]")))
    d.removeAttribute("aria-description");
  el.setAttribute("role", "img");
  el.setAttribute("aria-label", label);
  el.setAttribute("class", `${el.getAttribute("class") ?? ""} vg-chart`.trim());
  return el;
}

/** Inline style for every chart SVG: transparent over the widget panel, text in the theme's ink. */
export const CHART_STYLE = {
  background: "transparent",
  color: "var(--fg, #1c1e22)",
  fontFamily: "var(--font-ui, system-ui, sans-serif)",
  fontSize: "12px",
  overflow: "visible",
} as const;

/**
 * Margins that make room for axis labels at CHART_STYLE's 12 px font. Plot places the labels
 * for its default 10 px text, so with 12 px the y-axis label ("↑ loss") sat on the top tick
 * label and the x-axis label ("step →") on the bottom tick labels. Spread into plot options:
 *
 *   plot({ ...AXIS_LABEL_MARGINS, marginLeft: 56, style: CHART_STYLE, ... })
 */
export const AXIS_LABEL_MARGINS = { marginTop: 28, marginBottom: 38 } as const;

/** A chart function: data and options in, a detached SVG (or figure) built in `document` out. */
export type ChartFunction<D, O> = (data: D, options: O, document: Document) => SVGElement | HTMLElement;

/**
 * Prefix every id inside a chart (Plot's clip paths, gradients, markers) and the
 * references to them, so several charts on one page never share an id.
 *
 * Why: Plot numbers its clip paths per JavaScript context. The build-time SVGs of one page
 * and the live charts drawn in the browser come from different contexts, so a live chart's
 * `url(#plot-clip-3)` could resolve to a not-yet-hydrated static figure's clip rectangle of a
 * different size — and silently clip away labels. static-render.ts and ChartMount call this
 * with distinct prefixes ("s<n>-" at build time, "c<n>-" in the browser).
 */
export function scopeSvgIds(el: Element, prefix: string): void {
  const nodes = [el, ...Array.from(el.querySelectorAll("*"))];
  const renamed = new Map<string, string>();
  for (const node of nodes) {
    const id = node.getAttribute("id");
    if (id) {
      renamed.set(id, `${prefix}${id}`);
      node.setAttribute("id", `${prefix}${id}`);
    }
  }
  if (renamed.size === 0) return;
  const rewrite = (value: string) =>
    value
      .replace(/url\(\s*#([^)\s]+)\s*\)/g, (m, id: string) =>
        renamed.has(id) ? `url(#${renamed.get(id)})` : m,
      )
      .replace(/^#(.+)$/, (m, id: string) => (renamed.has(id) ? `#${renamed.get(id)}` : m));
  for (const node of nodes) {
    for (const attr of Array.from(node.attributes)) {
      if (attr.name === "id") continue;
      if (attr.value.includes("#")) {
        const next = rewrite(attr.value);
        if (next !== attr.value) node.setAttribute(attr.name, next);
      }
    }
  }
}
