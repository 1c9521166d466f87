import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CLIP_KINDS,
  clipByGlobalNorm,
  clipByValue,
  clipGradients,
  globalGradNorm,
} from "../../../src/lib/clip";
import { createParam, type Param } from "../../../src/lib/params";

function params(...grads: number[][]): Param[] {
  return grads.map((g, i) => {
    const p = createParam(`p${i}`, i + 1, "W", [g.length]);
    p.grad.set(g);
    return p;
  });
}

const flat = (ps: Param[]) => ps.flatMap((p) => Array.from(p.grad));
const gradArrays = fc.array(
  fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 }),
  {
    minLength: 1,
    maxLength: 4,
  },
);

describe("gradient clipping", () => {
  it("global norm over all params: ||[3, 4] ++ [12]|| = 13", () => {
    expect(globalGradNorm(params([3, 4], [12]))).toBe(13);
  });

  it("by global norm: rescales to length c when above it, reporting pre and post norms", () => {
    const ps = params([3, 4], [12]);
    const r = clipByGlobalNorm(ps, 6.5);
    expect(r.preNorm).toBe(13);
    expect(r.postNorm).toBeCloseTo(6.5, 14);
    expect(flat(ps)).toEqual([1.5, 2, 6]);
  });

  it("by global norm: leaves gradients below the threshold alone", () => {
    const ps = params([3, 4]);
    const r = clipByGlobalNorm(ps, 10);
    expect(r).toEqual({ preNorm: 5, postNorm: 5 });
    expect(flat(ps)).toEqual([3, 4]);
  });

  it("by global norm changes only the scale, never the direction (property)", () => {
    fc.assert(
      fc.property(gradArrays, fc.double({ min: 1e-3, max: 50, noNaN: true }), (gs, c) => {
        const ps = params(...gs);
        const before = flat(ps);
        const r = clipByGlobalNorm(ps, c);
        const after = flat(ps);
        expect(r.postNorm).toBeLessThanOrEqual(c * (1 + 1e-12) + (r.preNorm <= c ? r.preNorm : 0));
        // after = k * before with one k >= 0 for every entry: the cosine similarity is 1.
        const dot = before.reduce((s, b, i) => s + b * after[i]!, 0);
        if (r.preNorm > 0) expect(dot / (r.preNorm * r.postNorm)).toBeCloseTo(1, 10);
        const k = r.preNorm > c ? c / r.preNorm : 1;
        for (const [i, a] of after.entries()) expect(a).toBeCloseTo(before[i]! * k, 10);
      }),
    );
  });

  it("by value caps each entry and so changes the direction", () => {
    const ps = params([0.5, -3], [10]);
    const r = clipByValue(ps, 1);
    expect(flat(ps)).toEqual([0.5, -1, 1]);
    expect(r.preNorm).toBeCloseTo(Math.sqrt(0.25 + 9 + 100), 14);
    expect(r.postNorm).toBeCloseTo(Math.sqrt(0.25 + 1 + 1), 14);
    // cos(angle) between [0.5, -3, 10] and [0.5, -1, 1] is well below 1.
    const cos = (0.25 + 3 + 10) / (r.preNorm * r.postNorm);
    expect(cos).toBeLessThan(0.9);
  });

  it("by value never leaves an entry outside [-c, c] (property)", () => {
    fc.assert(
      fc.property(gradArrays, fc.double({ min: 1e-3, max: 50, noNaN: true }), (gs, c) => {
        const ps = params(...gs);
        clipByValue(ps, c);
        for (const g of flat(ps)) expect(Math.abs(g)).toBeLessThanOrEqual(c);
      }),
    );
  });

  it("clipGradients dispatches on the spec and 'none' still reports the norm", () => {
    expect(CLIP_KINDS).toEqual(["none", "norm", "value"]);
    const ps = params([3, 4]);
    expect(clipGradients(ps, { kind: "none", threshold: 1 })).toEqual({ preNorm: 5, postNorm: 5 });
    expect(flat(ps)).toEqual([3, 4]);
    const out = { preNorm: 0, postNorm: 0 };
    expect(clipGradients(ps, { kind: "value", threshold: 3.5 }, out)).toBe(out);
    expect(flat(ps)).toEqual([3, 3.5]);
    clipGradients(ps, { kind: "norm", threshold: 1 }, out);
    expect(out.postNorm).toBeCloseTo(1, 14);
  });

  it("a non-finite gradient is reported, not hidden by rescaling", () => {
    const ps = params([Number.POSITIVE_INFINITY, 1]);
    const r = clipByGlobalNorm(ps, 1);
    expect(r.preNorm).toBe(Number.POSITIVE_INFINITY);
    expect(r.postNorm).toBe(Number.POSITIVE_INFINITY);
  });
});
