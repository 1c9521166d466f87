/**
 * The export formats of a chart: one `as const` list for the menu, the file names and the
 * code that writes them. Small on purpose: the menu imports it on every chart page; the code
 * that builds the files (chart-export-actions.ts) loads on first use.
 */
export const EXPORT_FORMATS = {
  csv: { label: "Data as CSV", mime: "text/csv;charset=utf-8" },
  json: { label: "Data as JSON", mime: "application/json" },
  svg: { label: "Figure as SVG", mime: "image/svg+xml" },
  png: { label: "Figure as PNG (2×)", mime: "image/png" },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as readonly ExportFormat[];

/** Data formats need rows; figure formats need an SVG. */
export const isDataFormat = (f: ExportFormat): boolean => f === "csv" || f === "json";

/**
 * A file-name-safe slug: lower case, runs of anything but a-z, 0-9 and "-" as one "-".
 *   slug("fig-loss", "Grad Hist") === "fig-loss-grad-hist"
 */
export function fileBaseName(...parts: readonly (string | null | undefined)[]): string {
  const joined = parts
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-|-$/g, "");
  return joined.slice(0, 80) || "chart";
}
