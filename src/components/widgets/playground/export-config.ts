/**
 * "Export config": the playground's experiment as the JSON file `npm run experiment` reads
 * (scripts/experiment.ts parses it with the core's parseConfig, the same schema the worker
 * uses), so a run explored in the page can be repeated, longer or with histograms, in Node:
 *
 *   npm run experiment -- playground-experiment.json --out metrics.json
 *
 * The file holds the complete config (every field, not only the changed ones), so it still
 * means the same experiment if the defaults change.
 */
import type { ExperimentConfig } from "../../../lib/config";

export const EXPORT_FILE_NAME = "playground-experiment.json";

export function configJson(config: ExperimentConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Saves `text` as a file through a temporary object URL and an <a download> click. */
export function downloadText(doc: Document, fileName: string, text: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
