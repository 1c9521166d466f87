/**
 * The dashboard's configs against the core's schema, its parser, the chart helpers, and the
 * claims chapter 4's prose makes about the numbers it quotes (chapter-numbers.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { layerColour } from "../../src/components/charts/training/layer-colours";
import { decadeDomain, decadeTicks, pointAt } from "../../src/components/charts/training/series";
import { recordEveryFor } from "../../src/components/widgets/training/session";
import { chapter4Numbers } from "../../src/components/widgets/training-dashboard/chapter-numbers";
import {
  ACTIVATION_LABELS,
  DASHBOARD_ACTIVATIONS,
  DASHBOARD_INITS,
  INIT_LABELS,
  PRESET_NAMES,
  PRESETS,
  parseDashboardConfig,
  RANGES,
  toExperimentConfig,
} from "../../src/components/widgets/training-dashboard/config";
import { CAUSES, causeOf } from "../../src/components/widgets/training-dashboard/diagnosis";
import { ACTIVATIONS } from "../../src/lib/activations";
import { LIMITS, parseConfig, serialiseConfig } from "../../src/lib/config";
import { SATURATED_SHARE } from "../../src/lib/findings";
import { INITS } from "../../src/lib/inits";

describe("dashboard configs", () => {
  it("every preset builds a config the core's schema accepts unchanged", () => {
    for (const name of PRESET_NAMES) {
      const c = toExperimentConfig(PRESETS[name].knobs);
      const parsed = parseConfig(c);
      expect(parsed.ok, name).toBe(true);
      if (parsed.ok) expect(serialiseConfig(parsed.config)).toBe(serialiseConfig(c));
      expect(JSON.stringify(parsed.ok && parsed.config)).toBe(JSON.stringify(c));
    }
  });

  it("presets differ only in their knobs", () => {
    const strip = (n: (typeof PRESET_NAMES)[number]) => {
      const c = toExperimentConfig(PRESETS[n].knobs);
      return {
        ...c,
        seed: 0,
        model: { ...c.model, depth: 0, activation: "linear", init: null },
        optimiser: { ...c.optimiser, lr: 0 },
      };
    };
    for (const n of PRESET_NAMES) expect(strip(n)).toEqual(strip("healthy"));
  });

  it("display labels match the core's registries", () => {
    for (const a of DASHBOARD_ACTIVATIONS) expect(ACTIVATION_LABELS[a]).toBe(ACTIVATIONS[a].label);
    for (const i of DASHBOARD_INITS) expect(INIT_LABELS[i]).toBe(INITS[i].label);
  });

  it("knob ranges sit inside the core's limits", () => {
    expect(RANGES.depth.max).toBeLessThanOrEqual(LIMITS.depth[1]);
    expect(RANGES.initScale.max).toBeLessThanOrEqual(LIMITS.initScale[1]);
    expect(RANGES.lr.max).toBeLessThanOrEqual(LIMITS.lr[1]);
    expect(RANGES.seed.max).toBeLessThanOrEqual(LIMITS.seed[1]);
  });

  it("the parser clamps, rounds and defaults untrusted state", () => {
    expect(parseDashboardConfig({ preset: "nope" }).preset).toBe("vanishing");
    const c = parseDashboardConfig({
      preset: "custom",
      knobs: { depth: 3.7, lr: 99, initScale: Number.NaN, activation: "swish" },
    });
    expect(c.knobs.depth).toBe(4);
    expect(c.knobs.lr).toBe(RANGES.lr.max);
    expect(c.knobs.initScale).toBe(PRESETS.vanishing.knobs.initScale);
    expect(c.knobs.activation).toBe(PRESETS.vanishing.knobs.activation);
    expect(parseDashboardConfig("garbage").knobs).toEqual(PRESETS.vanishing.knobs);
  });
});

describe("chart helpers", () => {
  it("decade domains and ticks", () => {
    expect(decadeDomain([3e-13, 0.02], [1, 10])).toEqual([1e-13, 0.1]);
    expect(decadeDomain([], [1, 10])).toEqual([1, 10]);
    const t = decadeTicks([1e-14, 1], 7);
    expect(t.length).toBeLessThanOrEqual(7);
    expect(t[t.length - 1]).toBe(1);
    expect(decadeTicks([0.1, 10], 7)).toEqual([0.1, 1, 10]);
  });

  it("layer colours run from the input-side blue to the output-side orange", () => {
    expect(layerColour(1, 11)).toBe("#3d7be0");
    expect(layerColour(11, 11)).toBe("#e0702a");
    expect(layerColour(6, 11)).toBe("#9a5bd0");
  });

  it("pointAt picks the recorded point at or before a step; points per run stay bounded", () => {
    const pts = [1, 4, 8].map((step) => ({ step }) as never);
    expect((pointAt(pts, 5) as { step: number }).step).toBe(4);
    expect((pointAt(pts, 0) as { step: number }).step).toBe(1);
    expect(recordEveryFor(400)).toBe(4);
    expect(recordEveryFor(50)).toBe(1);
  });

  it("causes follow the findings' precedence", () => {
    expect(causeOf([])).toBe("healthy");
    expect(causeOf([{ kind: "plateau" }, { kind: "deadRelu" }])).toBe("dyingRelu");
    expect(causeOf([{ kind: "slowLayers" }, { kind: "diverged" }])).toBe("exploding");
    expect(causeOf([{ kind: "plateau" }])).toBe("unclear");
  });
});

describe("chapter 4's claims about its numbers", () => {
  let n: ReturnType<typeof chapter4Numbers>;
  beforeAll(() => {
    n = chapter4Numbers();
  }, 120_000);

  it("vanishing: stuck at the coin-flip loss ln 2, layer 1 many decades behind, its weights unchanged (not shrinking to 0)", () => {
    expect(n.vanishing.plateauLevel).toBeCloseTo(Math.LN2, 1);
    expect(n.vanishing.decades).toBeGreaterThan(6);
    expect(n.vanishing.perLayerFactor).toBeLessThan(0.25);
    expect(n.vanishing.slowFactor).toBeGreaterThan(1e6);
    expect(Math.abs(n.vanishing.w1End / n.vanishing.w1Start - 1)).toBeLessThan(1e-6);
    expect(n.vanishing.w1End).toBeGreaterThan(0.5);
    // "almost no" saturated units: the small init keeps z near 0.
    expect(n.vanishing.saturatedMax).toBeLessThan(0.05);
  });

  it("healthy: every layer learns at a similar speed", () => {
    expect(n.healthy.gradSpread).toBeGreaterThan(1 / 3);
    expect(n.healthy.gradSpread).toBeLessThan(3);
    expect(n.healthy.maxRatio / n.healthy.minRatio).toBeLessThan(10);
    expect(n.healthy.testLoss).toBeLessThan(0.3);
  });

  it("the look-alikes and the saturating figure show what the prose says", () => {
    expect(n.exploding.step).toBeLessThan(20);
    expect(n.exploding.firstLoss).toBeGreaterThan(Math.LN2);
    expect(n.dying.share).toBeGreaterThan(0.5);
    expect(n.saturating.share).toBeGreaterThanOrEqual(SATURATED_SHARE);
    expect(n.mysteryA).toBe(CAUSES.vanishing);
    expect(n.mysteryB).toBe(CAUSES.dyingRelu);
  });
});
