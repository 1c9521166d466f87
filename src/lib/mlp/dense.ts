/**
 * The dense (fully connected) layer, batched, on flat row-major Float64Arrays.
 *
 * Shapes: x is [B, nIn], W is [nOut, nIn] (W[o][i] = W[o * nIn + i], the Param convention),
 * b is [nOut], z is [B, nOut].
 *
 *   forward   z[b][o]  = b[o] + sum_i x[b][i] W[o][i]          (z  = x W^T + b)
 *   backward  dW[o][i] += sum_b dz[b][o] x[b][i]               (dW += dz^T x  = dzT xT^T)
 *             db[o]    += sum_b dz[b][o]
 *             dx[b][i]  = sum_o dz[b][o] W[o][i]               (dx  = dz W    = dz WT^T)
 *
 * All three products are the one shape C = A Bm^T, "rows of A dotted with rows of Bm", which
 * reads both operands contiguously. The backward products get it by transposing the small
 * operands first (dz, x and W: O(n^2) moves against O(n^2 B) multiply-adds).
 *
 * gemmABt is register-blocked by hand: it computes a 4 x 4 tile of C at a time (four rows of
 * A against four rows of Bm: sixteen independent accumulators, so eight loads feed sixteen
 * multiply-adds and the additions do not wait on one another). Row offsets are hoisted and
 * nothing allocates.
 */

/** C[idx] = (accumulate ? C[idx] : init) + s: the epilogue of every tile. */
function put(C: Float64Array, idx: number, s: number, accumulate: boolean, init: number): void {
  C[idx] = (accumulate ? C[idx]! : init) + s;
}

/**
 * C[i][j] = (accumulate ? C[i][j] : bias ? bias[j] : 0) + sum_p A[i][p] Bm[j][p],
 * with A [m, k], Bm [n, k], C [m, n], all row-major. Tiles of 4 x 4 (sixteen accumulators,
 * eight loads per sixteen multiply-adds), then 2 x 4 and single rows for the remainders.
 */
export function gemmABt(
  A: Float64Array,
  Bm: Float64Array,
  C: Float64Array,
  m: number,
  n: number,
  k: number,
  bias: Float64Array | null,
  accumulate: boolean,
): void {
  const n4 = n - (n % 4);
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    const c0 = i * n;
    const c1 = c0 + n;
    const c2 = c1 + n;
    const c3 = c2 + n;
    let j = 0;
    for (; j < n4; j += 4) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      let s20 = 0;
      let s21 = 0;
      let s22 = 0;
      let s23 = 0;
      let s30 = 0;
      let s31 = 0;
      let s32 = 0;
      let s33 = 0;
      for (let p = 0; p < k; p++) {
        const v0 = Bm[b0 + p]!;
        const v1 = Bm[b1 + p]!;
        const v2 = Bm[b2 + p]!;
        const v3 = Bm[b3 + p]!;
        const x0 = A[a0 + p]!;
        s00 += x0 * v0;
        s01 += x0 * v1;
        s02 += x0 * v2;
        s03 += x0 * v3;
        const x1 = A[a1 + p]!;
        s10 += x1 * v0;
        s11 += x1 * v1;
        s12 += x1 * v2;
        s13 += x1 * v3;
        const x2 = A[a2 + p]!;
        s20 += x2 * v0;
        s21 += x2 * v1;
        s22 += x2 * v2;
        s23 += x2 * v3;
        const x3 = A[a3 + p]!;
        s30 += x3 * v0;
        s31 += x3 * v1;
        s32 += x3 * v2;
        s33 += x3 * v3;
      }
      const d0 = bias ? bias[j]! : 0;
      const d1 = bias ? bias[j + 1]! : 0;
      const d2 = bias ? bias[j + 2]! : 0;
      const d3 = bias ? bias[j + 3]! : 0;
      put(C, c0 + j, s00, accumulate, d0);
      put(C, c0 + j + 1, s01, accumulate, d1);
      put(C, c0 + j + 2, s02, accumulate, d2);
      put(C, c0 + j + 3, s03, accumulate, d3);
      put(C, c1 + j, s10, accumulate, d0);
      put(C, c1 + j + 1, s11, accumulate, d1);
      put(C, c1 + j + 2, s12, accumulate, d2);
      put(C, c1 + j + 3, s13, accumulate, d3);
      put(C, c2 + j, s20, accumulate, d0);
      put(C, c2 + j + 1, s21, accumulate, d1);
      put(C, c2 + j + 2, s22, accumulate, d2);
      put(C, c2 + j + 3, s23, accumulate, d3);
      put(C, c3 + j, s30, accumulate, d0);
      put(C, c3 + j + 1, s31, accumulate, d1);
      put(C, c3 + j + 2, s32, accumulate, d2);
      put(C, c3 + j + 3, s33, accumulate, d3);
    }
    for (; j < n; j++) {
      const b0 = j * k;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = 0; p < k; p++) {
        const v = Bm[b0 + p]!;
        s0 += A[a0 + p]! * v;
        s1 += A[a1 + p]! * v;
        s2 += A[a2 + p]! * v;
        s3 += A[a3 + p]! * v;
      }
      const d = bias ? bias[j]! : 0;
      put(C, c0 + j, s0, accumulate, d);
      put(C, c1 + j, s1, accumulate, d);
      put(C, c2 + j, s2, accumulate, d);
      put(C, c3 + j, s3, accumulate, d);
    }
  }
  for (; i + 1 < m; i += 2) {
    const a0 = i * k;
    const a1 = a0 + k;
    const c0 = i * n;
    const c1 = c0 + n;
    let j = 0;
    for (; j < n4; j += 4) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = A[a0 + p]!;
        const x1 = A[a1 + p]!;
        const v0 = Bm[b0 + p]!;
        const v1 = Bm[b1 + p]!;
        const v2 = Bm[b2 + p]!;
        const v3 = Bm[b3 + p]!;
        s00 += x0 * v0;
        s01 += x0 * v1;
        s02 += x0 * v2;
        s03 += x0 * v3;
        s10 += x1 * v0;
        s11 += x1 * v1;
        s12 += x1 * v2;
        s13 += x1 * v3;
      }
      const d0 = bias ? bias[j]! : 0;
      const d1 = bias ? bias[j + 1]! : 0;
      const d2 = bias ? bias[j + 2]! : 0;
      const d3 = bias ? bias[j + 3]! : 0;
      put(C, c0 + j, s00, accumulate, d0);
      put(C, c0 + j + 1, s01, accumulate, d1);
      put(C, c0 + j + 2, s02, accumulate, d2);
      put(C, c0 + j + 3, s03, accumulate, d3);
      put(C, c1 + j, s10, accumulate, d0);
      put(C, c1 + j + 1, s11, accumulate, d1);
      put(C, c1 + j + 2, s12, accumulate, d2);
      put(C, c1 + j + 3, s13, accumulate, d3);
    }
    for (; j < n; j++) {
      const b0 = j * k;
      let s0 = 0;
      let s1 = 0;
      for (let p = 0; p < k; p++) {
        const v = Bm[b0 + p]!;
        s0 += A[a0 + p]! * v;
        s1 += A[a1 + p]! * v;
      }
      const d = bias ? bias[j]! : 0;
      put(C, c0 + j, s0, accumulate, d);
      put(C, c1 + j, s1, accumulate, d);
    }
  }
  for (; i < m; i++) {
    const a0 = i * k;
    const c0 = i * n;
    for (let j = 0; j < n; j++) {
      const b0 = j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += A[a0 + p]! * Bm[b0 + p]!;
      put(C, c0 + j, s, accumulate, bias ? bias[j]! : 0);
    }
  }
}

