/**
 * The metrics records as CSV: one row per record, one column per scalar. Per-parameter
 * numbers get columns named after the parameter ("layer3.W.grad", "layer3.W.norm",
 * "layer3.W.ratio"); MLP runs add the per-layer diagnostics as "L3.preStd",
 * "L3.saturatedFraction", ... (LAYER_COLUMNS); recurrent runs add "dh.1".."dh.T" (mean ||dL/dh_t||);
 * evaluations add "test.loss" and "test.accuracy" (empty where not evaluated).
 * Non-finite numbers are written as NaN, Infinity or -Infinity; a missing value is empty.
 */
import type { StepRecord } from "../../src/lib/run.ts";

export interface CsvRow extends StepRecord {
  readonly test?: { loss: number; accuracy: number | null };
}

const cell = (v: number | null | undefined): string => (v === null || v === undefined ? "" : String(v));

/** Per-layer diagnostics written to CSV (histograms stay in the JSON). */
export const LAYER_COLUMNS = [
  "gradNormW",
  "gradNormB",
  "weightNorm",
  "updateRatio",
  "deltaRms",
  "preMean",
  "preStd",
  "actMean",
  "actStd",
  "saturatedFraction",
  "deadFraction",
] as const;

export function recordsToCsv(records: readonly CsvRow[]): string {
  const first = records[0];
  const paramCols = (first?.paramStats ?? []).flatMap((p) => [
    `${p.name}.grad`,
    `${p.name}.norm`,
    `${p.name}.ratio`,
  ]);
  const layerCols = (first?.layers ?? []).flatMap((l) => LAYER_COLUMNS.map((c) => `L${l.layer}.${c}`));
  const T = first?.hiddenGradNorms?.length ?? 0;
  const header = [
    "step",
    "loss",
    "accuracy",
    "gradNorm",
    "clippedGradNorm",
    ...paramCols,
    ...layerCols,
    ...Array.from({ length: T }, (_, t) => `dh.${t + 1}`),
    "test.loss",
    "test.accuracy",
  ];
  const rows = records.map((r) =>
    [
      r.step,
      r.loss,
      r.accuracy,
      r.gradNorm,
      r.clippedGradNorm,
      ...r.paramStats.flatMap((p) => [p.gradNorm, p.valueNorm, p.updateRatio]),
      ...(r.layers ?? []).flatMap((l) => LAYER_COLUMNS.map((c) => l[c])),
      ...(r.hiddenGradNorms ?? []),
      r.test?.loss,
      r.test?.accuracy,
    ]
      .map(cell)
      .join(","),
  );
  return `${[header.join(","), ...rows].join("\n")}\n`;
}
