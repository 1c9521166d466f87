/**
 * exp, log, log1p, sin and cos that return the same bits in every JavaScript engine.
 *
 * Why: ECMAScript leaves Math.exp, Math.log, Math.sin, ... "implementation-approximated", and
 * engines differ. Measured on this project's machines over 20,000 arguments in [-30, 30], Node 24
 * and Chromium 156 disagree in the last bit on 9.6% of Math.exp results, 4.9% of Math.log, 3.4%
 * of Math.sin and 3.2% of Math.cos. One ulp is harmless once, but a training run feeds each
 * step's result into the next: a batch-norm run trained in the browser's worker drifted from the
 * same run trained in Node at build time from its first step, so a widget could not end on the
 * numbers its chapter quotes. The functions below use only +, -, *, /, Math.round, Math.abs and
 * bit moves, all of which IEEE 754 and ECMAScript define exactly, so a run is a pure function of
 * its config in every engine. They are accurate to about one ulp (tests/unit/core/
 * portable-math.test.ts measures the distance to the engine's Math.*); the e2e test of
 * chapter 5 checks the consequence: a batch-norm run in Chromium's worker ends on the
 * build-time numbers exactly.
 *
 * Method (textbook, derived here; the constants are computed by the script in the comment at
 * the end of this file):
 *  - exp: x = k ln2 + r with k = round(x / ln2), |r| <= ln2/2; e^r by its Taylor series; times 2^k.
 *  - log: x = 2^e m with m in [1/sqrt2, sqrt2); log x = e ln2 + log(1 + f), f = m - 1, and
 *    log(1 + f) = 2 atanh(s) with s = f / (2 + f), an odd series in s that converges fast
 *    because |s| <= 0.172.
 *  - sin, cos: x = k pi/2 + r with |r| <= pi/4; the Taylor series of sin r or cos r chosen by
 *    k mod 4. Arguments beyond 2^19 pi/2 (~823,550) fall back to Math.sin / Math.cos: no run
 *    of ours comes near (they are angles of data sets and Box-Muller draws, below 2 pi * 3).
 * ln2 and pi/2 are split into parts with few significant bits, so that k times the leading
 * part is exact and the reduction loses nothing to cancellation (Cody and Waite's idea).
 *
 * Math.tanh is not replaced: Node 24 and Chromium 156 agreed on all 20,000 arguments; the
 * chapter 5 e2e comparison would catch a future engine change. Math.sqrt is correctly rounded
 * by the standard, so it is portable as it is.
 */

// ---- bits of one double --------------------------------------------------------------------
// The high word holds the sign, the 11 exponent bits and the top 20 bits of the significand.
const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: word 1
const LO = 1 - HI;

/** 2^n for an integer n in [-1022, 1023], built from its exponent bits (exact). */
function pow2(n: number): number {
  i32[HI] = (n + 1023) << 20;
  i32[LO] = 0;
  return f64[0]!;
}

// ---- constants -----------------------------------------------------------------------------
/** ln 2 = LN2_HI + LN2_LO; LN2_HI has 42 significant bits, so k * LN2_HI is exact for |k| < 2^11. */
const LN2_HI = 0.6931471805598903;
const LN2_LO = 5.497923018708371e-14;
/** pi/2 = PIO2_1 + PIO2_2 + PIO2_3; the first two have <= 33 significant bits (exact times |k| <= 2^19). */
const PIO2_1 = 1.5707963267341256;
const PIO2_2 = 6.077100506303966e-11;
const PIO2_3 = 2.0222662487959506e-21;
const INV_PIO2 = 2 / Math.PI;
const SIN_COS_LIMIT = 2 ** 19 * (Math.PI / 2);

/** 1/n! for n = 0..19 (n! is exact up to 18!; 1/19! is one rounding off, far below an ulp of the result). */
const INV_FACT: readonly number[] = (() => {
  const out: number[] = [];
  let f = 1;
  for (let n = 0; n <= 19; n++) {
    if (n > 0) f *= n;
    out.push(1 / f);
  }
  return out;
})();

// ---- exp -----------------------------------------------------------------------------------
/** Beyond these e^x overflows to Infinity or underflows below the smallest subnormal. */
const EXP_OVERFLOW = 709.782712893384; // just above ln(Number.MAX_VALUE) = 709.78271289338397
const EXP_UNDERFLOW = -745.1332191019412; // ln(2^-1075)

