/**
 * Builds and downloads one export of a chart. Loaded with import() the first time a reader
 * opens an export menu, so pages pay nothing for it until then.
 *
 *   const { exportChart } = await import("./chart-export-actions");
 *   await exportChart("png", { chart, rows: () => rows, from: menu, name: "loss" }); // "fig-depth-loss.png"
 */
import type { ChartRow } from "../../../charts/chart-data";
import { exportFileBase } from "./file-name";
import type { ExportFormat } from "./formats";
import { standaloneSvg, svgSize, svgToPng } from "./svg-export";
import { toCsv, toJson } from "./table-format";

export interface ExportSource {
  /** The chart element as drawn (Plot's <svg>, or an element holding one). */
  readonly chart: Element;
  /** The chart's data (built on demand); required for CSV and JSON. */
  readonly rows: () => readonly ChartRow[] | undefined;
  /** Where the chart is on the page (names the file after its figure), and its name. */
  readonly from: Element;
  readonly name: string | undefined;
}

const MIME: { readonly [F in ExportFormat]: string } = {
  csv: "text/csv;charset=utf-8",
  json: "application/json",
  svg: "image/svg+xml",
  png: "image/png",
};

/** The chart's main SVG: the element itself, or the largest <svg> inside it (not a legend swatch). */
export function chartSvg(chart: Element): SVGSVGElement | null {
  if (chart instanceof SVGSVGElement) return chart;
  let best: SVGSVGElement | null = null;
  let bestArea = -1;
  for (const svg of Array.from(chart.querySelectorAll("svg"))) {
    const { width, height } = svgSize(svg);
    if (width * height > bestArea) {
      best = svg;
      bestArea = width * height;
    }
  }
  return best;
}

async function buildBlob(format: ExportFormat, source: ExportSource): Promise<Blob> {
  const mime = MIME[format];
  if (format === "csv" || format === "json") {
    const rows = source.rows();
    if (!rows) throw new Error("this chart has no data to export");
    return new Blob([format === "csv" ? toCsv(rows) : toJson(rows)], { type: mime });
  }
  const svg = chartSvg(source.chart);
  if (!svg) throw new Error("this chart has no SVG to export");
  const text = standaloneSvg(svg);
  if (format === "svg") return new Blob([text], { type: mime });
  const { width, height } = svgSize(svg);
  return svgToPng(text, width, height, 2);
}

/** Saves `blob` as `name` through a temporary <a download>. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; keep the URL a while for slow browsers, then free it.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Builds the file and starts its download; resolves to the file name. */
export async function exportChart(format: ExportFormat, source: ExportSource): Promise<string> {
  const blob = await buildBlob(format, source);
  const name = `${exportFileBase(source.from, source.name)}.${format}`;
  saveBlob(blob, name);
  return name;
}

/**
 * exportChart for the menu: never rejects, resolves to the line the menu shows —
 * "Saved fig-x-loss.csv", or "Could not export CSV: <why>".
 */
export async function exportFromMenu(format: ExportFormat, source: ExportSource): Promise<string> {
  try {
    return `Saved ${await exportChart(format, source)}`;
  } catch (err) {
    return `Could not export ${format.toUpperCase()}: ${err instanceof Error ? err.message : String(err)}`;
  }
}
