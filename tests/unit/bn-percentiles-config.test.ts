/** The percentile widget's URL config: its unit range is the batch-norm runs' real width. */
import { expect, test } from "vitest";
import {
  BN_LAST_LAYER_UNITS,
  parseBnPercentilesConfig,
} from "../../src/components/widgets/bn-percentiles/config";
import { comparisonPair } from "../../src/components/widgets/remedy-compare/pairs";

test("the last hidden layer of both batch-norm runs is BN_LAST_LAYER_UNITS wide", () => {
  const pair = comparisonPair("batchNorm");
  for (const side of [pair.baseline, pair.remedy]) {
    const m = side.config.model;
    if (m.kind !== "mlp") throw new Error("expected an MLP");
    expect((m.widths ?? [])[m.depth - 1] ?? m.width).toBe(BN_LAST_LAYER_UNITS);
  }
});

test("units are clamped into [1, width] and rounded; anything else is unit 1", () => {
  expect(parseBnPercentilesConfig({ unit: 7 })).toEqual({ unit: 7 });
  expect(parseBnPercentilesConfig({ unit: 99 })).toEqual({ unit: BN_LAST_LAYER_UNITS });
  expect(parseBnPercentilesConfig({ unit: 2.6 })).toEqual({ unit: 3 });
  expect(parseBnPercentilesConfig({ unit: "3" })).toEqual({ unit: 1 });
  expect(parseBnPercentilesConfig(null)).toEqual({ unit: 1 });
  expect(parseBnPercentilesConfig({ unit: 5 }, 4)).toEqual({ unit: 4 });
});
