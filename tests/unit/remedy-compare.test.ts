/**
 * Same-seed comparisons (src/components/widgets/remedy-compare): every pair is valid, differs
 * only in its remedy, and its two runs share data, initial weights and batch order — checked on
 * the real runs, with the "batches" stream's shuffles recorded through a wrapped RNG.
 */
import { describe, expect, it, vi } from "vitest";
import {
  COMPARISON_NAMES,
  parseRemedyCompareConfig,
  withDepth,
} from "../../src/components/widgets/remedy-compare/comparisons";
import { comparisonPair } from "../../src/components/widgets/remedy-compare/pairs";
import { staticComparison } from "../../src/components/widgets/remedy-compare/static-compare";
import { formatRow, runNumbers } from "../../src/components/widgets/remedy-compare/summary";
import {
  firstStepGradients,
  firstStepRatioAt,
  gradientSpread,
  residualRuns,
} from "../../src/components/widgets/residual-compare/first-step";
import { type ExperimentConfig, parseConfig } from "../../src/lib/config";
import type { TrainingPoint } from "../../src/lib/findings";
import type { Rng } from "../../src/lib/rng";
import { createRun } from "../../src/lib/run";

/** Every shuffle of a stream whose path ends in "batches", as copies, in call order. */
const shuffles: number[][] = [];

vi.mock("../../src/lib/rng", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/lib/rng")>();
  const wrap = (rng: Rng, path: string): Rng =>
    new Proxy(rng, {
      get(target, prop) {
        if (prop === "stream") return (name: string) => wrap(target.stream(name), `${path}/${name}`);
        if (prop === "shuffle" && path.endsWith("/batches"))
          return (xs: Uint32Array | Int32Array | number[]) => {
            target.shuffle(xs);
            shuffles.push(Array.from(xs as ArrayLike<number>));
          };
        const v = Reflect.get(target, prop);
        return typeof v === "function" ? v.bind(target) : v;
      },
    });
  return { ...real, createRng: (seed: number, salt?: number) => wrap(real.createRng(seed, salt), "root") };
});

/** The fields in which two configs differ, as dotted paths. */
function differences(a: unknown, b: unknown, path = ""): string[] {
  if (typeof a === "object" && a && typeof b === "object" && b) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        path ? `${path}.${k}` : k,
      ),
    );
  }
  return Object.is(a, b) ? [] : [path];
}

function firstShuffles(config: ExperimentConfig, steps: number): number[][] {
  shuffles.length = 0;
  const run = createRun(config);
  run.step(steps);
  return shuffles.splice(0);
}

/** Asserts two configs' runs share data, the initial draw (where the init matches) and batch order. */
function expectSameSeed(baseline: ExperimentConfig, remedy: ExperimentConfig): void {
  const a = createRun(baseline);
  const b = createRun(remedy);
  expect(a.data && b.data).toBeTruthy();
  expect(Array.from(b.data!.train.inputs)).toEqual(Array.from(a.data!.train.inputs));
  expect(Array.from(b.data!.train.labels)).toEqual(Array.from(a.data!.train.labels));
  expect(Array.from(b.data!.test.inputs)).toEqual(Array.from(a.data!.test.inputs));
  // Initial weights, for every parameter both models have (batch norm drops b, adds gamma/beta).
  const shared = a.params.filter((p) =>
    b.params.some((q) => q.name === p.name && q.value.length === p.value.length),
  );
  expect(shared.some((p) => p.kind === "W")).toBe(true);
  const sameDraw =
    baseline.model.kind === "mlp" &&
    remedy.model.kind === "mlp" &&
    JSON.stringify(baseline.model.init) === JSON.stringify(remedy.model.init);
  for (const p of shared) {
    const q = b.params.find((x) => x.name === p.name)!;
    if (sameDraw) expect(Array.from(q.value), p.name).toEqual(Array.from(p.value));
  }
  // Batch order: the same permutations of the training set, epoch after epoch.
  const steps = Math.ceil((3 * baseline.data.n) / baseline.batchSize);
  const pa = firstShuffles(baseline, steps);
  const pb = firstShuffles(remedy, steps);
  expect(pa.length).toBeGreaterThanOrEqual(3);
  expect(pb).toEqual(pa);
}

