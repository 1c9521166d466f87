/**
 * The export formats of a chart, in menu order: one `as const` list for the menu labels, the
 * file extensions and the code that writes them. Only labels here: the menu imports this on
 * every chart page; the code that builds the files (chart-export-actions.ts) loads on first use.
 */
export const EXPORT_FORMATS = {
  csv: "Data as CSV",
  json: "Data as JSON",
  svg: "Figure as SVG",
  png: "Figure as PNG (2×)",
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as readonly ExportFormat[];
