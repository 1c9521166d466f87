/**
 * Per-layer histograms at one step: either |∂L/∂W| in log10 bins (GRADIENT_BINS, half a decade
 * each) or the activation values in the activation's own linear bins (ACTIVATION_BINS). One
 * small panel per layer, input side at the top, so a gradient histogram sliding left layer by
 * layer — or activations piling up at 0 and 1 — is plain to see. Bars are the share of the
 * layer's entries in each bin, so layers of different sizes compare directly. With several
 * runs, each run's bars are drawn over the others in its own colour.
 */
import { plot, rectY, text } from "@observablehq/plot";
import type { ActivationName } from "../../../lib/activations";
import type { TrainingPoint } from "../../../lib/findings";
import { ACTIVATION_BINS, GRADIENT_BINS, type HistogramSpec } from "../../../lib/histogram";
import { withChartData } from "../chart-data";
import { AXIS_LABEL_MARGINS, asAccessibleImage, CHART_STYLE } from "../chart-svg";
import { colour, SERIES_ROLES } from "../palette";
import { decadeLabel } from "./series";

export type HistogramKind = "gradient" | "activation";

export interface HistogramRun {
  readonly name: string;
  /** The point shown (the scrubbed step); undefined before the first step. */
  readonly point: TrainingPoint | undefined;
}

export interface HistogramChartOptions {
  readonly kind: HistogramKind;
  /** The hidden layers' activation (for the activation bins). */
  readonly activation: ActivationName;
  readonly width?: number;
}

interface BinRow {
  readonly run: number;
  readonly layer: string;
  readonly x1: number;
  readonly x2: number;
  readonly share: number;
}

/** Bin rows of one layer's counts; x in bin units (log10 |g| for gradients). */
function rows(
  run: number,
  layer: number,
  counts: readonly number[],
  spec: HistogramSpec,
  total: number,
): BinRow[] {
  const w = (spec.hi - spec.lo) / spec.bins;
  return counts.map((c, i) => ({
    run,
    layer: `layer ${layer}`,
    x1: spec.lo + i * w,
    x2: spec.lo + (i + 1) * w,
    share: total > 0 ? c / total : 0,
  }));
}

export function histogramChart(
  runs: readonly HistogramRun[],
  options: HistogramChartOptions,
  document: Document,
): SVGElement | HTMLElement {
  const grad = options.kind === "gradient";
  const spec = grad ? GRADIENT_BINS : ACTIVATION_BINS[options.activation];
  const data: BinRow[] = [];
  const layerNames: string[] = [];
  /** Notes for entries outside the bins: "62% below 1e-12". */
  const notes: { run: number; layer: string; x: number; label: string; anchor: "start" | "end" }[] = [];
  runs.forEach((r, i) => {
    for (const l of r.point?.layers ?? []) {
      const counts = grad ? l.gradHist : l.actHist;
      if (counts.length === 0) continue;
      const inBins = counts.reduce((a, b) => a + b, 0);
      const outside = grad ? l.gradUnder + l.gradOver : l.actOutside;
      const total = inBins + outside + (grad ? l.gradZeros : 0);
      data.push(...rows(i, l.layer, counts, spec, total));
      const name = `layer ${l.layer}`;
      if (i === 0 && total > 0) {
        // Entries outside the bins, noted at the right edge (where a vanishing layer has no bars).
        const pct = (k: number) => `${Math.round((100 * k) / total)}%`;
        const parts: string[] = [];
        if (grad && l.gradUnder + l.gradZeros > 0)
          parts.push(`${pct(l.gradUnder + l.gradZeros)} below ${decadeLabel(10 ** spec.lo)}`);
        if (grad && l.gradOver > 0) parts.push(`${pct(l.gradOver)} above ${decadeLabel(10 ** spec.hi)}`);
        if (!grad && l.actOutside > 0) parts.push(`${pct(l.actOutside)} outside the axis`);
        if (parts.length)
          notes.push({ run: i, layer: name, x: spec.hi, label: parts.join(", "), anchor: "end" });
      }
      if (!layerNames.includes(name)) layerNames.push(name);
    }
  });
  const panels = Math.max(1, layerNames.length);
  const width = options.width ?? 640;
  // A decade label ("10⁻¹²") is ~30 px wide: every second decade fits from ~520 px, a phone
  // gets every fourth (seven labels in 300 px ran into each other).
  const stride = width < 520 ? 4 : 2;
  const decades: number[] = [];
  for (let e = spec.hi; e >= spec.lo; e -= stride) decades.push(e);
  const el = plot({
    document,
    width,
    height: 40 + panels * 34,
    marginLeft: 64,
    marginRight: 12,
    marginBottom: AXIS_LABEL_MARGINS.marginBottom,
    style: CHART_STYLE,
    x: grad
      ? {
          domain: [spec.lo, spec.hi],
          label: "|∂L/∂W| (log scale)",
          tickFormat: (v: number) => decadeLabel(10 ** v),
          ticks: decades,
        }
      : { domain: [spec.lo, spec.hi], label: "activation value" },
    y: { axis: null, domain: [0, 1] },
    fy: { domain: layerNames, label: null, padding: 0.15 },
    marks: [
      ...runs.map((_, i) =>
        rectY(
          data.filter((d) => d.run === i),
          {
            x1: "x1",
            x2: "x2",
            y: "share",
            fy: "layer",
            fill: colour(SERIES_ROLES[i % SERIES_ROLES.length] ?? "series1"),
            fillOpacity: runs.length > 1 ? 0.55 : 0.85,
            inset: 0.5,
          },
        ),
      ),
      ...(["start", "end"] as const).map((anchor) =>
        text(
          notes.filter((n) => n.anchor === anchor),
          { x: "x", y: 0.55, fy: "layer", text: "label", textAnchor: anchor, fill: colour("muted") },
        ),
      ),
    ],
  });
  const step = runs[0]?.point?.step;
  const chart = asAccessibleImage(
    el,
    `Histograms of ${grad ? "the weight-gradient magnitudes" : "the activation values"} of each layer at step ${
      step ?? 0
    }, one panel per layer from the input side down.`,
  );
  // One row per bin: the bin's edges (log10 |g| for gradients) and the layer's share in it.
  return withChartData(chart, () =>
    data.map((d) => ({
      run: runs[d.run]?.name ?? String(d.run),
      step: runs[d.run]?.point?.step ?? null,
      layer: d.layer,
      [grad ? "log10GradFrom" : "activationFrom"]: d.x1,
      [grad ? "log10GradTo" : "activationTo"]: d.x2,
      share: d.share,
    })),
  );
}
