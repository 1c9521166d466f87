/**
 * Seeded random numbers, passed explicitly (never Math.random).
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast chaotic" PRNG, 128-bit state,
 * period at least 2^32 and typically ~2^127). It is seeded from a 32-bit seed and a
 * stream name through a splitmix32-style hash, so `rng.stream("init")` and
 * `rng.stream("batches")` are independent sequences: changing how many numbers one
 * consumer draws never shifts what another consumer sees. That is what makes a
 * same-seed comparison honest — the remedy changes, the init draw and batch order do not.
 */
import { cos, log, sin } from "./portable-math";

export interface Rng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal N(mean, sd^2) by the Box–Muller transform (one value per call, the pair's twin is cached). */
  normal(mean?: number, sd?: number): number;
  /** Integer uniform in [0, n). */
  int(n: number): number;
  /** An independent generator derived from this one's seed and a name. */
  stream(name: string): Rng;
  /** In-place Fisher–Yates shuffle. */
  shuffle<T>(xs: T[] | Uint32Array | Int32Array): void;
  readonly seed: number;
}

/** splitmix32 step: a good 32-bit mixer used to expand seeds into state words. */
function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a hash of a string, to turn stream names into 32-bit salts. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number, salt = 0): Rng {
  const s0 = seed >>> 0;
  let a = splitmix32(s0 ^ salt);
  let b = splitmix32(a ^ 0x6a09e667);
  let c = splitmix32(b ^ 0xbb67ae85);
  let d = splitmix32(c ^ 0x3c6ef372);
  let spare: number | null = null;

  const next = (): number => {
    // sfc32
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard a few outputs so that nearby seeds decorrelate.
  for (let i = 0; i < 12; i++) next();

  const rng: Rng = {
    seed: s0,
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal(mean = 0, sd = 1) {
      if (spare !== null) {
        const v = spare;
        spare = null;
        return mean + sd * v;
      }
      // u1 in (0, 1]: avoids log(0).
      const u1 = 1 - next();
      const u2 = next();
      const r = Math.sqrt(-2 * log(u1));
      spare = r * sin(2 * Math.PI * u2);
      return mean + sd * r * cos(2 * Math.PI * u2);
    },
    int: (n) => Math.floor(next() * n),
    stream: (name) => createRng(s0, splitmix32(salt ^ hashString(name))),
    shuffle(xs) {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const t = xs[i] as number;
        (xs as number[])[i] = xs[j] as number;
        (xs as number[])[j] = t;
      }
    },
  };
  return rng;
}
