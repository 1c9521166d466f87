/**
 * The clipping widget and the claims of chapter 5's clipping section: norm clipping keeps the
 * direction (angle 0), value clipping turns it; the unclipped run diverges and the same seed
 * clipped by global norm trains; the configs are exactly what the core's schema makes.
 * Also the skip-connection section's first-step gradient ratios (plain vs residual).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { angleDegrees, clipDemoView } from "../../src/components/widgets/clipping/clip-demo";
import { clippingRunConfig, parseClippingConfig } from "../../src/components/widgets/clipping/config";
import { staticClipRun } from "../../src/components/widgets/clipping/static-runs";
import { firstStepGradients, residualConfig } from "../../src/components/widgets/residual-compare/first-step";
import { parseConfig } from "../../src/lib/config";

describe("2-D clipping demo", () => {
  it("norm clipping keeps the direction and caps the length at c", () => {
    fc.assert(
      fc.property(
        // The widget's grid: components and c in steps of 0.1 (subnormal inputs have no
        // meaningful direction in floating point).
        fc.integer({ min: -50, max: 50 }).map((k) => k / 10),
        fc.integer({ min: -50, max: 50 }).map((k) => k / 10),
        fc.integer({ min: 1, max: 50 }).map((k) => k / 10),
        (x, y, c) => {
          const v = clipDemoView({ x, y }, c);
          expect(v.normAngle).toBeLessThan(1e-5);
          if (v.norm > c) expect(v.normNorm).toBeCloseTo(c, 9);
          else expect(v.byNorm).toEqual(v.g);
          expect(Math.abs(v.byValue.x)).toBeLessThanOrEqual(c);
          expect(Math.abs(v.byValue.y)).toBeLessThanOrEqual(c);
        },
      ),
    );
  });

  it("value clipping turns the default vector: (3, 0.5) at c = 1 becomes (1, 0.5)", () => {
    const v = clipDemoView({ x: 3, y: 0.5 }, 1);
    expect(v.byValue).toEqual({ x: 1, y: 0.5 });
    const expected = (Math.atan2(0.5, 1) - Math.atan2(0.5, 3)) * (180 / Math.PI);
    expect(v.valueAngle).toBeCloseTo(expected, 9);
    expect(v.valueAngle).toBeGreaterThan(10);
    expect(v.normNorm).toBeCloseTo(1, 12);
  });

  it("angle of perpendicular vectors is 90 degrees; zero vectors have no angle", () => {
    expect(angleDegrees({ x: 1, y: 0 }, { x: 0, y: 2 })).toBeCloseTo(90, 12);
    expect(angleDegrees({ x: 0, y: 0 }, { x: 1, y: 1 })).toBe(0);
  });
});

describe("clipping config", () => {
  it("parses untrusted input", () => {
    expect(parseClippingConfig({ kind: "bogus", c: "0.33", g1: 99 })).toEqual({
      kind: "norm",
      c: 0.3,
      g1: 5,
      g2: 0.5,
    });
    expect(parseClippingConfig({ kind: "value", c: Number.POSITIVE_INFINITY })).toMatchObject({
      kind: "value",
      c: 1,
    });
  });
  it("run configs are exactly the core schema's parse", () => {
    for (const kind of ["none", "norm", "value"] as const) {
      const c = clippingRunConfig(kind, 1.5);
      const r = parseConfig(c);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.config).toEqual(c);
    }
    for (const residual of [false, true]) {
      const r = parseConfig(residualConfig(residual));
      expect(r.ok && r.config).toEqual(residualConfig(residual));
    }
  });
});

describe("chapter 5 claims", () => {
  it("without clipping the exploding network diverges; clipped by norm (same seed) it trains", {
    timeout: 120_000,
  }, () => {
    const plain = staticClipRun("none", 1);
    const norm = staticClipRun("norm", 1);
    expect(plain.divergedAt).not.toBeNull();
    expect(plain.divergedAt).toBeLessThan(20);
    expect(plain.largestNorm).toBeGreaterThan(1e4);
    expect(norm.divergedAt).toBeNull();
    expect(norm.finalTestAccuracy).toBeGreaterThan(0.8);
    // Post-clip norms never exceed c (up to rounding) and pre-clip norms do.
    expect(norm.points.every((p) => (p.clippedGradNorm ?? 0) <= 1 + 1e-9)).toBe(true);
    expect(norm.points.some((p) => p.gradNorm > 1)).toBe(true);
  });

  it("skip connections: the first layer's gradient is far closer to the last layer's", {
    timeout: 60_000,
  }, () => {
    const plain = firstStepGradients(false);
    const res = firstStepGradients(true);
    expect(plain.ratio).toBeLessThan(1e-10);
    expect(res.ratio).toBeGreaterThan(1e-4);
    expect(res.ratio / plain.ratio).toBeGreaterThan(1e6);
  });
});
