/**
 * The RNN-gradients widget's config, profile and the chapter-5 claims its prose states:
 * at T = 20 the vanilla RNN stays near the adding problem's constant-prediction baseline (1/6)
 * while the LSTM and the GRU get well below it (the same runs the build-time figure shows).
 */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { addingLossChart } from "../../src/components/widgets/rnn-gradients/adding-loss-chart";
import {
  ADDING_BASELINE_MSE,
  COMPARED_CELLS,
  DEFAULT_RNN_GRADIENTS_CONFIG,
  parseRnnGradientsConfig,
  RNN_TRAIN_STEPS,
  trainingConfig,
} from "../../src/components/widgets/rnn-gradients/config";
import { gradientProfileChart } from "../../src/components/widgets/rnn-gradients/profile-chart";
import { profileView } from "../../src/components/widgets/rnn-gradients/profile-data";
import { staticRuns } from "../../src/components/widgets/rnn-gradients/static-runs";
import { parseConfig } from "../../src/lib/config";
import { SEQUENCE_TASKS } from "../../src/lib/data/sequences";
import { largestSingularValue } from "../../src/lib/recurrent";

describe("rnn-gradients config", () => {
  it("parses untrusted input: clamps, rounds to the step, falls back on junk", () => {
    expect(parseRnnGradientsConfig({ T: 33 })).toEqual({ T: 35 });
    expect(parseRnnGradientsConfig({ T: "12" })).toEqual({ T: 10 });
    expect(parseRnnGradientsConfig({ T: 1e9 })).toEqual({ T: 100 });
    expect(parseRnnGradientsConfig({ T: -4 })).toEqual({ T: 5 });
    expect(parseRnnGradientsConfig({ T: Number.NaN })).toEqual(DEFAULT_RNN_GRADIENTS_CONFIG);
    expect(parseRnnGradientsConfig(null)).toEqual(DEFAULT_RNN_GRADIENTS_CONFIG);
  });

  it("the three training runs differ only in the cell (same seed, data, optimiser, clipping)", () => {
    const strip = (c: ReturnType<typeof trainingConfig>) => ({ ...c, model: { ...c.model, cell: "x" } });
    const [a, b, c] = COMPARED_CELLS.map((cell) => trainingConfig(cell, 30));
    expect(a?.model).toMatchObject({ cell: "rnn" });
    expect(strip(a!)).toEqual(strip(b!));
    expect(strip(a!)).toEqual(strip(c!));
    expect(a?.data).toMatchObject({ dataset: "adding", seqLength: 30 });
  });

  it("states the adding problem's baseline as the core's task does", () => {
    expect(ADDING_BASELINE_MSE).toBe(SEQUENCE_TASKS.adding.baseline.mse);
  });

  it("writes each training config out exactly as the core's schema parses it", () => {
    for (const cell of COMPARED_CELLS) {
      for (const T of [5, 20, 100]) {
        const c = trainingConfig(cell, T);
        const r = parseConfig(c);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.config).toEqual(c);
      }
    }
  });
});

describe("gradient-through-time profile", () => {
  it("has one row per cell and step, normalised to 1 at the last step", () => {
    const v = profileView(20);
    expect(v.rows).toHaveLength(60);
    for (const cell of COMPARED_CELLS) {
      const last = v.rows.filter((r) => r.cell === cell).at(-1);
      expect(last?.t).toBe(20);
      expect(last?.relative).toBeCloseTo(1, 12);
    }
  });

  it("the vanilla RNN's gradient vanishes through time, faster for longer sequences", () => {
    const short = profileView(20).cells.find((c) => c.cell === "rnn")!;
    const long = profileView(40).cells.find((c) => c.cell === "rnn")!;
    expect(short.survival).toBeLessThan(1e-3);
    expect(long.survival).toBeLessThan(short.survival * 1e-3);
    // The per-step factor is below 1 even though sigma_max(W_h) is about 1: tanh slopes < 1.
    expect(short.perStep).toBeLessThan(0.8);
    expect(short.sigmaMax).toBeGreaterThan(0.9);
    expect(short.survival).toBeCloseTo(short.perStep ** 19, 10);
  });

  it("sigma_max matches an independent power iteration on a known matrix", () => {
    // diag(3, 1): largest singular value 3.
    expect(largestSingularValue(Float64Array.from([3, 0, 0, 1]), 2, 2)).toBeCloseTo(3, 6);
  });
});

describe("charts", () => {
  const { document } = parseHTML("<html><body></body></html>");
  it("draw accessible SVGs", () => {
    const p = gradientProfileChart(profileView(10), {}, document as unknown as Document);
    expect(p.getAttribute("role")).toBe("img");
    expect(p.getAttribute("aria-label")).toMatch(/10 time steps/);
    const l = addingLossChart(
      [{ name: "vanilla RNN", points: [] }],
      { steps: 400, baseline: 1 / 6 },
      document as unknown as Document,
    );
    expect(l.getAttribute("aria-label")).toMatch(/not trained yet/);
  });
});

describe("chapter 5 claim: gated cells beat the constant prediction, the vanilla RNN does not", () => {
  it("at T = 20 after the full run", { timeout: 180_000 }, () => {
    const runs = staticRuns(20);
    const final = Object.fromEntries(runs.map((r) => [r.cell, r.finalTestLoss]));
    expect(runs[0]?.points.at(-1)?.step).toBe(RNN_TRAIN_STEPS);
    expect(final.rnn).toBeGreaterThan(0.8 * ADDING_BASELINE_MSE);
    expect(final.rnn).toBeLessThan(1.25 * ADDING_BASELINE_MSE);
    expect(final.lstm).toBeLessThan(ADDING_BASELINE_MSE / 10);
    expect(final.gru).toBeLessThan(ADDING_BASELINE_MSE / 10);
  });
});