/** e^r - 1 - r for |r| <= ln2/2, as r^2 (1/2! + r/3! + ... + r^11/13!): the next term is below 2^-57. */
function expm1MinusR(r: number): number {
  let p = INV_FACT[13]!;
  for (let n = 12; n >= 2; n--) p = p * r + INV_FACT[n]!;
  return r * r * p;
}

export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > EXP_OVERFLOW) return Number.POSITIVE_INFINITY;
  if (x < EXP_UNDERFLOW) return 0;
  if (Math.abs(x) < 2 ** -54) return 1 + x;
  const k = Math.round(x * Math.LOG2E);
  // x - k*LN2_HI is exact (k*LN2_HI is exact and lies within a factor 2 of x, Sterbenz).
  const rHi = x - k * LN2_HI;
  const c = k * LN2_LO;
  const r = rHi - c;
  // e^r = 1 + s with s = r + (e^r - 1 - r); adding the small part to the exact rHi first keeps
  // the error of s near half an ulp of s, well below an ulp of 1 + s.
  const s = rHi + (expm1MinusR(r) - c);
  const y = 1 + s;
  if (k > 1023) return y * pow2(1023) * 2;
  if (k < -1022) return y * pow2(k + 1000) * pow2(-1000); // subnormal result
  return y * pow2(k);
}

// ---- log, log1p ----------------------------------------------------------------------------
/**
 * log(1 + f) = f - logCorrection(f) for f in [1/sqrt2 - 1, sqrt2 - 1].
 * With s = f/(2 + f): log(1 + f) = log((1 + s)/(1 - s)) = 2s + 2s^3/3 + 2s^5/5 + ...
 * and 2s = f - s f, so log(1 + f) = f - s (f - R) with R = 2s^2/3 + 2s^4/5 + ... + 2s^24/25.
 * The leading f is exact; only the correction s (f - R), about f^2/2, carries rounding error,
 * and keeping the two apart until the last addition is what makes log accurate to an ulp.
 * (|s| <= 0.172, so the first omitted term, s^26, is below 2^-66.)
 */
function logCorrection(f: number): number {
  const s = f / (2 + f);
  const z = s * s;
  let p = 2 / 25;
  for (let n = 23; n >= 3; n -= 2) p = p * z + 2 / n;
  return s * (f - z * p);
}

/**
 * log(x) + extra for a positive finite x, where extra is a tiny correction (log1p's).
 * x = 2^e m, m in [1/sqrt2, sqrt2), f = m - 1 (exact, Sterbenz):
 * log x = e LN2_HI + e LN2_LO + f - logCorrection(f). For |e| <= 1, e LN2_HI + f is exact (both
 * are multiples of 2^-52 below 2 in size), so it goes first and only the last subtraction rounds;
 * for larger |e| the big exact e LN2_HI goes last, so the small parts round only among themselves.
 */
function logPlus(x: number, extra: number): number {
  let e = 0;
  if (x < 2 ** -1022) {
    x *= 2 ** 54; // subnormal: scale into the normal range (exact)
    e = -54;
  }
  f64[0] = x;
  const hi = i32[HI]!;
  e += (hi >> 20) - 1023;
  i32[HI] = (hi & 0x000fffff) | 0x3ff00000; // the significand m in [1, 2)
  let m = f64[0]!;
  if (m >= Math.SQRT2) {
    m /= 2; // exact
    e += 1;
  }
  const f = m - 1;
  const corr = logCorrection(f) - extra;
  if (e === 0) return f - corr;
  if (e === 1 || e === -1) return e * LN2_HI + f - (corr - e * LN2_LO);
  return e * LN2_HI + (e * LN2_LO + (f - corr));
}

