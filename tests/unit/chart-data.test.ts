/**
 * Every chart can be exported: each chart function attaches its rows (withChartData), and the
 * rows are the numbers the chart shows — including the ones a log axis leaves out.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { activationChart } from "../../src/components/charts/activation-chart";
import { type ChartRow, chartDataOf, withChartData } from "../../src/components/charts/chart-data";
import { derivativeCompareChart } from "../../src/components/charts/derivative-compare-chart";
import { histogramChart } from "../../src/components/charts/training/histogram-chart";
import { layerSeriesChart } from "../../src/components/charts/training/layer-series-chart";
import { layerShareChart } from "../../src/components/charts/training/layer-share-chart";
import { lossChart } from "../../src/components/charts/training/loss-chart";
import { percentileChart } from "../../src/components/widgets/bn-percentiles/percentile-chart";
import { clipVectorRows } from "../../src/components/widgets/clipping/ClipVectors";
import { clipDemoView } from "../../src/components/widgets/clipping/clip-demo";
import { clipNormChart } from "../../src/components/widgets/clipping/norm-chart";
import { gradientChainChart } from "../../src/components/widgets/gradient-chain/chain-chart";
import { chainView } from "../../src/components/widgets/gradient-chain/chain-view";
import { DEFAULT_CHAIN_CONFIG } from "../../src/components/widgets/gradient-chain/config";
import { allVariances } from "../../src/components/widgets/init-variance/config";
import { varianceChart } from "../../src/components/widgets/init-variance/variance-chart";
import { layerProfileChart } from "../../src/components/widgets/layer-speed/profile-chart";
import { lossSurfaceChart, lossTraceChart } from "../../src/components/widgets/neuron-stepper/charts";
import { addingLossChart } from "../../src/components/widgets/rnn-gradients/adding-loss-chart";
import { gradientProfileChart } from "../../src/components/widgets/rnn-gradients/profile-chart";
import { profileView } from "../../src/components/widgets/rnn-gradients/profile-data";
import type { LayerPoint, TrainingPoint } from "../../src/lib/findings";
import { GRADIENT_BINS } from "../../src/lib/histogram";
import { LOSS_NAMES, type LossName } from "../../src/lib/neuron";

const doc = () => parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;

function layer(l: number, gradNorm: number): LayerPoint {
  return {
    layer: l,
    gradNorm,
    updateRatio: gradNorm / 10,
    saturated: 0.25,
    dead: 0,
    gradHist: Array.from({ length: GRADIENT_BINS.bins }, (_, i) => i % 3),
    gradZeros: 0,
    gradUnder: 1,
    gradOver: 0,
    actHist: [],
    actOutside: 0,
  };
}

/** Three steps of a 3-layer run; the last one diverged (NaN losses, Infinity in layer 3). */
const points: TrainingPoint[] = [1, 2, 3].map((step) => ({
  step,
  loss: step === 3 ? Number.NaN : 1 / step,
  testLoss: step === 3 ? Number.NaN : 1.1 / step,
  accuracy: null,
  gradNorm: step === 3 ? Number.POSITIVE_INFINITY : step,
  clippedGradNorm: 1,
  layers: [
    layer(1, 1e-4 * step),
    layer(2, 1e-2 * step),
    layer(3, step === 3 ? Number.POSITIVE_INFINITY : step),
  ],
}));
const runs = [
  { name: "plain", points },
  { name: "clipped", points: points.slice(0, 2) },
];

const rowsOf = (el: Element): readonly ChartRow[] => {
  const rows = chartDataOf(el);
  expect(rows, "the chart attached no rows").toBeDefined();
  return rows ?? [];
};