describe("comparisons", () => {
  it.each(COMPARISON_NAMES)("%s: both configs are valid and differ only in the model", (name) => {
    const pair = comparisonPair(name);
    const diff = differences(pair.baseline.config, pair.remedy.config);
    expect(diff.length).toBeGreaterThan(0);
    for (const d of diff) expect(d).toMatch(/^model\./);
    expect(pair.baseline.name).not.toBe(pair.remedy.name);
  });

  it.each(COMPARISON_NAMES)("%s: the two runs share data, initial draw and batch order", (name) => {
    const pair = comparisonPair(name);
    expectSameSeed(pair.baseline.config, pair.remedy.config);
  });

  it.each([20, 25, 30])(
    "residual at depth %i (the knob): the two runs still share data, initial draw and batch order",
    (depth) => {
      const pair = comparisonPair("residual");
      const plain = withDepth(pair.baseline.config, depth);
      const res = withDepth(pair.remedy.config, depth);
      for (const c of [plain, res]) {
        const r = parseConfig(c);
        expect(r.ok && r.config).toEqual(c);
        expect(c.model.kind === "mlp" && c.model.depth).toBe(depth);
      }
      expect(differences(plain, res)).toEqual(["model.residual"]);
      // Every hidden layer's weights are drawn identically: 2 -> 16, then depth - 1 layers 16 -> 16.
      expect(createRun(plain).params.filter((p) => p.kind === "W")).toHaveLength(depth + 1);
      expectSameSeed(plain, res);
    },
  );

  it("withDepth keeps the same object when the depth does not change (a memoised run is not restarted)", () => {
    const c = comparisonPair("residual").baseline.config;
    expect(withDepth(c, undefined)).toBe(c);
    expect(withDepth(c, 20)).toBe(c);
    expect(withDepth(c, 21)).not.toBe(c);
  });

  it("init comparisons draw from the same numbers: the remedy's weights are a fixed rescaling of the baseline's", () => {
    // Glorot and standard are both uniform, so the same "init" stream gives W_remedy = c * W_baseline per layer.
    const pair = comparisonPair("glorot");
    const a = createRun(pair.baseline.config);
    const b = createRun(pair.remedy.config);
    for (const p of a.params.filter((x) => x.kind === "W")) {
      const q = b.params.find((x) => x.name === p.name)!;
      const c = (q.value[0] as number) / (p.value[0] as number);
      for (let i = 0; i < p.value.length; i++) expect(q.value[i]).toBeCloseTo(c * (p.value[i] as number), 12);
    }
  });

  it("a changed seed changes the batch order (the check above can fail)", () => {
    const c = comparisonPair("batchNorm").baseline.config;
    const steps = Math.ceil(c.data.n / c.batchSize);
    expect(firstShuffles({ ...c, seed: 2 }, steps)).not.toEqual(firstShuffles(c, steps));
  });

  it("parses untrusted widget state", () => {
    expect(parseRemedyCompareConfig({ comparison: "he" })).toEqual({ comparison: "he" });
    expect(parseRemedyCompareConfig({ comparison: "nope" })).toEqual({ comparison: "batchNorm" });
    expect(parseRemedyCompareConfig(null)).toEqual({ comparison: "batchNorm" });
    // Depth: only for the comparison with the knob, rounded and clamped to 20..30.
    expect(parseRemedyCompareConfig({ comparison: "residual" })).toEqual({
      comparison: "residual",
      depth: 20,
    });
    expect(parseRemedyCompareConfig({ comparison: "residual", depth: 25 })).toEqual({
      comparison: "residual",
      depth: 25,
    });
    expect(parseRemedyCompareConfig({ comparison: "residual", depth: "24.6" }).depth).toBe(25);
    expect(parseRemedyCompareConfig({ comparison: "residual", depth: 500 }).depth).toBe(30);
    expect(parseRemedyCompareConfig({ comparison: "residual", depth: -3 }).depth).toBe(20);
    expect(parseRemedyCompareConfig({ comparison: "residual", depth: "deep" }).depth).toBe(20);
    expect(parseRemedyCompareConfig({ comparison: "residual", depth: Number.NaN }).depth).toBe(20);
    expect(parseRemedyCompareConfig({ comparison: "he", depth: 25 })).toEqual({ comparison: "he" });
  });
});

