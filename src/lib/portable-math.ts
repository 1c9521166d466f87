/**
 * exp, log, log1p, sin and cos that return the same bits in every JavaScript engine.
 *
 * Why: ECMAScript leaves Math.exp, Math.log, Math.sin, ... "implementation-approximated", and
 * engines do differ. Measured on this project's machines over 20,000 arguments in [-30, 30]:
 * Node 24 (V8 13.6, fdlibm) and Chromium 156 disagree in the last bit for 9.6% of Math.exp
 * results, 4.9% of Math.log, 3.4% of Math.sin and 3.2% of Math.cos (Chromium's are the
 * correctly rounded ones). One ulp is harmless once, but a training run feeds each step's
 * result into the next: a batch-norm run trained in the browser's worker drifted away from the
 * same run trained in Node at build time from its very first step, so the widget could not end
 * on the numbers the chapter quotes. These functions use only +, -, *, / and bit moves, which
 * IEEE 754 and ECMAScript fix exactly, so a run is a pure function of its config in every
 * engine (tests/unit/portable-math.test.ts pins their bits; the e2e test of chapter 5 checks a
 * batch-norm run in Chromium's worker against the build-time numbers).
 *
 * They are ports of FreeBSD's msun / Sun's fdlibm (e_exp.c, e_log.c, s_log1p.c, k_sin.c,
 * k_cos.c, e_rem_pio2.c; "Copyright (C) 1993 by Sun Microsystems, Inc. Permission to use,
 * copy, modify, and distribute this software is freely granted, provided that this notice is
 * preserved."), the same algorithms V8 used for Math.* until 2025: errors below 1 ulp.
 * sin and cos reduce arguments up to 2^19 pi/2 (~823,550) exactly; beyond that they fall
 * back to Math.sin / Math.cos (no run of ours comes near).
 *
 * Math.tanh is not replaced: V8 13.6 and Chromium 156 agreed on all 20,000 arguments (both
 * still use fdlibm's tanh); the chapter 5 e2e comparison would catch a future engine change.
 * Math.sqrt is correctly rounded by the standard, so it is portable as it is.
 */

// Bit access to one double: the high word holds the sign, the exponent and 20 bits of the
// significand. The word order follows the platform's byte order.
const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

function highWord(x: number): number {
  f64[0] = x;
  return i32[HI]!;
}
function lowWord(x: number): number {
  f64[0] = x;
  return i32[LO]!;
}
function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  i32[HI] = hi;
  return f64[0];
}
function fromWords(hi: number, lo: number): number {
  i32[HI] = hi;
  i32[LO] = lo;
  return f64[0]!;
}

const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const TWO54 = 1.8014398509481984e16;

// ---- exp (e_exp.c) -------------------------------------------------------------------------
// x = k ln2 + r with |r| <= ln2/2; exp(r) = 1 + r + r c/(2 - c) with c = r - r^2 (P1 + ...),
// a Remez fit of r (e^r + 1)/(e^r - 1) on [0, 0.347]; then scale by 2^k.
const O_THRESHOLD = 709.782712893384;
const U_THRESHOLD = -745.1332191019411;
const INV_LN2 = Math.LOG2E; // fdlibm's invln2, the same double
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 6.613756321437934e-5;
const P4 = -1.6533902205465252e-6;
const P5 = 4.1381367970572385e-8;
const TWOM1000 = 9.332636185032189e-302; // 2^-1000

/** The smallest double whose high word is `hi` (low word 0): word tests as comparisons. */
const atHighWord = (hi: number): number => fromWords(hi, 0);
const EXP_BIG = atHighWord(0x40862e42); // |x| >= this: overflow / underflow checks
const EXP_HALF_LN2 = atHighWord(0x3fd62e43); // hx > 0x3fd62e42
const EXP_ONE_AND_HALF_LN2 = atHighWord(0x3ff0a2b2); // hx < 0x3ff0a2b2
const EXP_TINY = 2 ** -28; // hx < 0x3e300000
/** 2^k for k in [-1021, 1023], exact, so scaling by it equals fdlibm's exponent-field add. */
const POW2 = Array.from({ length: 2045 }, (_, i) => fromWords((i + 2) << 20, 0));

