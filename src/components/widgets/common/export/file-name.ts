/**
 * Names of exported files: <figure id>-<chart name>.<ext>, e.g. "fig-chain-depth-gradient-chain.csv",
 * or <widget>-<chart name> where the chart is not in a numbered figure (embed pages).
 */

/**
 * A file-name-safe slug: lower case, runs of anything but a-z, 0-9 and "-" as one "-".
 *   fileBaseName("Fig 3", "Grad Hist") === "fig-3-grad-hist"
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

/** "<figure id>-<chart name>", or "<widget>-<chart name>" outside a figure, for a chart at `from`. */
export function exportFileBase(from: Element, name: string | undefined): string {
  const figure = from.closest("figure[id]")?.id;
  const widget = from.closest("[data-widget]")?.getAttribute("data-widget");
  return fileBaseName(figure ?? widget, name ?? "chart");
}
