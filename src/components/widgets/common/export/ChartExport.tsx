/**
 * The "Export" menu under a chart: the data as CSV or JSON, the figure as SVG or PNG.
 *
 * A <details> disclosure, so it opens with Enter/Space on its summary and works with Tab
 * alone; Escape or a click elsewhere closes it. It is one small button per chart until
 * opened, so a phone-width figure stays uncluttered. The code that builds the files is
 * imported the first time a menu opens (chart-export-actions.ts, with the CSV/JSON writer
 * and the SVG/PNG serialiser), so a page's first load carries only this menu.
 *
 * File names are <figure id>-<chart name>.<ext> ("fig-chain-depth-gradient-chain.csv"),
 * falling back to the widget's name where the chart is not in a numbered figure (file-name.ts).
 *
 *   <ChartExport chart={() => chartRef.current} rows={() => chartDataOf(chartRef.current)} name="loss" />
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { ChartRow } from "../../../charts/chart-data";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormat } from "./formats";
import "./chart-export.css";

export interface ChartExportProps {
  /** The chart element as drawn, read when the reader exports. */
  readonly chart: () => Element | null;
  /** The chart's rows, read (and built, if lazy) only when the reader exports data. */
  readonly rows: () => readonly ChartRow[] | undefined;
  /** The chart's name within its widget ("loss", "grads"): the file name's last part. */
  readonly name?: string | undefined;
}

const loadActions = () => import("./chart-export-actions");

export function ChartExport(props: ChartExportProps) {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");

  const close = (focusSummary: boolean) => {
    const d = details.current;
    if (!d) return;
    d.open = false;
    setOpen(false);
    if (focusSummary) d.querySelector("summary")?.focus();
  };

  // While open: a press anywhere outside the menu closes it.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (details.current && !details.current.contains(e.target as Node)) close(false);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [open]);

  const run = (format: ExportFormat) => {
    const chart = props.chart();
    const d = details.current;
    if (!chart || !d) return;
    setStatus("Preparing…");
    // The lazy chunk builds the file, saves it and words the outcome ("Saved …" or why not).
    loadActions()
      .then((m) => m.exportFromMenu(format, { chart, rows: props.rows, from: d, name: props.name }))
      .catch(() => "Could not load the export code")
      .then((message) => {
        setStatus(message);
        close(true);
      });
  };

  return (
    <div class="chart-export" data-chart-export="">
      <details
        ref={details}
        onToggle={(e) => {
          const isOpen = (e.currentTarget as HTMLDetailsElement).open;
          setOpen(isOpen);
          // Fetch the export code while the reader picks a format.
          if (isOpen) void loadActions().catch(() => undefined);
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape" && details.current?.open) {
            e.preventDefault();
            close(true);
          }
        }}
      >
        <summary aria-label={props.name ? `Export chart: ${props.name}` : "Export chart"}>Export</summary>
        <div class="chart-export-menu">
          {EXPORT_FORMAT_NAMES.map((f) => (
            <button key={f} type="button" data-export={f} onClick={() => run(f)}>
              {EXPORT_FORMATS[f]}
            </button>
          ))}
        </div>
      </details>
      <span class="chart-export-status" role="status">
        {status}
      </span>
    </div>
  );
}
