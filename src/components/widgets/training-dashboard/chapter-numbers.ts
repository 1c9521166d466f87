/**
 * Every number chapter 4's prose states, computed by the core (full runs of the presets, at
 * build time). The chapter imports these; tests/unit/chapter4-numbers.test.ts checks the claims
 * the prose makes about them (e.g. layer 1's weights do not shrink to zero).
 */
import type { Finding } from "../../../lib/findings";
import type { StepRecord } from "../../../lib/run";
import { type DashboardKnobs, PRESETS } from "./config";
import { causeLabel } from "./diagnosis";
import { type StaticRun, staticRun } from "./static-run";

/** Two runs whose configs the reader does not see (the "diagnose this run" exercises). */
export const MYSTERY_RUNS = {
  a: { depth: 8, activation: "sigmoid", init: "standard", initScale: 1, lr: 0.5, seed: 7 },
  b: { depth: 6, activation: "relu", init: "heNormal", initScale: 1, lr: 1.5, seed: 7 },
} as const satisfies Record<string, DashboardKnobs>;

/** tanh with weights four times Glorot's scale: units saturate. */
export const SATURATING_KNOBS = {
  depth: 6,
  activation: "tanh",
  init: "glorotNormal",
  initScale: 4,
  lr: 0.5,
  seed: 1,
} as const satisfies DashboardKnobs;

const finding = (r: StaticRun, kind: Finding["kind"]): Finding => {
  const f = r.findings.find((x) => x.kind === kind);
  if (!f)
    throw new Error(
      `chapter 4: expected a "${kind}" finding, got ${r.findings.map((x) => x.kind).join(", ") || "none"}`,
    );
  return f;
};

/** ||W|| of a layer's weight matrix in a record. */
const weightNorm = (rec: StepRecord | undefined, layer: number): number =>
  rec?.paramStats.find((p) => p.kind === "W" && p.layer === layer)?.valueNorm ?? Number.NaN;

export function chapter4Numbers() {
  const healthy = staticRun(PRESETS.healthy.knobs);
  const vanishing = staticRun(PRESETS.vanishing.knobs);
  const exploding = staticRun(PRESETS.exploding.knobs);
  const dying = staticRun(PRESETS.dyingRelu.knobs);
  const saturating = staticRun(SATURATING_KNOBS);
  const mysteryA = staticRun(MYSTERY_RUNS.a);
  const mysteryB = staticRun(MYSTERY_RUNS.b);

  const vLast = vanishing.session.points[vanishing.session.points.length - 1]!;
  const vLayers = vLast.layers;
  const hLast = healthy.session.points[healthy.session.points.length - 1]!;
  const hRatios = hLast.layers.map((l) => l.updateRatio);
  const vMetrics = vanishing.session.run.metrics;
  const slow = finding(vanishing, "slowLayers");
  const plateau = finding(vanishing, "plateau");
  const g1 = vLayers[0]!.gradNorm;
  const gL = vLayers[vLayers.length - 1]!.gradNorm;
  const layersBetween = vLayers.length - 1;
  return {
    healthy: {
      trainLoss: hLast.loss,
      testLoss: hLast.testLoss,
      minRatio: Math.min(...hRatios),
      maxRatio: Math.max(...hRatios),
      /** ||dL/dW^1|| / ||dL/dW^L|| at the last step: about 1 when every layer learns. */
      gradSpread: hLast.layers[0]!.gradNorm / hLast.layers[hLast.layers.length - 1]!.gradNorm,
    },
    vanishing: {
      depth: PRESETS.vanishing.knobs.depth,
      layers: vLayers.length,
      plateauLevel: plateau.values.level!,
      plateauFrom: plateau.values.from!,
      slowFactor: slow.values.factor!,
      firstRatio: slow.values.firstRatio!,
      lastRatio: slow.values.lastRatio!,
      firstGrad: g1,
      lastGrad: gL,
      decades: Math.log10(gL / g1),
      /** Geometric-mean shrink factor per layer, (||g^1|| / ||g^L||)^(1/(L-1)). */
      perLayerFactor: (g1 / gL) ** (1 / layersBetween),
      /** ||W^1|| at the first recorded step and at the last: the weights do not go to zero. */
      w1Start: weightNorm(vMetrics[0], 1),
      w1End: weightNorm(vMetrics[vMetrics.length - 1], 1),
      saturatedMax: Math.max(...vLayers.map((l) => l.saturated ?? 0)),
      accuracy: vLast.accuracy ?? Number.NaN,
    },
    exploding: {
      step: finding(exploding, "diverged").values.step!,
      firstLoss: exploding.session.points[0]!.loss,
      firstGradNorm: exploding.session.points[0]!.gradNorm,
    },
    dying: {
      share: finding(dying, "deadRelu").values.share!,
      layer: finding(dying, "deadRelu").values.layer!,
      lr: PRESETS.dyingRelu.knobs.lr,
    },
    saturating: {
      share: finding(saturating, "saturation").values.share!,
      layer: finding(saturating, "saturation").values.layer!,
    },
    mysteryA: causeLabel(mysteryA.findings),
    mysteryB: causeLabel(mysteryB.findings),
  };
}