const layer = (l: number, gradNorm: number, dead: number | null = null) => ({
  layer: l,
  gradNorm,
  updateRatio: 0,
  saturated: null,
  dead,
  gradHist: [],
  gradZeros: 0,
  gradUnder: 0,
  gradOver: 0,
  actHist: [],
  actOutside: 0,
});
const point = (step: number, testLoss: number, g1: number, gH: number, dead = 0): TrainingPoint => ({
  step,
  loss: testLoss,
  testLoss,
  testAccuracy: 1 - testLoss,
  accuracy: null,
  gradNorm: 1,
  layers: [layer(1, g1, 0), layer(2, gH, dead), layer(3, 5)],
});

describe("summary numbers", () => {
  it("reads final loss, accuracy, median gradient ratio, steps to target and dead share", () => {
    const pts = [point(1, 0.7, 1e-6, 1), point(10, 0.5, 3e-6, 1, 0.25), point(20, 0.2, 2e-6, 1, 0.5)];
    const n = runNumbers(pts, 0.3);
    expect(n.finalLoss).toBe(0.2);
    expect(n.testAccuracy).toBeCloseTo(0.8, 12);
    expect(n.gradRatio).toBeCloseTo(2e-6, 18);
    expect(n.stepsToTarget).toBe(20);
    expect(n.maxDead).toBe(0.5);
    expect(formatRow(n)).toEqual({
      finalLoss: "0.2",
      testAccuracy: "80%",
      gradRatio: "2.0e-6",
      stepsToTarget: "20",
      maxDead: "50%",
    });
    expect(formatRow(runNumbers(pts, 0.1)).stepsToTarget).toBe("not reached");
    expect(formatRow(runNumbers([], 0.1))).toEqual({
      finalLoss: "–",
      testAccuracy: "–",
      gradRatio: "–",
      stepsToTarget: "–",
      maxDead: "–",
    });
  });

  it("batch norm: the sigmoid baseline vanishes and stalls, the normalised run learns (measured)", () => {
    const s = staticComparison("batchNorm");
    expect(s.baseline.numbers.gradRatio!).toBeLessThan(1e-4);
    expect(s.remedy.numbers.gradRatio!).toBeGreaterThan(0.1);
    expect(s.baseline.numbers.stepsToTarget).toBeNull();
    expect(s.remedy.numbers.stepsToTarget).not.toBeNull();
    expect(s.remedy.numbers.testAccuracy!).toBeGreaterThan(0.85);
    expect(s.baseline.numbers.testAccuracy!).toBeLessThan(0.65);
  }, 60_000);

  it("skip connections: the plain sigmoid network stays at chance, the residual one learns (measured)", () => {
    const s = staticComparison("residual");
    expect(s.baseline.numbers.gradRatio!).toBeLessThan(1e-12);
    expect(s.remedy.numbers.gradRatio!).toBeGreaterThan(0.1);
    expect(s.baseline.numbers.stepsToTarget).toBeNull();
    expect(s.baseline.numbers.testAccuracy!).toBeLessThanOrEqual(0.55);
    expect(s.baseline.numbers.finalLoss!).toBeGreaterThan(0.69);
    expect(s.remedy.numbers.stepsToTarget).not.toBeNull();
    expect(s.remedy.numbers.testAccuracy!).toBeGreaterThan(0.9);
  }, 60_000);

  it("skip connections: the claims chapter 6's prose makes from these runs", () => {
    const runs = residualRuns();
    // "the ln 2 of a network that answers one half everywhere"
    expect(Math.abs(runs.plain.numbers.finalLoss! - Math.LN2)).toBeLessThan(0.01);
    // The fan of the gradient chart: plain lines always >= 1e10 apart, residual ones <= 1e3.
    expect(gradientSpread(runs.plain).min).toBeGreaterThan(1e10);
    expect(gradientSpread(runs.residual).max).toBeLessThan(1e3);
    // With depth (20 -> 30): the plain ratio keeps falling geometrically, the residual one stays put.
    const plain20 = firstStepGradients(false).ratio;
    const res20 = firstStepGradients(true).ratio;
    expect(firstStepRatioAt(false, 20)).toBe(plain20);
    expect(firstStepRatioAt(true, 20)).toBe(res20);
    expect(firstStepRatioAt(false, 30)).toBeLessThan(plain20 * 1e-6);
    const res30 = firstStepRatioAt(true, 30);
    expect(res30 / res20).toBeGreaterThan(1 / 3);
    expect(res30 / res20).toBeLessThan(3);
  }, 60_000);
});
