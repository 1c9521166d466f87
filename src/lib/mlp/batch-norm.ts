/**
 * Batch normalisation (Ioffe & Szegedy 2015) over the batch axis of z [B, n].
 *
 * Training mode, per unit j, with the batch mean and the biased batch variance:
 *   mu_j = (1/B) sum_b z[b][j],   var_j = (1/B) sum_b (z[b][j] - mu_j)^2
 *   xhat = (z - mu_j) / sqrt(var_j + eps),   y = gamma_j xhat + beta_j
 * and the running statistics move by an exponential average (momentum m = 0.1):
 *   runMean <- (1 - m) runMean + m mu,   runVar <- (1 - m) runVar + m var * B/(B-1)
 * (the unbiased variance, as PyTorch does). Evaluation mode uses runMean and runVar instead,
 * so a single example gives the same answer whatever batch it sits in.
 *
 * Backward in training mode (mu and var depend on every z in the batch), with s = 1/sqrt(var+eps)
 * and g = dy * gamma:
 *   dz[b][j] = (s/B) (B g[b][j] - sum_b' g[b'][j] - xhat[b][j] sum_b' g[b'][j] xhat[b'][j])
 *   dgamma_j += sum_b dy[b][j] xhat[b][j],   dbeta_j += sum_b dy[b][j]
 * In evaluation mode the statistics are constants and dz = dy * gamma * s.
 */

export const BN_EPS = 1e-5;
export const BN_MOMENTUM = 0.1;

export interface BatchNormState {
  readonly n: number;
  /** Running mean and (unbiased) variance, for evaluation mode. */
  readonly runMean: Float64Array;
  readonly runVar: Float64Array;
}

export function createBatchNormState(n: number): BatchNormState {
  return { n, runMean: new Float64Array(n), runVar: new Float64Array(n).fill(1) };
}

/** Per-batch-size scratch: xhat [B, n], the per-unit 1/sqrt(var+eps) and two sums. */
export interface BatchNormCache {
  readonly xhat: Float64Array;
  readonly invStd: Float64Array;
  readonly sumA: Float64Array;
  readonly sumB: Float64Array;
  /** Whether the last forward used batch statistics (train) or running ones (eval). */
  train: boolean;
}

export function createBatchNormCache(batch: number, n: number): BatchNormCache {
  return {
    xhat: new Float64Array(batch * n),
    invStd: new Float64Array(n),
    sumA: new Float64Array(n),
    sumB: new Float64Array(n),
    train: true,
  };
}

export function batchNormForward(
  st: BatchNormState,
  c: BatchNormCache,
  z: Float64Array,
  gamma: Float64Array,
  beta: Float64Array,
  y: Float64Array,
  batch: number,
  train: boolean,
): void {
  const n = st.n;
  const { xhat, invStd } = c;
  const mean = c.sumA;
  c.train = train;
  if (train) {
    mean.fill(0);
    for (let b = 0; b < batch; b++) {
      const r = b * n;
      for (let j = 0; j < n; j++) mean[j] = mean[j]! + z[r + j]!;
    }
    for (let j = 0; j < n; j++) mean[j] = mean[j]! / batch;
    const v = c.sumB;
    v.fill(0);
    for (let b = 0; b < batch; b++) {
      const r = b * n;
      for (let j = 0; j < n; j++) {
        const d = z[r + j]! - mean[j]!;
        v[j] = v[j]! + d * d;
      }
    }
    const m = BN_MOMENTUM;
    const unbias = batch > 1 ? batch / (batch - 1) : 1;
    for (let j = 0; j < n; j++) {
      const varJ = v[j]! / batch;
      invStd[j] = 1 / Math.sqrt(varJ + BN_EPS);
      st.runMean[j] = (1 - m) * st.runMean[j]! + m * mean[j]!;
      st.runVar[j] = (1 - m) * st.runVar[j]! + m * varJ * unbias;
    }
  } else {
    for (let j = 0; j < n; j++) {
      mean[j] = st.runMean[j]!;
      invStd[j] = 1 / Math.sqrt(st.runVar[j]! + BN_EPS);
    }
  }
  for (let b = 0; b < batch; b++) {
    const r = b * n;
    for (let j = 0; j < n; j++) {
      const xh = (z[r + j]! - mean[j]!) * invStd[j]!;
      xhat[r + j] = xh;
      y[r + j] = gamma[j]! * xh + beta[j]!;
    }
  }
}

/** dz from dy (dz may alias dy); accumulates dgamma and dbeta. */
export function batchNormBackward(
  st: BatchNormState,
  c: BatchNormCache,
  dy: Float64Array,
  gamma: Float64Array,
  dGamma: Float64Array,
  dBeta: Float64Array,
  dz: Float64Array,
  batch: number,
): void {
  const n = st.n;
  const { xhat, invStd } = c;
  const sumG = c.sumA;
  const sumGX = c.sumB;
  sumG.fill(0);
  sumGX.fill(0);
  for (let b = 0; b < batch; b++) {
    const r = b * n;
    for (let j = 0; j < n; j++) {
      const g = dy[r + j]!;
      const xh = xhat[r + j]!;
      dBeta[j] = dBeta[j]! + g;
      dGamma[j] = dGamma[j]! + g * xh;
      sumG[j] = sumG[j]! + g;
      sumGX[j] = sumGX[j]! + g * xh;
    }
  }
  if (!c.train) {
    for (let b = 0; b < batch; b++) {
      const r = b * n;
      for (let j = 0; j < n; j++) dz[r + j] = dy[r + j]! * gamma[j]! * invStd[j]!;
    }
    return;
  }
  // With g = dy * gamma: sum g = gamma * sumG and sum g xhat = gamma * sumGX.
  for (let b = 0; b < batch; b++) {
    const r = b * n;
    for (let j = 0; j < n; j++) {
      const gm = gamma[j]!;
      dz[r + j] = (invStd[j]! / batch) * gm * (batch * dy[r + j]! - sumG[j]! - xhat[r + j]! * sumGX[j]!);
    }
  }
}
