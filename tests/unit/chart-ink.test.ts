/**
 * Layer charts redrawn in place (charts/ink.ts): while the frame fits, the chart on the page is
 * updated and returned, and it is then exactly the chart a full draw of the new data makes; when
 * the frame changes (domain, width, scrubbed step, runs) a new chart is built. The ink is drawn
 * with the frame's own scales: its vertices are where Plot's line mark puts them.
 */
import { line, plot } from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { chartDataOf } from "../../src/components/charts/chart-data";
import { drawInk, moveInkFrame, redrawInk } from "../../src/components/charts/ink";
import { morphChart } from "../../src/components/charts/morph-chart";
import { layerDomain, layerSeriesChart } from "../../src/components/charts/training/layer-series-chart";
import { lossChart, lossDomain } from "../../src/components/charts/training/loss-chart";
import { type ChartRun, decadeDomain } from "../../src/components/charts/training/series";
import { clipNormChart } from "../../src/components/widgets/clipping/norm-chart";
import type { TrainingPoint } from "../../src/lib/findings";
import { layerRuns } from "../helpers/chart-runs";

const { document } = parseHTML("<!doctype html><html><body></body></html>");
const doc = document as unknown as Document;

/** Values from 10^-0.25 down to ~10^-2.5: inside [1e-3, 1] for every n used here. */
const runs = (layers: number, n: number, scale = 1) =>
  layerRuns(layers, n, (l, i, r) => scale * 10 ** (-l / 4 - r) * (0.6 + 0.3 * Math.sin(i / 3)));

const opts = { metric: "gradNorm", steps: 600 } as const;
const chart = (data: ChartRun[], shown?: Element, o: Parameters<typeof layerSeriesChart>[1] = opts) =>
  layerSeriesChart(data, o, doc, shown);

/** The vertices of every data line, in pixels. */
function vertices(el: Element): number[][][] {
  return Array.from(el.querySelectorAll('[data-ink="lines"] path'), (p) =>
    (p.getAttribute("d") ?? "")
      .split(/[ML]/)
      .filter(Boolean)
      .map((xy) => xy.split(",").map(Number)),
  );
}

describe("layer series chart redrawn in place", () => {
  test("a redraw whose frame fits updates the shown chart into exactly the full draw", () => {
    const shown = chart(runs(6, 20));
    const axisTexts = Array.from(shown.querySelectorAll("text"));
    const next = runs(6, 45);
    const again = chart(next, shown);
    expect(again).toBe(shown);
    expect(shown.outerHTML).toBe(chart(next).outerHTML);
    // The axes were not touched: their text nodes are the same nodes.
    expect(Array.from(shown.querySelectorAll("text")).slice(0, -2)).toEqual(axisTexts.slice(0, -2));
    // The export follows the new data.
    expect(chartDataOf(shown)).toHaveLength(2 * 45 * 6);
  });

  test("a new frame is built when the domain, width, scrubbed step or runs change", () => {
    const shown = chart(runs(6, 20));
    expect(chart(runs(6, 20, 1e-4), shown)).not.toBe(shown);
    expect(chart(runs(6, 20), shown, { ...opts, width: 400 })).not.toBe(shown);
    expect(chart(runs(6, 20), shown, { ...opts, step: 60 })).not.toBe(shown);
    expect(chart(runs(7, 20), shown)).not.toBe(shown);
    expect(chart(runs(6, 20).slice(0, 1), shown)).not.toBe(shown);
    // And nothing of the shown chart changed on the way.
    expect(shown.outerHTML).toBe(chart(runs(6, 20)).outerHTML);
  });

  test("the lines' vertices are where Plot's own line mark draws them", () => {
    const data = runs(4, 30);
    const ours = vertices(chart(data));
    const rows = data.flatMap((r, run) =>
      r.points.flatMap((p) =>
        p.layers.map((l) => ({ run, layer: l.layer, step: p.step, value: l.gradNorm })),
      ),
    );
    // The chart's y domain: its values' decades (as decadeDomain computes it).
    const [lo, hi] = decadeDomain(
      rows.map((r) => r.value),
      [1e-6, 1],
    );
    const plotted = plot({
      document: doc,
      width: 640,
      height: 240,
      marginLeft: 56,
      marginRight: 12,
      marginTop: 28,
      marginBottom: 38,
      x: { domain: [0, 600] },
      y: { type: "log", domain: [lo, hi] },
      marks: [line(rows, { x: "step", y: "value", z: (r) => `${r.run}:${r.layer}` })],
    });
    const theirs = Array.from(plotted.querySelectorAll("path"), (p) =>
      (p.getAttribute("d") ?? "")
        .split(/[ML]/)
        .filter(Boolean)
        .map((xy) => xy.split(",").map(Number)),
    ).filter((v) => v.length > 2);
    expect(ours).toHaveLength(theirs.length);
    ours.forEach((line, i) => {
      expect(line).toHaveLength(theirs[i]!.length);
      line.forEach(([x, y], j) => {
        // Ours are rounded to hundredths of a pixel.
        expect(Math.abs(x! - theirs[i]![j]![0]!)).toBeLessThanOrEqual(0.0051);
        expect(Math.abs(y! - theirs[i]![j]![1]!)).toBeLessThanOrEqual(0.0051);
      });
    });
  });
});

