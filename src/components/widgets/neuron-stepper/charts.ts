/**
 * The neuron stepper's two charts, as pure chart functions (data, options, document) -> SVG,
 * so the same code draws the build-time static figure (linkedom) and the live one.
 *
 * - lossTraceChart: the loss after every step, on a log scale (a saturated neuron's plateau
 *   and the later drop span orders of magnitude).
 * - lossSurfaceChart: a heatmap of the loss over (w, b), with the descent path on top.
 */
import { areaY, dot, line, plot, text } from "@observablehq/plot";
import { LOSSES, type LossName } from "../../../lib/neuron";
import { withChartData } from "../../charts/chart-data";
import { AXIS_LABEL_MARGINS, asAccessibleImage, CHART_STYLE } from "../../charts/chart-svg";
import { lossRamp } from "../../charts/loss-ramp";
import { colour } from "../../charts/palette";
import { fmt } from "./format";
import { powerDomain, powerLabel, powerTicks } from "./log-ticks";

export interface TracePoint {
  readonly step: number;
  readonly w: number;
  readonly b: number;
  readonly loss: number;
}

export interface ChartSize {
  readonly width?: number;
  readonly height?: number;
}

/** Losses this small are drawn at the floor so the log scale never meets 0. */
const LOSS_FLOOR = 1e-12;

export function lossTraceChart(points: readonly TracePoint[], options: ChartSize, document: Document) {
  const last = points[points.length - 1];
  const data = points.map((p) => ({ step: p.step, loss: Math.max(p.loss, LOSS_FLOOR) }));
  const maxStep = Math.max(10, last?.step ?? 0);
  const el = plot({
    document,
    width: options.width ?? 640,
    height: options.height ?? 220,
    marginLeft: 56,
    marginRight: 16,
    ...AXIS_LABEL_MARGINS,
    style: CHART_STYLE,
    x: { domain: [0, maxStep], label: "step", grid: true },
    y: {
      type: "log",
      label: "loss",
      grid: true,
      domain: powerDomain(data.map((d) => d.loss)),
      ticks: powerTicks(
        data.map((d) => d.loss),
        6,
      ),
      tickFormat: powerLabel,
    },
    marks: [
      line(data, { x: "step", y: "loss", stroke: colour("series1"), strokeWidth: 2 }),
      dot(data.slice(-1), { x: "step", y: "loss", r: 4, fill: colour("series1") }),
    ],
  });
  const desc = last
    ? `Loss per step: ${points.length - 1} steps taken, loss ${fmt(points[0]?.loss ?? Number.NaN)} at the start and ${fmt(last.loss)} now.`
    : "Loss per step: no steps yet.";
  // The exact losses (the chart floors them at 1e-12 for the log axis), with the weights.
  return withChartData(asAccessibleImage(el, desc), () => points.map(traceRow));
}

const traceRow = (p: TracePoint) => ({ step: p.step, w: p.w, b: p.b, loss: p.loss });

export interface SurfaceData {
  readonly x: number;
  readonly target: number;
  readonly loss: LossName;
  readonly path: readonly TracePoint[];
}

/** The (w, b) window: at least [-8, 8]², widened to hold the path (up to ±50). */
export function surfaceWindow(path: readonly TracePoint[]): { w: [number, number]; b: [number, number] } {
  const clamp = (v: number) => Math.max(-50, Math.min(50, v));
  let [w0, w1, b0, b1] = [-8, 8, -8, 8];
  for (const p of path) {
    w0 = Math.min(w0, clamp(p.w - 1));
    w1 = Math.max(w1, clamp(p.w + 1));
    b0 = Math.min(b0, clamp(p.b - 1));
    b1 = Math.max(b1, clamp(p.b + 1));
  }
  return { w: [w0, w1], b: [b0, b1] };
}

/** Colour levels of the map (log10 of the loss is quantised into this many bands). */
const BANDS = 24;
/** Fine z-steps scanned to find where the colour band changes. */
const FINE = 600;

interface Stripe {
  readonly z1: number;
  readonly z2: number;
  /** log10 of the loss in the middle of the stripe's colour band. */
  readonly v: number;
}

/**
 * The loss depends on (w, b) only through z = w x + b, so every level set is a straight line
 * w x + b = const and the map is a set of parallel stripes. We scan z over the window, quantise
 * log10(loss) into BANDS colour levels and merge runs of equal colour into stripes
 * [z1, z2]: a few dozen exact polygons instead of thousands of heatmap cells (and no
 * contouring code in the page's JavaScript).
 */