export function exp(x: number): number {
  // fdlibm tests the high word; the same tests as comparisons keep the hot path free of bit
  // moves (this function is every sigmoid of every training step).
  const ax = Math.abs(x);
  // As V8 does: exp(1) is Math.E (the double nearest e; fdlibm's is one ulp above it).
  if (x === 1) return Math.E;
  if (!(ax < EXP_BIG)) {
    if (Number.isNaN(x)) return x;
    if (x > O_THRESHOLD) return Number.POSITIVE_INFINITY;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (ax >= EXP_HALF_LN2) {
    if (ax < EXP_ONE_AND_HALF_LN2) {
      // |x| < 1.5 ln2: k = +-1
      if (x > 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INV_LN2 * x + (x > 0 ? 0.5 : -0.5)) | 0;
      hi = x - k * LN2_HI; // exact: k ln2_hi has 32 significant bits
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < EXP_TINY) {
    // |x| < 2^-28: exp(x) rounds to 1 + x
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k > 1023) return y * 2 * POW2[1023 + 1021]!; // 2^1024 is not a double
  if (k >= -1021) return y * POW2[k + 1021]!;
  return y * POW2[k + 1000 + 1021]! * TWOM1000;
}

// ---- log (e_log.c) -------------------------------------------------------------------------
// x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2); log(1 + f) = 2s + s R(s^2), s = f/(2 + f).
const LG1 = 0.6666666666666735;
const LG2 = 0.3999999999940942;
const LG3 = 0.2857142874366239;
const LG4 = 0.22222198432149784;
const LG5 = 0.1818357216161805;
const LG6 = 0.15313837699209373;
const LG7 = 0.14798198605116586;

export function log(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | lx) === 0) return Number.NEGATIVE_INFINITY;
    if (hx < 0) return Number.NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i0 ^ 0x3ff00000)); // normalise x or x/2
  k += i0 >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 <= f < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - R : k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  let i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
}

// ---- log1p (s_log1p.c) ---------------------------------------------------------------------
// As log, on u = 1 + x, with a correction c for the rounding of 1 + x.
const LP1 = 0.6666666666666735;
const LP2 = 0.3999999999940942;
const LP3 = 0.2857142874366239;
const LP4 = 0.22222198432149784;
const LP5 = 0.1818357216161805;
const LP6 = 0.15313837699209373;
const LP7 = 0.14798198605116586;

export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    // 1 + x < sqrt(2)
    if (ax >= 0x3ff00000) {
      // x <= -1
      return x === -1 ? Number.NEGATIVE_INFINITY : Number.NaN;
    }
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (TWO54 + x > 0 && ax < 0x3c900000) return x; // |x| < 2^-54
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) {
      // -0.2929 < x < 0.41422: no reduction
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1 - (u - x) : x - (u - 1); // the rounding error of 1 + x
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHighWord(u, hu | 0x3ff00000); // normalise u
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000); // normalise u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      c += k * LN2_LO;
      return k * LN2_HI + c;
    }
    const R = hfsq * (1 - 0.6666666666666666 * f);
    return k === 0 ? f - R : k * LN2_HI - (R - (k * LN2_LO + c) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const R = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + R));
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + (k * LN2_LO + c)) - f);
}

// ---- sin, cos (k_sin.c, k_cos.c, e_rem_pio2.c) ---------------------------------------------
// Reduce x = n pi/2 + (y0 + y1) with |y0 + y1| <= pi/4 (pi/2 in three parts, Cody-Waite),
// then a polynomial on [-pi/4, pi/4] chosen by n mod 4.
const S1 = -0.16666666666666632;
const S2 = 0.00833333333332249;
const S3 = -0.0001984126982985795;
const S4 = 2.7557313707070068e-6;
const S5 = -2.5050760253406863e-8;
const S6 = 1.58969099521155e-10;