/** Two runs with a loss, held-out loss and gradient norms (before and after clipping at 1). */
const trainingRuns = (n: number, diverge = false): ChartRun[] =>
  ["not clipped", "clipped"].map((name, r) => ({
    name,
    points: Array.from({ length: n }, (_, i) => {
      const norm = 0.5 + 2 * Math.abs(Math.sin(i + r));
      return {
        step: (i + 1) * 4,
        loss: 0.7 / (1 + i / 40 + r / 2),
        testLoss: diverge && r === 0 && i > n / 2 ? Number.NaN : 0.75 / (1 + i / 40 + r / 2),
        accuracy: null,
        gradNorm: norm,
        clippedGradNorm: Math.min(norm, 1),
        layers: [],
      } as TrainingPoint;
    }),
  }));

describe("loss and clipping-norm charts redrawn in place", () => {
  const charts = {
    loss: (data: ChartRun[], shown?: Element) => lossChart(data, { steps: 400 }, doc, shown),
    "clip norms": (data: ChartRun[], shown?: Element) =>
      clipNormChart(data, { steps: 400, threshold: 1 }, doc, shown),
  };
  for (const [name, draw] of Object.entries(charts)) {
    test(`${name}: in place while the frame fits, exactly the full draw`, () => {
      const shown = draw(trainingRuns(10));
      for (const next of [trainingRuns(30), trainingRuns(60, true)]) {
        expect(draw(next, shown)).toBe(shown);
        expect(shown.outerHTML).toBe(draw(next).outerHTML);
      }
      // Wider, or a run renamed: a new frame.
      const renamed = trainingRuns(60).map((r, i) => (i ? { ...r, name: "other" } : r));
      expect(draw(renamed, shown) === shown).toBe(name !== "loss");
    });
  }

  test("clip norms: a new threshold is a new frame", () => {
    const shown = charts["clip norms"](trainingRuns(10));
    expect(clipNormChart(trainingRuns(10), { steps: 400, threshold: 2 }, doc, shown)).not.toBe(shown);
  });
});

describe("a replayed run with the whole run's domain keeps its frame", () => {
  // A run whose gradients fall through four decades and whose loss falls through two.
  const whole = layerRuns(3, 60, (l, i, r) => 10 ** (-l - r - i / 20));
  const partial = (n: number) => whole.map((r) => ({ ...r, points: r.points.slice(0, n) }));
  const withLoss = (data: ChartRun[]) =>
    data.map((r) => ({
      ...r,
      points: r.points.map((p, i) => ({ ...p, loss: 0.9 * 10 ** (-i / 30), testLoss: 1 })),
    }));

  test("layer series: every redraw in place, ending as the build-time figure", () => {
    const yDomain = layerDomain(whole, "gradNorm");
    const o = { ...opts, yDomain };
    const shown = chart(partial(2), undefined, o);
    for (const n of [10, 25, 40, 60]) expect(chart(partial(n), shown, o)).toBe(shown);
    expect(shown.outerHTML).toBe(chart(whole).outerHTML);
    // Without the hint the same replay rebuilds its frame as the gradients fall.
    const bare = chart(partial(2));
    expect([10, 25, 40, 60].some((n) => chart(partial(n), bare) !== bare)).toBe(true);
  });

  test("loss: every redraw in place, ending as the build-time figure", () => {
    const all = withLoss(whole);
    const part = (n: number) => all.map((r) => ({ ...r, points: r.points.slice(0, n) }));
    const o = { steps: 600, yDomain: lossDomain(all) };
    const shown = lossChart(part(2), o, doc);
    for (const n of [10, 30, 60]) expect(lossChart(part(n), o, doc, shown)).toBe(shown);
    expect(shown.outerHTML).toBe(lossChart(all, { steps: 600 }, doc).outerHTML);
  });
});

describe("ink primitives", () => {
  test("redrawInk refuses a chart without a frame, or with another frame", () => {
    const ink = { lines: [], strokeWidth: 1 };
    expect(redrawInk(undefined, "k", ink)).toBe(false);
    const bare = doc.createElementNS("http://www.w3.org/2000/svg", "svg");
    expect(redrawInk(bare, "k", ink)).toBe(false);
    expect(bare.childNodes).toHaveLength(0);
    expect(() => drawInk(bare, "k", ink)).toThrow(/no x and y scales/);
  });

  test("moveInkFrame hands the frame to the chart a fresh one was morphed into", () => {
    // What ChartMount does when a frame changed: morph the fresh chart into the one on the page.
    // The chart on the page: same markup as a drawn chart, but no frame remembered for it.
    const live = chart(runs(3, 8)).cloneNode(true) as Element;
    const fresh = chart(runs(3, 10));
    morphChart(live, fresh);
    expect(chart(runs(3, 12), live)).not.toBe(live);
    moveInkFrame(fresh, live);
    expect(chart(runs(3, 12), live)).toBe(live);
    expect(live.outerHTML).toBe(chart(runs(3, 12)).outerHTML);
  });
});
