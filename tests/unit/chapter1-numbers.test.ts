/**
 * Every number chapter 1 states by hand is checked here against the core, so prose and code
 * cannot drift apart. (Numbers the page prints through `{fmt(...)}` are computed at build time
 * and need no check.) A decimal typed into the chapter that is not listed below fails the
 * guard test: add a claim for it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sampleActivation, saturationIntervals } from "../../src/components/charts/activation-data";
import { isCloseEnough } from "../../src/components/exercise-check";
import { ACTIVATIONS, sigmoid, sigmoidPrime, tanhPrime } from "../../src/lib/activations";

const MDX = readFileSync(new URL("../../src/content/chapters/01-sigmoid.mdx", import.meta.url), "utf8");
/** The chapter without its frontmatter and import/export statements. */
const BODY = MDX.replace(/^---[\s\S]*?---/, "")
  .split(/\n(?=\S)/)
  .filter((block) => !/^(import|export)\s/.test(block))
  .join("\n");

const grid = Array.from({ length: 801 }, (_, i) => -8 + i * 0.02);

/** Each hand-typed decimal in the chapter, with the check that justifies it. */
const DECIMALS: Record<string, () => void> = {
  // "What does 0.25 mean for learning?" — the sigmoid's largest slope.
  "0.25": () => {
    expect(sigmoidPrime(0)).toBe(0.25);
    expect(ACTIVATIONS.sigmoid.maxSlope).toBe(0.25);
    expect(Math.max(...grid.map(sigmoidPrime))).toBeLessThanOrEqual(0.25);
  },
  // "At a threshold of 0.05 the band starts near |x| = 2.9 ... less than a fifth"
  "0.05": () => expect(0.05 / sigmoidPrime(0)).toBeCloseTo(1 / 5, 12),
  "2.9": () => {
    const runs = saturationIntervals(sampleActivation("sigmoid", [-8, 8]), 0.05);
    expect(runs).toHaveLength(2);
    expect(runs[0]!.x2).toBeCloseTo(-2.9, 1);
    expect(runs[1]!.x1).toBeCloseTo(2.9, 1);
  },
  // "far out, every extra unit of |x| divides it by about e ≈ 2.7"
  "2.7": () => {
    for (const x of [6, 8, 10]) expect(sigmoidPrime(x) / sigmoidPrime(x + 1)).toBeCloseTo(Math.E, 1);
    expect(Math.E.toFixed(1)).toBe("2.7");
  },
  // Exercise 1's hint: e^{-2} ≈ 0.1353.
  "0.1353": () => expect(Math.exp(-2).toFixed(4)).toBe("0.1353"),
  // Exercise 1's tolerance accepts the three-decimal answer and rejects its neighbours.
  "0.0006": () => {
    const a = sigmoidPrime(2);
    const tol = { abs: 0.0006 };
    expect(isCloseEnough(Number(a.toFixed(3)), a, tol)).toBe(true);
    expect(isCloseEnough(Number(a.toFixed(3)) + 0.001, a, tol)).toBe(false);
    expect(isCloseEnough(Number(a.toFixed(3)) - 0.001, a, tol)).toBe(false);
  },
  // Figure 3's caption "x = 5 ... threshold at 0.01" must match its configuration.
  "0.01": () => {
    expect(BODY).toMatch(/starts at x = 5[\s\S]*threshold at 0\.01/);
    expect(BODY).toMatch(/x: 5, threshold: 0\.01/);
  },
  // Figure 1's starting point (a configuration, not a claim): it must lie on the explorer's grid.
  "1.5": () => expect(BODY).toMatch(/activation: "sigmoid", x: 1\.5/),
};

/** Each hand-typed fraction, with its check. */
const FRACTIONS: Record<string, () => void> = {
  // σ(0) = 1/2, the balance point s = 1/2 of s(1 − s).
  "1/2": () => expect(sigmoid(0)).toBe(1 / 2),
  // The sigmoid's largest slope, everywhere the chapter states it.
  "1/4": () => {
    expect(sigmoidPrime(0)).toBe(1 / 4);
    expect(Math.max(...grid.map(sigmoidPrime))).toBeLessThanOrEqual(1 / 4);
  },
  // Exercise 2: five slopes of at most 1/4.
  "1/1024": () => expect(sigmoidPrime(0) ** 5).toBe(1 / 1024),
};

