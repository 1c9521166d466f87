/**
 * The data a chart shows, kept with the chart element so it can be exported (CSV, JSON).
 *
 * Why on the element, not a prop: the rows are built inside the chart function, from the same
 * arrays it hands to Plot, so the export cannot drift from the figure and no widget has to
 * build them a second time. A chart function finishes with
 *
 *   return withChartData(asAccessibleImage(el, label), rows);
 *
 * and ChartMount finds the rows again with chartDataOf(element) when the reader exports.
 * A WeakMap keeps them only as long as the element lives (a redraw drops both).
 *
 * Rows are tidy: one observation per row, one variable per key, every row with the same keys
 * where possible ({ run, step, layer, value }), values numbers (NaN and ±Infinity kept: a
 * diverged run is data too), strings, booleans or null.
 */
export type ChartCell = number | string | boolean | null;
export type ChartRow = { readonly [column: string]: ChartCell };

/**
 * The rows, or a function that builds them. Training charts redraw many times a second while
 * a run plays, and most figures are never exported: they pass a function, so the rows are
 * built only when the reader asks (the closure holds data the widget keeps anyway).
 */
export type ChartData = readonly ChartRow[] | (() => readonly ChartRow[]);

const dataByChart = new WeakMap<Element, ChartData>();

/** Remembers `data` as what `el` shows; returns `el` so a chart function can end with it. */
export function withChartData<E extends Element>(el: E, data: ChartData): E {
  dataByChart.set(el, data);
  return el;
}

/** The rows a chart function attached to `el`, or undefined if it attached none. */
export function chartDataOf(el: Element): readonly ChartRow[] | undefined {
  const data = dataByChart.get(el);
  return typeof data === "function" ? data() : data;
}

/** Gives `to` the rows attached to `from` (a chart morphed into the one on the page). */
export function moveChartData(from: Element, to: Element): void {
  const data = dataByChart.get(from);
  if (data === undefined) dataByChart.delete(to);
  else dataByChart.set(to, data);
}
