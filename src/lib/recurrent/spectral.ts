/**
 * The largest singular value sigma_max(W) of a dense row-major matrix, by power iteration
 * on W^T W.
 *
 * Why chapter 5 needs it: for h_t = f(W_h h_{t-1} + ...), the Jacobian dh_t/dh_{t-1} is
 * diag(f'(a_t)) W_h, so its norm is at most gamma * sigma_max(W_h) with gamma = max |f'|
 * (1 for tanh, 1/4 for the sigmoid). If sigma_max(W_h) < 1/gamma every factor of the BPTT
 * product is a contraction and ||dL/dh_k|| shrinks at least geometrically with t - k
 * (Pascanu, Mikolov & Bengio 2013, section 3.1).
 *
 * The iteration v <- W^T W v / ||W^T W v|| converges to the top right-singular vector at
 * rate (sigma_2 / sigma_1)^2 per step; sigma_max = ||W v||. The start vector is a fixed,
 * non-symmetric pattern (not an RNG draw) so the answer is a pure function of W, and it is
 * generic enough not to be orthogonal to the top singular vector in practice.
 */
import { sin } from "../portable-math";
export function largestSingularValue(
  w: Float64Array,
  rows: number,
  cols: number,
  options: { maxIterations?: number; tolerance?: number; offset?: number } = {},
): number {
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.tolerance ?? 1e-12;
  // `offset` lets a caller treat a block of a larger buffer (e.g. one gate of a fused W_h).
  const off = options.offset ?? 0;
  if (rows === 0 || cols === 0) return 0;
  const v = new Float64Array(cols);
  const u = new Float64Array(rows);
  for (let j = 0; j < cols; j++) v[j] = 1 + 0.5 * sin(1.7 * j + 0.3);
  normalise(v);
  let sigma = 0;
  for (let it = 0; it < maxIterations; it++) {
    // u = W v
    for (let r = 0; r < rows; r++) {
      let s = 0;
      const base = off + r * cols;
      for (let j = 0; j < cols; j++) s += w[base + j] * v[j];
      u[r] = s;
    }
    const next = norm(u);
    if (next === 0) return 0;
    // v = W^T u, normalised
    v.fill(0);
    for (let r = 0; r < rows; r++) {
      const ur = u[r];
      const base = off + r * cols;
      for (let j = 0; j < cols; j++) v[j] += w[base + j] * ur;
    }
    normalise(v);
    const converged = Math.abs(next - sigma) <= tolerance * next;
    sigma = next;
    if (converged) break;
  }
  return sigma;
}

function norm(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

function normalise(a: Float64Array): void {
  const n = norm(a);
  if (n > 0) for (let i = 0; i < a.length; i++) a[i] /= n;
}

/** Multiply a rows x cols block (at `offset`) in place so that its largest singular value becomes `target`. */
export function rescaleToSingularValue(
  w: Float64Array,
  rows: number,
  cols: number,
  target: number,
  offset = 0,
): void {
  const sigma = largestSingularValue(w, rows, cols, { offset });
  if (sigma === 0) return;
  const k = target / sigma;
  const end = offset + rows * cols;
  for (let i = offset; i < end; i++) w[i] *= k;
}
