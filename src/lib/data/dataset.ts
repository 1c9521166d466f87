/**
 * A labelled, tabular data set on flat arrays: what the MLP trains on.
 *
 * `inputs` is row-major [n, inputDim], so example i occupies
 * inputs[i * inputDim .. (i + 1) * inputDim). `labels[i]` is the class index in
 * [0, numClasses). Targets (a single 0/1 output, or a one-hot row for softmax) are derived
 * from labels by whoever builds the loss, so one data set serves every loss.
 */
export interface Dataset {
  readonly name: string;
  readonly n: number;
  readonly inputDim: number;
  readonly numClasses: number;
  readonly inputs: Float64Array;
  readonly labels: Uint8Array;
}

/** A training set and a held-out test set drawn from the same distribution. */
export interface DataSplit {
  readonly train: Dataset;
  readonly test: Dataset;
}

/** Count of each label, e.g. to check that a generator is balanced. */
export function classCounts(d: Dataset): number[] {
  const counts = new Array<number>(d.numClasses).fill(0);
  for (const y of d.labels) counts[y] = (counts[y] as number) + 1;
  return counts;
}
