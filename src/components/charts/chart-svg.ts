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

/** A chart function: data and options in, a detached SVG (or figure) built in `document` out. */
export type ChartFunction<D, O> = (data: D, options: O, document: Document) => SVGElement | HTMLElement;
