/**
 * src/lib/portable-math.ts: exp, log, log1p, sin and cos computed with IEEE arithmetic only, so
 * every engine returns the same bits (Node at build time, Chromium's worker in the page).
 *  - accuracy: within one ulp of the engine's Math.* on a dense sweep and at the edges;
 *  - the special values (0, -0, +-Infinity, NaN, overflow and underflow limits);
 *  - the bits themselves, pinned by a fingerprint: a change of algorithm, or an engine that
 *    computed them differently, fails here. (tests/e2e/chapter5a.e2e.test.ts checks the
 *    consequence in Chromium: a batch-norm run ends on the build-time numbers exactly.)
 */
import { describe, expect, test } from "vitest";
import { cos, exp, log, log1p, sin } from "../../../src/lib/portable-math";

const FNS = { exp, log, log1p, sin, cos } as const;
const NATIVE = { exp: Math.exp, log: Math.log, log1p: Math.log1p, sin: Math.sin, cos: Math.cos } as const;
type Name = keyof typeof FNS;
const NAMES = Object.keys(FNS) as Name[];

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const i64 = new BigInt64Array(2);
const pair = new Float64Array(i64.buffer);

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  pair[0] = a;
  pair[1] = b;
  const d = i64[0]! - i64[1]!;
  return Number(d < 0n ? -d : d);
}

/** FNV-1a over the 64 bits of every result. */
function fingerprint(f: (x: number) => number, xs: readonly number[]): string {
  let h = 0x811c9dc5;
  for (const x of xs) {
    f64[0] = f(x);
    for (const w of [u32[0]!, u32[1]!]) {
      h ^= w;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16);
}

/** -40 .. 40 in steps of ~0.02, off the round numbers; positive arguments for the logs. */
const SWEEP = Array.from({ length: 4001 }, (_, i) => -40 + i * 0.02 + 1e-7 * i);
const POSITIVE = SWEEP.map((x) => Math.abs(x) + 1e-9);
const argsFor = (name: Name) => (name.startsWith("log") ? POSITIVE : SWEEP);

/** Powers of two times a few significands, from subnormal to huge, both signs. */
const EDGES = Array.from({ length: 2098 }, (_, i) => i - 1074).flatMap((e) =>
  [1, 1.1, 1.5, 1.9999].flatMap((m) => [m * 2 ** e, -m * 2 ** e]),
);

describe("portable maths", () => {
  test.each(NAMES)(
    "%s is within one ulp of the engine's Math function on a sweep and at the edges",
    (name) => {
      const f = FNS[name];
      const native = NATIVE[name];
      let worst = 0;
      let worstAt = 0;
      for (const x of [...argsFor(name), ...EDGES]) {
        const a = f(x);
        const b = native(x);
        if (Number.isNaN(b)) {
          expect(a, `${name}(${x})`).toBeNaN();
          continue;
        }
        const d = ulps(a, b);
        if (d > worst) {
          worst = d;
          worstAt = x;
        }
      }
      expect(worst, `${name}: worst at ${worstAt}`).toBeLessThanOrEqual(1);
    },
  );

  test("special values", () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(ulps(exp(1), Math.E)).toBeLessThanOrEqual(1);
    expect(exp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(exp(Number.NaN)).toBeNaN();
    expect(exp(709.78)).toBeGreaterThan(1.7e308);
    expect(exp(709.8)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(-745)).toBe(5e-324);
    expect(exp(-746)).toBe(0);
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-1)).toBeNaN();
    expect(log(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(log(5e-324)).toBeCloseTo(-744.44007192138, 10);
    expect(log1p(0)).toBe(0);
    expect(Object.is(log1p(-0), -0)).toBe(true);
    expect(log1p(-1)).toBe(Number.NEGATIVE_INFINITY);
    expect(log1p(-2)).toBeNaN();
    expect(log1p(1e-300)).toBe(1e-300);
    expect(sin(0)).toBe(0);
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(cos(0)).toBe(1);
    expect(sin(Number.POSITIVE_INFINITY)).toBeNaN();
    expect(cos(Number.NaN)).toBeNaN();
    expect(sin(Math.PI / 2)).toBe(1);
    expect(cos(Math.PI)).toBe(-1);
    // Beyond 2^19 pi/2 the reduction falls back to Math.* (documented).
    expect(sin(1e7)).toBe(Math.sin(1e7));
  });

  test("the bits are pinned (the same in every engine by construction)", () => {
    const prints = Object.fromEntries(NAMES.map((n) => [n, fingerprint(FNS[n], argsFor(n))]));
    expect(prints).toEqual({
      exp: "f905544b",
      log: "c6e3629f",
      log1p: "d2369d71",
      sin: "e23f5265",
      cos: "f227d9a3",
    });
  });
});
