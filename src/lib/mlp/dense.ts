/**
 * The dense (fully connected) layer, batched, on flat row-major Float64Arrays.
 *
 * Shapes: x is [B, nIn], W is [nOut, nIn] (W[o][i] = W[o * nIn + i], the Param convention),
 * b is [nOut], z is [B, nOut].
 *
 *   forward   z[b][o]  = b[o] + sum_i x[b][i] W[o][i]          (z = x W^T + b)
 *   backward  dW[o][i] += sum_b dz[b][o] x[b][i]               (dW += dz^T x)
 *             db[o]    += sum_b dz[b][o]
 *             dx[b][i]  = sum_o dz[b][o] W[o][i]               (dx = dz W)
 *
 * The loops are register-blocked by hand: the forward computes a 2 x 4 tile of z at a time
 * (two rows of x against four rows of W, eight independent accumulators, so each load feeds
 * several multiply-adds and the additions do not wait on one another); the backward walks
 * contiguous rows of dW and dx, folding four terms per store. Row offsets are hoisted and
 * nothing allocates.
 */

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
  const o4 = nOut - (nOut % 4);
  let b = 0;
  for (; b + 1 < batch; b += 2) {
    const x0 = b * nIn;
    const x1 = x0 + nIn;
    const z0 = b * nOut;
    const z1 = z0 + nOut;
    let o = 0;
    for (; o < o4; o += 4) {
      const w0 = o * nIn;
      const w1 = w0 + nIn;
      const w2 = w1 + nIn;
      const w3 = w2 + nIn;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let i = 0; i < nIn; i++) {
        const a0 = x[x0 + i]!;
        const a1 = x[x1 + i]!;
        const v0 = W[w0 + i]!;
        const v1 = W[w1 + i]!;
        const v2 = W[w2 + i]!;
        const v3 = W[w3 + i]!;
        s00 += a0 * v0;
        s01 += a0 * v1;
        s02 += a0 * v2;
        s03 += a0 * v3;
        s10 += a1 * v0;
        s11 += a1 * v1;
        s12 += a1 * v2;
        s13 += a1 * v3;
      }
      const c0 = bias ? bias[o]! : 0;
      const c1 = bias ? bias[o + 1]! : 0;
      const c2 = bias ? bias[o + 2]! : 0;
      const c3 = bias ? bias[o + 3]! : 0;
      z[z0 + o] = s00 + c0;
      z[z0 + o + 1] = s01 + c1;
      z[z0 + o + 2] = s02 + c2;
      z[z0 + o + 3] = s03 + c3;
      z[z1 + o] = s10 + c0;
      z[z1 + o + 1] = s11 + c1;
      z[z1 + o + 2] = s12 + c2;
      z[z1 + o + 3] = s13 + c3;
    }
    for (; o < nOut; o++) {
      const w0 = o * nIn;
      let s0 = 0;
      let s1 = 0;
      for (let i = 0; i < nIn; i++) {
        const v = W[w0 + i]!;
        s0 += x[x0 + i]! * v;
        s1 += x[x1 + i]! * v;
      }
      const c = bias ? bias[o]! : 0;
      z[z0 + o] = s0 + c;
      z[z1 + o] = s1 + c;
    }
  }
  for (; b < batch; b++) {
    const x0 = b * nIn;
    const z0 = b * nOut;
    for (let o = 0; o < nOut; o++) {
      const w0 = o * nIn;
      let s = 0;
      for (let i = 0; i < nIn; i++) s += x[x0 + i]! * W[w0 + i]!;
      z[z0 + o] = s + (bias ? bias[o]! : 0);
    }
  }
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
): void {
  // dW[o][:] += sum_b dz[b][o] x[b][:], four batch rows folded per pass over the dW row.
  const b4 = batch - (batch % 4);
  for (let o = 0; o < nOut; o++) {
    const w0 = o * nIn;
    let b = 0;
    for (; b < b4; b += 4) {
      const g0 = dz[b * nOut + o]!;
      const g1 = dz[(b + 1) * nOut + o]!;
      const g2 = dz[(b + 2) * nOut + o]!;
      const g3 = dz[(b + 3) * nOut + o]!;
      const x0 = b * nIn;
      const x1 = x0 + nIn;
      const x2 = x1 + nIn;
      const x3 = x2 + nIn;
      for (let i = 0; i < nIn; i++) {
        dW[w0 + i] = dW[w0 + i]! + g0 * x[x0 + i]! + g1 * x[x1 + i]! + g2 * x[x2 + i]! + g3 * x[x3 + i]!;
      }
    }
    for (; b < batch; b++) {
      const g = dz[b * nOut + o]!;
      if (g === 0) continue;
      const x0 = b * nIn;
      for (let i = 0; i < nIn; i++) dW[w0 + i] = dW[w0 + i]! + g * x[x0 + i]!;
    }
  }
  if (db) {
    for (let b = 0; b < batch; b++) {
      const z0 = b * nOut;
      for (let o = 0; o < nOut; o++) db[o] = db[o]! + dz[z0 + o]!;
    }
  }
  if (!dx) return;
  // dx[b][:] = sum_o dz[b][o] W[o][:], four rows of W folded per pass over the dx row.
  const o4 = nOut - (nOut % 4);
  for (let b = 0; b < batch; b++) {
    const x0 = b * nIn;
    const z0 = b * nOut;
    let o = 0;
    if (o4 > 0) {
      const g0 = dz[z0]!;
      const g1 = dz[z0 + 1]!;
      const g2 = dz[z0 + 2]!;
      const g3 = dz[z0 + 3]!;
      const w1 = nIn;
      const w2 = 2 * nIn;
      const w3 = 3 * nIn;
      for (let i = 0; i < nIn; i++) {
        dx[x0 + i] = g0 * W[i]! + g1 * W[w1 + i]! + g2 * W[w2 + i]! + g3 * W[w3 + i]!;
      }
      o = 4;
    } else {
      dx.fill(0, x0, x0 + nIn);
    }
    for (; o < o4; o += 4) {
      const g0 = dz[z0 + o]!;
      const g1 = dz[z0 + o + 1]!;
      const g2 = dz[z0 + o + 2]!;
      const g3 = dz[z0 + o + 3]!;
      const w0 = o * nIn;
      const w1 = w0 + nIn;
      const w2 = w1 + nIn;
      const w3 = w2 + nIn;
      for (let i = 0; i < nIn; i++) {
        dx[x0 + i] = dx[x0 + i]! + g0 * W[w0 + i]! + g1 * W[w1 + i]! + g2 * W[w2 + i]! + g3 * W[w3 + i]!;
      }
    }
    for (; o < nOut; o++) {
      const g = dz[z0 + o]!;
      const w0 = o * nIn;
      for (let i = 0; i < nIn; i++) dx[x0 + i] = dx[x0 + i]! + g * W[w0 + i]!;
    }
  }
}
