/**
 * Findings on real runs of the dashboard's presets (chapter 4): each warning sign appears for
 * the preset built to show it and not for the healthy one; plus the rules on hand-made series
 * at their thresholds, so a rule that never fires (or always fires) fails here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../src/components/widgets/training/session";
import {
  PRESET_NAMES,
  PRESETS,
  type PresetName,
  toExperimentConfig,
} from "../../src/components/widgets/training-dashboard/config";
import {
  DEAD_SHARE,
  type Finding,
  type FindingKind,
  findFindings,
  fmtNum,
  fmtShare,
  type LayerPoint,
  SATURATED_SHARE,
  SLOW_FACTOR,
  type TrainingPoint,
} from "../../src/lib/findings";

const found: Partial<Record<PresetName, Finding[]>> = {};
const kinds = (p: PresetName): FindingKind[] => (found[p] ?? []).map((f) => f.kind);

beforeAll(() => {
  for (const name of PRESET_NAMES) {
    const s = createSession(toExperimentConfig(PRESETS[name].knobs));
    s.advance();
    found[name] = findFindings({ points: s.points, stop: s.run.stop, stepsDone: s.run.stepsDone });
  }
}, 60_000);

describe("findings on the presets", () => {
  it("finds nothing wrong with the healthy run", () => {
    expect(found.healthy).toEqual([]);
  });

  it("vanishing: layer 1 learns orders of magnitude slower than the output layer, and the loss plateaus", () => {
    expect(kinds("vanishing")).toContain("slowLayers");
    expect(kinds("vanishing")).toContain("plateau");
    const slow = found.vanishing!.find((f) => f.kind === "slowLayers")!;
    expect(slow.values.factor).toBeGreaterThan(1e6);
    expect(slow.text).toMatch(/^Layer 1 learns about \S+× slower than layer 11: its update ratio/);
    const plateau = found.vanishing!.find((f) => f.kind === "plateau")!;
    // Stuck at chance: binary cross-entropy of a coin flip is ln 2.
    expect(plateau.values.level).toBeCloseTo(Math.LN2, 1);
    expect(plateau.text).toContain(`since step ${plateau.values.from}`);
  });

  it("exploding: diverges within the first steps and says so with the step", () => {
    expect(kinds("exploding")[0]).toBe("diverged");
    const d = found.exploding![0]!;
    expect(d.values.step).toBeLessThan(20);
    expect(d.text).toMatch(new RegExp(`^The run diverged at step ${d.values.step}: `));
  });

  it("dying ReLU: reports the share of dead units in the worst layer", () => {
    expect(kinds("dyingRelu")).toContain("deadRelu");
    const d = found.dyingRelu!.find((f) => f.kind === "deadRelu")!;
    expect(d.values.share).toBeGreaterThanOrEqual(DEAD_SHARE);
    expect(d.text).toContain(`${fmtShare(d.values.share)} of the ReLUs in layer ${d.values.layer} are dead`);
    expect(kinds("dyingRelu")).not.toContain("saturation");
  });

  it("no preset but the dying-ReLU one reports dead units; a diverged run reports only its divergence", () => {
    for (const p of PRESET_NAMES) if (p !== "dyingRelu") expect(kinds(p)).not.toContain("deadRelu");
    expect(kinds("exploding")).toEqual(["diverged"]);
  });
});

// ---- the rules on synthetic series ----------------------------------------------------------

const layer = (l: number, o: Partial<LayerPoint> = {}): LayerPoint => ({
  layer: l,
  gradNorm: 1,
  updateRatio: 1e-3,
  saturated: 0,
  dead: 0,
  gradHist: [],
  gradZeros: 0,
  gradUnder: 0,
  gradOver: 0,
  actHist: [],
  actOutside: 0,
  ...o,
});

const series = (n: number, f: (i: number) => Partial<TrainingPoint>): TrainingPoint[] =>
  Array.from({ length: n }, (_, i) => ({
    step: (i + 1) * 2,
    // A loss that falls to near zero: no plateau unless a test says otherwise.
    loss: 0.7 * Math.exp(-i / 10),
    testLoss: 0.7 * Math.exp(-i / 10),
    accuracy: null,
    gradNorm: 1,
    layers: [layer(1), layer(2), layer(3)],
    ...f(i),
  }));

describe("finding rules", () => {
  it("a loss that keeps falling is no plateau; one stuck near its start is", () => {
    const falling = series(200, (i) => ({ loss: 0.7 * Math.exp(-i / 40) }));
    expect(findFindings({ points: falling, stop: null, stepsDone: 400 }).map((f) => f.kind)).not.toContain(
      "plateau",
    );
    const stuck = series(200, (i) => ({ loss: i < 20 ? 0.9 - i * 0.01 : 0.7 + 0.005 * Math.sin(i) }));
    const f = findFindings({ points: stuck, stop: null, stepsDone: 400 }).find((x) => x.kind === "plateau");
    expect(f?.values.from).toBeGreaterThan(30);
    expect(f?.values.from).toBeLessThan(60);
  });

  it("a converged run, flat but near zero loss, is no plateau", () => {
    const converged = series(200, (i) => ({ loss: i < 20 ? 0.7 - i * 0.034 : 0.02 }));
    expect(findFindings({ points: converged, stop: null, stepsDone: 400 })).toEqual([]);
  });

  it("slow layers fire at SLOW_FACTOR and not just below", () => {
    const mk = (factor: number) =>
      series(100, () => ({ layers: [layer(1, { updateRatio: 1e-3 / factor }), layer(2), layer(3)] }));
    const at = findFindings({ points: mk(SLOW_FACTOR), stop: null, stepsDone: 200 });
    expect(at.map((f) => f.kind)).toEqual(["slowLayers"]);
    expect(at[0]!.text).toContain(`${fmtNum(SLOW_FACTOR)}× slower than layer 3`);
    expect(findFindings({ points: mk(SLOW_FACTOR * 0.9), stop: null, stepsDone: 200 })).toEqual([]);
  });

  it("saturation names the worst layer and counts the others above the threshold", () => {
    const pts = series(20, () => ({
      layers: [
        layer(1, { saturated: 0.9 }),
        layer(2, { saturated: SATURATED_SHARE }),
        layer(3, { saturated: null }),
      ],
    }));
    const f = findFindings({ points: pts, stop: null, stepsDone: 40 });
    expect(f.map((x) => x.kind)).toEqual(["saturation"]);
    expect(f[0]!.text).toBe(
      "90% of the units in layer 1 are saturated at step 40: their slope f′(z) is below 5% of its maximum, so almost no gradient passes through them. 2 of the 2 hidden layers are above 20%.",
    );
  });

  it("divergence comes first and the saturation of the NaN step is ignored", () => {
    const pts = series(20, (i) =>
      i === 19 ? { loss: Number.NaN, layers: [layer(1, { saturated: 1 })] } : {},
    );
    const f = findFindings({
      points: pts,
      stop: { kind: "diverged", step: 40, reason: "loss is NaN" },
      stepsDone: 40,
    });
    expect(f.map((x) => x.kind)).toEqual(["diverged"]);
    expect(f[0]!.text).toBe(
      "The run diverged at step 40: loss is NaN. Nothing after that step is meaningful.",
    );
  });
});