export function log(x: number): number {
  if (Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return x;
  return logPlus(x, 0);
}

export function log1p(x: number): number {
  if (Number.isNaN(x) || x < -1) return Number.NaN;
  if (x === -1) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return x;
  if (Math.abs(x) < 2 ** -29) return x - (x * x) / 2; // the next term x^3/3 is below an ulp; keeps -0
  // Near zero, run the kernel on x itself: forming 1 + x would round away x's low bits.
  if (x > Math.SQRT1_2 - 1 && x < Math.SQRT2 - 1) return x - logCorrection(x);
  // Elsewhere log1p(x) = log(u) + log(1 + d/u) with u = 1 + x rounded and d = x - (u - 1) its
  // rounding error (exact: u - 1 is exact here, and the error of a sum is representable).
  // |d/u| <= 2^-53, so log(1 + d/u) = d/u to full precision.
  const u = 1 + x;
  const d = x - (u - 1);
  return logPlus(u, d / u);
}

// ---- sin, cos ------------------------------------------------------------------------------
/** sin(r) for |r| <= pi/4 given r = rHi + rLo: r + r^3 (-1/3! + r^2/5! - ... + r^14/17!) (next term < 2^-60 r). */
function sinKernel(rHi: number, rLo: number): number {
  const z = rHi * rHi;
  let p = INV_FACT[17]!;
  for (let n = 15; n >= 3; n -= 2) p = p * -z + INV_FACT[n]!;
  // sin(rHi + rLo) = sin rHi + rLo cos rHi; rLo (1 - cos rHi) is below an ulp.
  return rHi + (rLo - rHi * z * p);
}

/** cos(r) for |r| <= pi/4 given r = rHi + rLo: 1 - r^2/2 + r^4 (1/4! - r^2/6! + ... + r^12/16!) (next term < 2^-58). */
function cosKernel(rHi: number, rLo: number): number {
  const z = rHi * rHi;
  let p = INV_FACT[16]!;
  for (let n = 14; n >= 4; n -= 2) p = p * -z + INV_FACT[n]!;
  // cos(rHi + rLo) = cos rHi - rLo sin rHi ~ cos rHi - rLo rHi.
  return 1 - (z / 2 - (z * z * p - rHi * rLo));
}

/**
 * x = k pi/2 + (rHi + rLo). x - k*PIO2_1 is exact (k*PIO2_1 is exact, within a factor 2 of x);
 * the remaining parts are subtracted with the rounding error of the last step kept in rLo.
 */
function reduce(x: number): { k: number; rHi: number; rLo: number } {
  const k = Math.round(x * INV_PIO2);
  const t = x - k * PIO2_1;
  const w = k * PIO2_2; // exact
  const rHi0 = t - w;
  const err = t - rHi0 - w; // the rounding error of t - w (exact: |t| >= |w| or the difference is exact)
  const rLo0 = err - k * PIO2_3;
  const rHi = rHi0 + rLo0;
  const rLo = rLo0 - (rHi - rHi0);
  return { k, rHi, rLo };
}

export function sin(x: number): number {
  if (!Number.isFinite(x)) return Number.NaN;
  if (Math.abs(x) < 2 ** -27) return x; // sin x = x - x^3/6: the cube is below an ulp; keeps -0
  if (Math.abs(x) > SIN_COS_LIMIT) return Math.sin(x);
  const { k, rHi, rLo } = reduce(x);
  switch (k & 3) {
    case 0:
      return sinKernel(rHi, rLo);
    case 1:
      return cosKernel(rHi, rLo);
    case 2:
      return -sinKernel(rHi, rLo);
    default:
      return -cosKernel(rHi, rLo);
  }
}

export function cos(x: number): number {
  if (!Number.isFinite(x)) return Number.NaN;
  if (Math.abs(x) < 2 ** -27) return 1;
  if (Math.abs(x) > SIN_COS_LIMIT) return Math.cos(x);
  const { k, rHi, rLo } = reduce(x);
  switch (k & 3) {
    case 0:
      return cosKernel(rHi, rLo);
    case 1:
      return -sinKernel(rHi, rLo);
    case 2:
      return -cosKernel(rHi, rLo);
    default:
      return sinKernel(rHi, rLo);
  }
}

/*
 * The split constants, from Python's decimal module at 80 digits:
 *   ln2 = Decimal(2).ln(); pi = Decimal("3.14159265358979323846264338327950288419716939937510582...")
 *   def trunc_bits(d, bits): e = floor(log2(d)); scale = 2**(bits - 1 - e)
 *                            return floor(d * scale) / scale      # exact as a double
 *   LN2_HI = trunc_bits(ln2, 42); LN2_LO = float(ln2 - LN2_HI)
 *   PIO2_1 = trunc_bits(pi/2, 33); PIO2_2 = trunc_bits(pi/2 - PIO2_1, 33)
 *   PIO2_3 = float(pi/2 - PIO2_1 - PIO2_2)
 */