/** sin(x + y) for |x + y| <= pi/4, y the tail of x (iy = 0: y is zero). */
function kernelSin(x: number, y: number, iy: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && (x | 0) === 0) return x; // |x| < 2^-27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const C1 = 0.0416666666666666;
const C2 = -0.001388888888887411;
const C3 = 2.480158728947673e-5;
const C4 = -2.7557314351390663e-7;
const C5 = 2.087572321298175e-9;
const C6 = -1.1359647557788195e-11;

/** cos(x + y) for |x + y| <= pi/4. */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && (x | 0) === 0) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0); // x/4, truncated
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

const INV_PIO2 = 0.6366197723675814;
const PIO2_1 = 1.5707963267341256; // first 33 bits of pi/2
const PIO2_1T = 6.077100506506192e-11; // pi/2 - PIO2_1
const PIO2_2 = 6.077100506303966e-11; // next 33 bits
const PIO2_2T = 2.0222662487959506e-21;
const PIO2_3 = 2.0222662487111665e-21; // next 33 bits
const PIO2_3T = 8.4784276603689e-32;

/** Arguments above this (2^19 pi/2) need a multi-precision reduction: Math.* is used. */
const MEDIUM_LIMIT = 0x413921fb;

/** x = n pi/2 + y0 + y1; returns n and writes y into `y`. Only for |x| <= 2^19 pi/2. */
function remPio2(x: number, y: Float64Array): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    // |x| < 3pi/4: n = +-1, with a cheap exact reduction
    if (hx > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) {
        y[0] = z - PIO2_1T;
        y[1] = z - y[0]! - PIO2_1T;
      } else {
        z -= PIO2_2;
        y[0] = z - PIO2_2T;
        y[1] = z - y[0]! - PIO2_2T;
      }
      return 1;
    }
    let z = x + PIO2_1;
    if (ix !== 0x3ff921fb) {
      y[0] = z + PIO2_1T;
      y[1] = z - y[0]! + PIO2_1T;
    } else {
      z += PIO2_2;
      y[0] = z + PIO2_2T;
      y[1] = z - y[0]! + PIO2_2T;
    }
    return -1;
  }
  const t0 = Math.abs(x);
  const n = (t0 * INV_PIO2 + 0.5) | 0;
  const fn = n;
  let r = t0 - fn * PIO2_1;
  let w = fn * PIO2_1T;
  // fdlibm skips the cancellation check below for small n whose x is not near a multiple of
  // pi/2 (a table lookup); doing it always gives the same result, as it then changes nothing.
  const j = ix >> 20;
  let y0 = r - w;
  let i = j - ((highWord(y0) >> 20) & 0x7ff);
  if (i > 16) {
    // cancellation: a second, and maybe a third, 33 bits of pi/2
    let t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - (t - r - w);
    y0 = r - w;
    i = j - ((highWord(y0) >> 20) & 0x7ff);
    if (i > 49) {
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - (t - r - w);
      y0 = r - w;
    }
  }
  const y1 = r - y0 - w;
  if (hx < 0) {
    y[0] = -y0;
    y[1] = -y1;
    return -n;
  }
  y[0] = y0;
  y[1] = y1;
  return n;
}

const reduced = new Float64Array(2);

export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, 0, 0); // |x| <= pi/4
  if (ix >= 0x7ff00000) return Number.NaN; // inf or NaN
  if (ix > MEDIUM_LIMIT) return Math.sin(x);
  const n = remPio2(x, reduced);
  const y0 = reduced[0]!;
  const y1 = reduced[1]!;
  switch (n & 3) {
    case 0:
      return kernelSin(y0, y1, 1);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1, 1);
    default:
      return -kernelCos(y0, y1);
  }
}

export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0); // |x| <= pi/4
  if (ix >= 0x7ff00000) return Number.NaN;
  if (ix > MEDIUM_LIMIT) return Math.cos(x);
  const n = remPio2(x, reduced);
  const y0 = reduced[0]!;
  const y1 = reduced[1]!;
  switch (n & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1, 1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1, 1);
  }
}