/** dst [cols, rows] = src [rows, cols] transposed. */
export function transpose(src: Float64Array, dst: Float64Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const s0 = r * cols;
    for (let c = 0; c < cols; c++) dst[c * rows + r] = src[s0 + c]!;
  }
}

/** z = x W^T + b. `bias` may be null (a layer followed by batch norm has none). */
export function denseForward(
  x: Float64Array,
  W: Float64Array,
  bias: Float64Array | null,
  z: Float64Array,
  batch: number,
  nIn: number,
  nOut: number,
): void {
  gemmABt(x, W, z, batch, nOut, nIn, bias, false);
}

/** Scratch for denseBackward: dzT [nOut, B], xT [nIn, B], WT [nIn, nOut]. */
export interface DenseScratch {
  readonly dzT: Float64Array;
  readonly xT: Float64Array;
  readonly WT: Float64Array;
}

export function createDenseScratch(batch: number, nIn: number, nOut: number): DenseScratch {
  return {
    dzT: new Float64Array(nOut * batch),
    xT: new Float64Array(nIn * batch),
    WT: new Float64Array(nIn * nOut),
  };
}

/**
 * Accumulate dW += dz^T x and db += column sums of dz; if `dx` is given, overwrite it with
 * dz W (the first layer skips this: nobody needs the gradient with respect to the data).
 */
export function denseBackward(
  dz: Float64Array,
  x: Float64Array,
  W: Float64Array,
  dW: Float64Array,
  db: Float64Array | null,
  dx: Float64Array | null,
  batch: number,
  nIn: number,
  nOut: number,
  scratch: DenseScratch,
): void {
  const { dzT, xT, WT } = scratch;
  transpose(dz, dzT, batch, nOut);
  transpose(x, xT, batch, nIn);
  gemmABt(dzT, xT, dW, nOut, nIn, batch, null, true);
  if (db) {
    for (let o = 0; o < nOut; o++) {
      const r = o * batch;
      let s = 0;
      for (let b = 0; b < batch; b++) s += dzT[r + b]!;
      db[o] = db[o]! + s;
    }
  }
  if (!dx) return;
  transpose(W, WT, nOut, nIn);
  gemmABt(dz, WT, dx, batch, nIn, nOut, null, false);
}
