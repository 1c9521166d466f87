/**
 * Percentiles of a sample, by linear interpolation between order statistics (the "type 7"
 * rule of R and NumPy's default): for p in [0, 100] and a sorted sample x_0 ≤ … ≤ x_{n−1},
 *
 *     h = (n − 1) · p / 100,   P_p = x_⌊h⌋ + (h − ⌊h⌋) · (x_⌊h⌋+1 − x_⌊h⌋).
 *
 * Non-finite values are left out. An empty sample gives NaN.
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) xs.push(v);
  }
  xs.sort((a, b) => a - b);
  return ps.map((p) => {
    if (xs.length === 0) return Number.NaN;
    const h = ((xs.length - 1) * Math.min(100, Math.max(0, p))) / 100;
    const lo = Math.floor(h);
    const a = xs[lo] as number;
    const b = xs[Math.min(lo + 1, xs.length - 1)] as number;
    return a + (h - lo) * (b - a);
  });
}