describe("every chart function attaches its data", () => {
  test("activation explorer: f and f′ samples", () => {
    const rows = rowsOf(activationChart({ activation: "sigmoid", x: 1, threshold: 0.05 }, {}, doc()));
    expect(rows.length).toBeGreaterThan(100);
    const mid = rows.find((r) => r.x === 0);
    expect(mid).toMatchObject({ activation: "sigmoid", f: 0.5, df: 0.25, saturated: false });
  });

  test("derivative comparison: one series per shown activation", () => {
    const rows = rowsOf(derivativeCompareChart({ shown: ["sigmoid", "relu"] }, {}, doc()));
    expect(new Set(rows.map((r) => r.activation))).toEqual(new Set(["sigmoid", "relu"]));
    const sigmoid = rows.filter((r) => r.activation === "sigmoid");
    expect(sigmoid.length).toBeGreaterThan(400);
    expect(rows).toHaveLength(2 * sigmoid.length);
  });

  test("loss chart keeps the diverged step's NaN", () => {
    const rows = rowsOf(lossChart(runs, {}, doc()));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ run: "plain", step: 1, loss: 1, testLoss: 1.1 });
    expect(Number.isNaN(rows[2]?.loss)).toBe(true);
  });

  test("layer series: every layer at every step, Infinity kept", () => {
    const rows = rowsOf(layerSeriesChart(runs, { metric: "gradNorm" }, doc()));
    expect(rows).toHaveLength(5 * 3);
    expect(rows[0]).toEqual({ run: "plain", step: 1, layer: 1, gradNorm: 1e-4 });
    expect(rows.find((r) => r.step === 3 && r.layer === 3)?.gradNorm).toBe(Number.POSITIVE_INFINITY);
  });

  test("histograms: one row per bin and layer", () => {
    const rows = rowsOf(
      histogramChart(
        [{ name: "plain", point: points[0] }],
        { kind: "gradient", activation: "sigmoid" },
        doc(),
      ),
    );
    expect(rows).toHaveLength(3 * GRADIENT_BINS.bins);
    expect(rows[0]).toMatchObject({
      run: "plain",
      step: 1,
      layer: "layer 1",
      log10GradFrom: GRADIENT_BINS.lo,
    });
  });

  test("layer shares, layer profile, clip norms, adding loss", () => {
    expect(rowsOf(layerShareChart(points[0], {}, doc()))).toHaveLength(6);
    const profile = rowsOf(layerProfileChart({ first: points[0], last: points[2] }, {}, doc()));
    expect(profile).toHaveLength(6);
    expect(profile.at(-1)).toMatchObject({ series: "latest step", layer: 3, output: true });
    const norms = rowsOf(clipNormChart(runs, { steps: 3, threshold: 1 }, doc()));
    expect(norms).toHaveLength(5);
    expect(norms.filter((r) => r.clipped)).toHaveLength(2);
    expect(rowsOf(addingLossChart(runs, { steps: 3, baseline: 1 / 6 }, doc()))).toHaveLength(5);
  });

  test("gradient chain, init variance, RNN profile, BN percentiles", () => {
    const view = chainView(DEFAULT_CHAIN_CONFIG);
    const chain = rowsOf(gradientChainChart(view, {}, doc()));
    expect(chain.map((r) => r.grad)).toEqual(view.rows.map((r) => r.grad));
    const results = allVariances({ activation: "tanh", width: 8, depth: 4 });
    const acts = rowsOf(varianceChart(results, { kind: "activation" }, doc()));
    expect(acts.length).toBe(Object.values(results).reduce((n, r) => n + (r?.length ?? 0), 0));
    expect(acts[0]).toHaveProperty("activationVariance");
    const rnn = profileView(5);
    expect(rowsOf(gradientProfileChart(rnn, {}, doc()))).toHaveLength(rnn.rows.length);
    const trace = {
      steps: [0, 10],
      units: [[[-1, 0, 1] as [number, number, number], [-2, 0, 2] as [number, number, number]]],
    };
    const bn = rowsOf(percentileChart([{ name: "with BN", trace }], { unit: 0 }, doc()));
    expect(bn).toEqual([
      { run: "with BN", unit: 1, step: 0, p15: -1, p50: 0, p85: 1 },
      { run: "with BN", unit: 1, step: 10, p15: -2, p50: 0, p85: 2 },
    ]);
  });

  test("neuron stepper: the trace with exact losses, the descent path", () => {
    const path = [
      { step: 0, w: 2, b: 2, loss: 0.5 },
      { step: 1, w: 1.9, b: 1.95, loss: 1e-15 },
    ];
    expect(rowsOf(lossTraceChart(path, {}, doc()))[1]).toEqual({ step: 1, w: 1.9, b: 1.95, loss: 1e-15 });
    expect(
      rowsOf(lossSurfaceChart({ x: 1, target: 0, loss: LOSS_NAMES[0] as LossName, path }, {}, doc())),
    ).toHaveLength(2);
  });

  test("the clipping demo's three vectors (an SVG drawn without Plot)", () => {
    const view = clipDemoView({ x: 3, y: 4 }, 1);
    const rows = clipVectorRows(view, 1);
    expect(rows.map((r) => r.vector)).toEqual(["g", "clipped by value", "clipped by norm"]);
    expect(rows[0]).toMatchObject({ x: 3, y: 4, norm: 5, angleDeg: 0 });
    expect(rows[2]?.norm).toBeCloseTo(1, 12);
  });

  test("lazy rows are built on request, eager rows returned as given", () => {
    const { document } = parseHTML("<svg></svg>");
    let built = 0;
    const a = withChartData(document.createElement("div"), () => {
      built += 1;
      return [{ x: 1 }];
    });
    expect(built).toBe(0);
    expect(chartDataOf(a)).toEqual([{ x: 1 }]);
    expect(built).toBe(1);
    const rows = [{ y: 2 }];
    expect(chartDataOf(withChartData(document.createElement("div"), rows))).toBe(rows);
    expect(chartDataOf(document.createElement("div"))).toBeUndefined();
  });
});

/** Every file that draws with Plot attaches rows, so a new chart cannot ship without export data. */
test("every Plot chart function in src/components/{charts,widgets} calls withChartData", () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) files.push(path);
    }
  };
  walk("src/components/charts");
  walk("src/components/widgets");
  const drawing = files.filter((f) => {
    const text = readFileSync(f, "utf8");
    return /from "@observablehq\/plot"/.test(text) && /\bplot\(\{/.test(text);
  });
  expect(drawing.length).toBeGreaterThanOrEqual(14);
  const missing = drawing.filter((f) => {
    const text = readFileSync(f, "utf8");
    const plots = (text.match(/\bplot\(\{/g) ?? []).length;
    const attaches = (text.match(/\bwithChartData\(/g) ?? []).length;
    return attaches < plots;
  });
  expect(missing, `chart files without withChartData: ${missing.join(", ")}`).toEqual([]);
});
