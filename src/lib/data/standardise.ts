/**
 * Input standardisation as a data transform: x'_j = (x_j - mu_j) / s_j per input feature j.
 *
 * The statistics mu_j and s_j come from the *training* set only and are then applied,
 * unchanged, to the training and the test set — computing them on the test set would leak
 * information about it into training. s_j is the population standard deviation; a feature
 * that is (nearly) constant on the training set (s_j < MIN_SPREAD, e.g. MNIST's border
 * pixels, always 0) is centred but not scaled, so it stays finite instead of dividing by 0.
 *
 * Why it matters for vanishing gradients: inputs far from zero mean push the first layer's
 * pre-activations into the flat tails of a sigmoid, and the first layer is already the one
 * whose gradient is smallest.
 */
import type { Dataset } from "./dataset";

export const MIN_SPREAD = 1e-8;

export interface Standardiser {
  readonly mean: Float64Array;
  /** The divisor actually used per feature (1 for constant features). */
  readonly scale: Float64Array;
}

/** Per-feature mean and spread of a data set (use the training set). */
export function fitStandardiser(train: Dataset): Standardiser {
  const { n, inputDim: d, inputs } = train;
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (inputs[i * d + j] as number);
  for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) / n;
  // Two-pass variance: exact for data with a large mean, unlike E[x^2] - E[x]^2.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const dx = (inputs[i * d + j] as number) - (mean[j] as number);
      scale[j] = (scale[j] as number) + dx * dx;
    }
  }
  for (let j = 0; j < d; j++) {
    const s = Math.sqrt((scale[j] as number) / n);
    scale[j] = s < MIN_SPREAD ? 1 : s;
  }
  return { mean, scale };
}

/** Standardises n rows of x (row-major [n, d]) into out (may be x itself). */
export function standardiseRows(
  s: Standardiser,
  x: Float64Array,
  n: number,
  out: Float64Array,
): Float64Array {
  const d = s.mean.length;
  if (x.length < n * d || out.length < n * d)
    throw new RangeError(`standardise: need ${n} rows of ${d} features`);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      out[i * d + j] = ((x[i * d + j] as number) - (s.mean[j] as number)) / (s.scale[j] as number);
    }
  }
  return out;
}

/** A new data set with standardised inputs; labels are shared, the input array is not. */
export function applyStandardiser(s: Standardiser, data: Dataset): Dataset {
  const { n, inputDim: d } = data;
  if (s.mean.length !== d)
    throw new RangeError(`standardise: fitted on ${s.mean.length} features, data has ${d}`);
  return { ...data, inputs: standardiseRows(s, data.inputs, n, new Float64Array(n * d)) };
}