describe("chapter 1: hand-typed numbers", () => {
  it("every a/b fraction in the prose has a claim checked below", () => {
    const found = new Set(BODY.match(/\b\d+\/\d+\b/g) ?? []);
    expect([...found].sort()).toEqual(Object.keys(FRACTIONS).sort());
  });

  for (const [literal, check] of Object.entries(FRACTIONS)) {
    it(`the chapter's ${literal} agrees with the core`, check);
  }

  it("every decimal in the prose has a claim checked below", () => {
    const found = new Set(BODY.match(/\d*\.\d+/g) ?? []);
    expect([...found].sort()).toEqual(Object.keys(DECIMALS).sort());
  });

  for (const [literal, check] of Object.entries(DECIMALS)) {
    it(`the chapter's ${literal} agrees with the core`, check);
  }
});

describe("chapter 1: stated identities and bounds", () => {
  it("σ(0) = 1/2, σ'(0) = 1/2 · 1/2 = 1/4, and σ' = σ(1 − σ)", () => {
    expect(BODY).toContain("\\sigma'(0) = \\tfrac12\\cdot\\tfrac12 = \\tfrac14");
    expect(sigmoid(0)).toBe(0.5);
    for (const x of grid) expect(sigmoidPrime(x)).toBeCloseTo(sigmoid(x) * (1 - sigmoid(x)), 14);
  });

  it("σ lies strictly inside (0, 1) wherever it is not rounded to 1 by doubles", () => {
    for (const x of grid) {
      expect(sigmoid(x)).toBeGreaterThan(0);
      expect(sigmoid(x)).toBeLessThan(1);
    }
  });

  it("σ'(x) ≈ e^{-|x|} on the tails", () => {
    expect(BODY).toContain("\\approx e^{-|x|}");
    expect(sigmoidPrime(12) / Math.exp(-12)).toBeCloseTo(1, 4);
    expect(sigmoidPrime(-12) / Math.exp(-12)).toBeCloseTo(1, 4);
  });

  it("tanh(x) = 2σ(2x) − 1, tanh' = 1 − tanh² = 4σ'(2x), peak 4 · 1/4 = 1, tails ≈ 4e^{-2|x|}", () => {
    expect(BODY).toContain("2\\,\\sigma(2x) - 1");
    expect(BODY).toContain("4 \\cdot \\tfrac14 = 1");
    for (const x of grid) {
      expect(Math.tanh(x)).toBeCloseTo(2 * sigmoid(2 * x) - 1, 14);
      expect(tanhPrime(x)).toBeCloseTo(4 * sigmoidPrime(2 * x), 14);
      expect(tanhPrime(x)).toBeCloseTo(1 - Math.tanh(x) ** 2, 12);
    }
    expect(tanhPrime(0)).toBe(1);
    expect(ACTIVATIONS.tanh.maxSlope).toBe(1);
    expect(tanhPrime(8) / (4 * Math.exp(-16))).toBeCloseTo(1, 4);
  });

  it("tanh's peak is four times the sigmoid's, yet by x = −3 it has fallen below it", () => {
    expect(BODY).toMatch(/four times/);
    expect(tanhPrime(0) / sigmoidPrime(0)).toBe(4);
    expect(tanhPrime(-3)).toBeLessThan(sigmoidPrime(-3));
  });

  it("exercise 1's answer, σ'(2), is 'a bit under half the peak slope'", () => {
    expect(BODY).toContain("a bit\n    under half the peak slope");
    const ratio = sigmoidPrime(2) / sigmoidPrime(0);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(0.5);
  });

  it("exercise 2: (1/4)^5 = 1/1024, a thousandfold shrink", () => {
    expect(BODY).toContain("(1/4)^5 = 1/1024");
    expect(sigmoidPrime(0) ** 5).toBe(1 / 1024);
    expect(1024).toBeGreaterThanOrEqual(1000);
  });

  it("ReLU's derivative is exactly 1 for x > 0 and 0 for x < 0; leaky ReLU's is its slope", () => {
    for (const x of grid) {
      const y = ACTIVATIONS.relu.f(x);
      if (x > 0) expect(ACTIVATIONS.relu.df(x, y)).toBe(1);
      if (x < 0) expect(ACTIVATIONS.relu.df(x, y)).toBe(0);
    }
    expect(ACTIVATIONS.relu.df(0, 0)).toBe(0); // "ours takes 0 for ReLU"
  });
});
