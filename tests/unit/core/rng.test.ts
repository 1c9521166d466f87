import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/lib/rng";

const draw = (n: number, f: () => number) => Array.from({ length: n }, f);

describe("createRng", () => {
  it("is a pure function of its seed", () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(draw(100, a.next)).toEqual(draw(100, b.next));
  });

  it("gives different sequences for nearby seeds", () => {
    const a = draw(50, createRng(1).next);
    const b = draw(50, createRng(2).next);
    expect(a).not.toEqual(b);
    // Nearby seeds must decorrelate immediately, not just differ in the last bits.
    const same = a.filter((v, i) => Math.abs(v - (b[i] as number)) < 1e-3).length;
    expect(same).toBeLessThan(3);
  });

  it("draws uniform numbers in [0, 1) with the right mean and variance", () => {
    const rng = createRng(7);
    const xs = draw(20000, rng.next);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    // U[0,1): mean 1/2, variance 1/12; standard error of the mean ~ 0.002.
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 2);
  });

  it("draws normals with the requested mean and sd", () => {
    const rng = createRng(11);
    const xs = draw(20000, () => rng.normal(3, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean - 3)).toBeLessThan(0.05);
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  it("keeps uniform(lo, hi) and int(n) in range", () => {
    const rng = createRng(3);
    const us = draw(1000, () => rng.uniform(-2, 5));
    expect(us.every((u) => u >= -2 && u < 5)).toBe(true);
    const ks = draw(5000, () => rng.int(6));
    expect(new Set(ks)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
  });

  it("splits into named streams that do not disturb each other", () => {
    // Drawing from "init" must not shift what "batches" produces: that is what makes a
    // same-seed comparison of two remedies honest.
    const root1 = createRng(5);
    const root2 = createRng(5);
    const init1 = root1.stream("init");
    for (let i = 0; i < 1000; i++) init1.next();
    root2.next();
    expect(draw(20, root1.stream("batches").next)).toEqual(draw(20, root2.stream("batches").next));
  });

  it("gives different streams different sequences, and the same name the same sequence", () => {
    const rng = createRng(9);
    const a = draw(20, rng.stream("init").next);
    expect(draw(20, rng.stream("init").next)).toEqual(a);
    expect(draw(20, rng.stream("data").next)).not.toEqual(a);
    expect(draw(20, createRng(10).stream("init").next)).not.toEqual(a);
    // Nested streams are streams too.
    expect(draw(20, rng.stream("init").stream("x").next)).not.toEqual(a);
  });

  it("shuffles in place into a permutation, deterministically", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i);
    const ys = Uint32Array.from(xs);
    createRng(1).shuffle(xs);
    createRng(1).shuffle(ys);
    expect(Array.from(ys)).toEqual(xs);
    expect([...xs].sort((p, q) => p - q)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(xs).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