export function lossStripes(task: Pick<SurfaceData, "x" | "target" | "loss">, win: Window): Stripe[] {
  const corners = [win.w[0], win.w[1]].flatMap((w) => [win.b[0], win.b[1]].map((b) => w * task.x + b));
  const zMin = Math.min(...corners);
  const zMax = Math.max(...corners);
  if (!(zMax > zMin))
    return [
      {
        z1: zMin - 1,
        z2: zMax + 1,
        v: Math.log10(Math.max(LOSSES[task.loss].fromZ(zMin, task.target), 1e-6)),
      },
    ];
  const dz = (zMax - zMin) / FINE;
  const logs = Array.from({ length: FINE }, (_, k) =>
    Math.log10(Math.max(LOSSES[task.loss].fromZ(zMin + (k + 0.5) * dz, task.target), 1e-6)),
  );
  const lo = Math.min(...logs);
  const hi = Math.max(...logs);
  const span = hi - lo || 1;
  const bucket = (v: number) => Math.min(BANDS - 1, Math.floor(((v - lo) / span) * BANDS));
  const stripes: Stripe[] = [];
  let start = 0;
  for (let k = 1; k <= FINE; k++) {
    if (k === FINE || bucket(logs[k] as number) !== bucket(logs[start] as number)) {
      const bk = bucket(logs[start] as number);
      stripes.push({ z1: zMin + start * dz, z2: zMin + k * dz, v: lo + ((bk + 0.5) / BANDS) * span });
      start = k;
    }
  }
  return stripes;
}

interface Window {
  readonly w: readonly [number, number];
  readonly b: readonly [number, number];
}

/**
 * One stripe z1 <= w x + b <= z2 clipped to the window, as rows (w, lower b, upper b) for an
 * area mark. Between the window edges and the points where a boundary line leaves the window
 * both boundaries are straight, so those w values are all the rows needed.
 */
function stripeRows(s: Stripe, x: number, win: Window, id: number) {
  const [w0, w1] = win.w;
  const [b0, b1] = win.b;
  const ws = [w0, w1];
  if (x !== 0) for (const z of [s.z1, s.z2]) for (const b of [b0, b1]) ws.push((z - b) / x);
  const clampB = (b: number) => Math.max(b0, Math.min(b1, b));
  const rows = ws
    .filter((w) => w >= w0 && w <= w1)
    .sort((a, b) => a - b)
    .map((w) => ({ w, lo: clampB(s.z1 - w * x), hi: clampB(s.z2 - w * x), v: s.v, id }));
  // Where the stripe lies outside the window both bounds clamp to the same edge: a
  // zero-height run that the seam-hiding stroke would still paint as a line along the frame.
  // Keep only the rows from the last empty one before the stripe to the first empty one after.
  const filled = rows.map((r) => r.hi - r.lo > 1e-9);
  const first = filled.indexOf(true);
  if (first < 0) return [];
  const last = filled.lastIndexOf(true);
  return rows.slice(Math.max(0, first - 1), last + 2);
}

export function lossSurfaceChart(data: SurfaceData, options: ChartSize, document: Document) {
  const win = surfaceWindow(data.path);
  const rows = lossStripes(data, win).flatMap((s, id) => stripeRows(s, data.x, win, id));
  const path = data.path.map((p) => ({ w: p.w, b: p.b }));
  const start = path[0];
  const now = path[path.length - 1];
  const el = plot({
    document,
    width: options.width ?? 480,
    height: options.height ?? Math.round(Math.min(400, (options.width ?? 480) * 0.85)),
    marginLeft: 44,
    marginRight: 16,
    ...AXIS_LABEL_MARGINS,
    style: CHART_STYLE,
    x: { domain: [...win.w], label: "weight w", grid: false },
    y: { domain: [...win.b], label: "bias b", grid: false },
    color: {
      type: "linear",
      interpolate: lossRamp,
      label: `log₁₀ ${LOSSES[data.loss].label}`,
      legend: false,
    },
    marks: [
      // The stroke in the fill colour hides hairline seams between neighbouring stripes.
      areaY(rows, {
        x: "w",
        y1: "lo",
        y2: "hi",
        z: "id",
        fill: "v",
        stroke: "v",
        strokeWidth: 0.6,
        curve: "linear",
      }),
      // The map's colours are the same in both themes (charts/loss-ramp.ts, indigo to yellow), so the
      // path and markers are too: black on a white casing reads on every band, where a theme
      // colour (a light ink in dark mode, orange) vanished on the yellow half.
      line(path, { x: "w", y: "b", stroke: "white", strokeWidth: 4 }),
      line(path, { x: "w", y: "b", stroke: "black", strokeWidth: 2 }),
      dot(start ? [start] : [], { x: "w", y: "b", r: 5, stroke: "black", strokeWidth: 2, fill: "white" }),
      dot(now ? [now] : [], {
        x: "w",
        y: "b",
        r: 6,
        stroke: "white",
        strokeWidth: 1.5,
        fill: "black",
        symbol: "diamond",
      }),
      text(start ? [start] : [], {
        x: "w",
        y: "b",
        text: () => "start",
        dy: -12,
        fill: "black",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
        fontWeight: 600,
      }),
    ],
  });
  const desc = `Loss surface over weight and bias for x = ${fmt(data.x)}, target ${fmt(data.target)}, ${LOSSES[data.loss].label}; darker is lower loss. The descent path runs from (${fmt(start?.w ?? Number.NaN)}, ${fmt(start?.b ?? Number.NaN)}) to (${fmt(now?.w ?? Number.NaN)}, ${fmt(now?.b ?? Number.NaN)}).`;
  // The descent path drawn over the map (the stripes are geometry derived from the loss).
  return withChartData(asAccessibleImage(el, desc), () => data.path.map(traceRow));
}
