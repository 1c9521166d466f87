/**
 * Layer normalisation (Ba, Kiros & Hinton 2016): like batch norm, but over the units of one
 * example instead of over the batch, so it behaves the same in training and evaluation and
 * for a batch of one. For row b of z [B, n]:
 *   mu_b = (1/n) sum_j z[b][j],   var_b = (1/n) sum_j (z[b][j] - mu_b)^2,   s_b = 1/sqrt(var_b + eps)
 *   xhat = (z - mu_b) s_b,   y = gamma_j xhat + beta_j
 * Backward, with g = dy * gamma:
 *   dz[b][j] = (s_b/n) (n g[b][j] - sum_j' g[b][j'] - xhat[b][j] sum_j' g[b][j'] xhat[b][j'])
 */

export const LN_EPS = 1e-5;

export interface LayerNormCache {
  readonly n: number;
  readonly xhat: Float64Array;
  readonly invStd: Float64Array;
}

export function createLayerNormCache(batch: number, n: number): LayerNormCache {
  return { n, xhat: new Float64Array(batch * n), invStd: new Float64Array(batch) };
}

export function layerNormForward(
  c: LayerNormCache,
  z: Float64Array,
  gamma: Float64Array,
  beta: Float64Array,
  y: Float64Array,
  batch: number,
): void {
  const n = c.n;
  const { xhat, invStd } = c;
  for (let b = 0; b < batch; b++) {
    const r = b * n;
    let mu = 0;
    for (let j = 0; j < n; j++) mu += z[r + j]!;
    mu /= n;
    let v = 0;
    for (let j = 0; j < n; j++) {
      const d = z[r + j]! - mu;
      v += d * d;
    }
    const s = 1 / Math.sqrt(v / n + LN_EPS);
    invStd[b] = s;
    for (let j = 0; j < n; j++) {
      const xh = (z[r + j]! - mu) * s;
      xhat[r + j] = xh;
      y[r + j] = gamma[j]! * xh + beta[j]!;
    }
  }
}

/** dz from dy (dz may alias dy); accumulates dgamma and dbeta. */
export function layerNormBackward(
  c: LayerNormCache,
  dy: Float64Array,
  gamma: Float64Array,
  dGamma: Float64Array,
  dBeta: Float64Array,
  dz: Float64Array,
  batch: number,
): void {
  const n = c.n;
  const { xhat, invStd } = c;
  for (let b = 0; b < batch; b++) {
    const r = b * n;
    let sumG = 0;
    let sumGX = 0;
    for (let j = 0; j < n; j++) {
      const d = dy[r + j]!;
      const xh = xhat[r + j]!;
      dBeta[j] = dBeta[j]! + d;
      dGamma[j] = dGamma[j]! + d * xh;
      const g = d * gamma[j]!;
      sumG += g;
      sumGX += g * xh;
    }
    const k = invStd[b]! / n;
    for (let j = 0; j < n; j++) {
      dz[r + j] = k * (n * dy[r + j]! * gamma[j]! - sumG - xhat[r + j]! * sumGX);
    }
  }
}
