/**
 * Data shaping shared by the training charts: a chart takes an array of runs (so two runs of a
 * same-seed comparison can be overlaid) and flattens them into tidy rows for Plot.
 */
import type { TrainingPoint } from "../../../lib/findings";

/** One run as a chart sees it: a name for the legend and its recorded points. */
export interface ChartRun {
  readonly name: string;
  readonly points: readonly TrainingPoint[];
}

/** Stroke dash per run index: the first run solid, the second dashed, the third dotted. */
export const RUN_DASHES = [null, "6,3", "2,3"] as const;
export const runDash = (i: number): string | null => RUN_DASHES[i % RUN_DASHES.length] ?? null;

/** Per-layer metrics a time-series chart can show. */
export const LAYER_METRICS = {
  gradNorm: { label: "‖∂L/∂W‖ per layer", log: true, describe: "the gradient norm of each layer's weights" },
  updateRatio: {
    label: "‖ΔW‖ / ‖W‖ per layer",
    log: true,
    describe: "each layer's update-to-weight ratio",
  },
  saturated: {
    label: "saturated share per layer",
    log: false,
    describe: "the share of saturated units per layer",
  },
  dead: { label: "dead share per layer", log: false, describe: "the share of dead units per layer" },
} as const;
export type LayerMetric = keyof typeof LAYER_METRICS;

export interface LayerRow {
  readonly run: string;
  readonly runIndex: number;
  readonly step: number;
  readonly layer: number;
  readonly value: number;
}

/**
 * Rows { run, step, layer, value } for one metric. Values a log scale cannot show (0, NaN,
 * Infinity) are dropped, so a line simply ends where a run diverged.
 */
export function layerRows(runs: readonly ChartRun[], metric: LayerMetric): LayerRow[] {
  const log = LAYER_METRICS[metric].log;
  const rows: LayerRow[] = [];
  runs.forEach((r, runIndex) => {
    for (const p of r.points) {
      for (const l of p.layers) {
        const v = l[metric];
        if (v === null || !Number.isFinite(v) || (log && !(v > 0))) continue;
        rows.push({ run: r.name, runIndex, step: p.step, layer: l.layer, value: v });
      }
    }
  });
  return rows;
}

/**
 * Points a layer chart draws over all its lines. Building a Plot chart costs time in proportion
 * to its points, and more than that once the garbage collector joins in (measured in Chromium on
 * this project's machine, two runs of 21 layers: 100 points per line 27 ms, 50 points 10 ms), and
 * a redraw while training must stay well inside the 50 ms long-task line. A dashboard's handful of
 * lines keeps every point; a 30-layer comparison's 62 lines keep every second or third. The
 * chart's exported data keeps every point either way.
 */
export const CHART_POINT_BUDGET = 2_000;

/**
 * At most `max` items of `items`, evenly spaced by index, always keeping the first and the last
 * (recorded points are evenly spaced in steps, so this is even in steps too).
 */
export function thinEvenly<T>(items: readonly T[], max: number): readonly T[] {
  const n = items.length;
  const m = Math.max(2, Math.floor(max));
  if (n <= m) return items;
  const out: T[] = [];
  for (let i = 0; i < m; i++) out.push(items[Math.round((i * (n - 1)) / (m - 1))]!);
  return out;
}

/** Number of layers (the largest over the runs). */
export const layerCount = (runs: readonly ChartRun[]): number =>
  Math.max(0, ...runs.map((r) => r.points[0]?.layers.length ?? 0));

/** The recorded point of a run nearest to `step` (at or before it when possible). */
export function pointAt(points: readonly TrainingPoint[], step: number): TrainingPoint | undefined {
  let best: TrainingPoint | undefined;
  for (const p of points) {
    if (p.step <= step) best = p;
    else return best ?? p;
  }
  return best;
}

/** [lo, hi] of positive finite values, widened to whole decades (for log axes). */
export function decadeDomain(values: readonly number[], fallback: [number, number]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(hi > 0)) return fallback;
  const a = 10 ** Math.floor(Math.log10(lo));
  const b = 10 ** Math.ceil(Math.log10(hi));
  return a === b ? [a / 10, b * 10] : [a, b];
}

/**
 * `domain` widened to cover `atLeast` too. A chart given the domain of a whole run (known at
 * build time for a figure's default config) keeps its axes still while that run replays, and
 * the live chart then has the build-time figure's axes from its first frame.
 */
export function coverDomain(
  domain: readonly [number, number],
  atLeast: readonly [number, number] | undefined,
): [number, number] {
  if (!atLeast) return [domain[0], domain[1]];
  return [Math.min(domain[0], atLeast[0]), Math.max(domain[1], atLeast[1])];
}

/**
 * Whole decades inside a log domain, thinned to at most `max` (every 2nd, 3rd... decade), so a
 * log axis spanning fourteen decades gets a few readable labels rather than a tick per digit.
 */
export function decadeTicks([lo, hi]: readonly [number, number], max: number): number[] {
  const a = Math.ceil(Math.log10(lo) - 1e-9);
  const b = Math.floor(Math.log10(hi) + 1e-9);
  const every = Math.max(1, Math.ceil((b - a + 1) / max));
  const out: number[] = [];
  for (let e = b; e >= a; e -= every) out.push(10 ** e);
  return out.reverse();
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/**
 * Tick label on a log axis, in the notation the prose uses: "0.001", "100", and "10⁻⁶" from
 * ten thousand either way; values between decades to three significant digits ("0.2").
 * Self-contained (no number-formatting module) so it costs a chart page a few bytes.
 */
export function decadeLabel(v: number): string {
  const e = Math.round(Math.log10(v));
  const isDecade = Math.abs(v - 10 ** e) <= 1e-9 * Math.abs(v);
  if (!isDecade || Math.abs(e) <= 3) return String(Number(v.toPrecision(3)));
  const digits = [...String(Math.abs(e))].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join("");
  return `10${e < 0 ? "⁻" : ""}${digits}`;
}
