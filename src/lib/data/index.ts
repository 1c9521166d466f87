/**
 * The data sets a run can train on, behind one entry point.
 *
 * 2-D sets are generated from the run's "data" stream (train) and "data.test" stream
 * (test), so a change of model, init or batch order never changes the points. MNIST is not
 * generated: its decoded bytes are passed in by the caller (Node loader or browser fetch),
 * which keeps this module free of I/O.
 */
import type { Rng } from "../rng";
import type { DataSplit } from "./dataset";
import { type MnistSubset, mnistSplit } from "./mnist";
import { applyStandardiser, fitStandardiser, type Standardiser } from "./standardise";
import { makeToy2d, TOY2D_NAMES, type Toy2dName } from "./toy2d";

export type { DataSplit, Dataset } from "./dataset";
export { classCounts } from "./dataset";
export * from "./mnist";
export * from "./standardise";
export * from "./toy2d";

/** Every tabular data-set name: the 2-D sets and MNIST. */
export const TABULAR_DATASET_NAMES = [...TOY2D_NAMES, "mnist"] as const;
export type TabularDatasetName = Toy2dName | "mnist";

export interface TabularDataOptions {
  readonly dataset: TabularDatasetName;
  /** Training-set size (the test set is a quarter of it for 2-D sets, at least 2). */
  readonly n: number;
  readonly noise: number;
  readonly standardise: boolean;
  /** Needed when dataset is "mnist". */
  readonly mnist?: MnistSubset | undefined;
}

/** Test-set size for a generated 2-D set of n training points. */
export const toyTestSize = (n: number): number => Math.max(2, Math.ceil(n / 4));

/** A run's data: the split it trains and tests on, and what it was before standardising. */
export interface TabularData extends DataSplit {
  /** The split before standardisation (the same objects as train/test when not standardised). */
  readonly raw: DataSplit;
  /** The training-set statistics applied, or null when not standardised. */
  readonly standardiser: Standardiser | null;
}

/** Builds the train/test split a run uses, standardised with training statistics if asked. */
export function makeTabularData(opts: TabularDataOptions, rng: Rng): TabularData {
  let raw: DataSplit;
  if (opts.dataset === "mnist") {
    if (!opts.mnist) throw new Error('data: dataset "mnist" needs the decoded MNIST subset (load it first)');
    raw = mnistSplit(opts.mnist, opts.n);
  } else {
    raw = {
      train: makeToy2d(opts.dataset, { n: opts.n, noise: opts.noise, rng: rng.stream("data") }),
      test: makeToy2d(opts.dataset, {
        n: toyTestSize(opts.n),
        noise: opts.noise,
        rng: rng.stream("data.test"),
      }),
    };
  }
  if (!opts.standardise) return { ...raw, raw, standardiser: null };
  const s = fitStandardiser(raw.train);
  return {
    train: applyStandardiser(s, raw.train),
    test: applyStandardiser(s, raw.test),
    raw,
    standardiser: s,
  };
}
