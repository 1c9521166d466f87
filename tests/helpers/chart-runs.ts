/**
 * Two synthetic runs ("plain", "residual") for chart tests: `n` points at steps 6, 12, ..., each
 * with `layers` layers carrying only what the layer charts read (layer, gradNorm).
 */
import type { ChartRun } from "../../src/components/charts/training/series";
import type { TrainingPoint } from "../../src/lib/findings";

export function layerRuns(
  layers: number,
  n: number,
  gradNorm: (layer: number, i: number, run: number) => number,
): ChartRun[] {
  return ["plain", "residual"].map((name, r) => ({
    name,
    points: Array.from(
      { length: n },
      (_, i) =>
        ({
          step: (i + 1) * 6,
          layers: Array.from({ length: layers }, (_, l) => ({ layer: l + 1, gradNorm: gradNorm(l, i, r) })),
        }) as unknown as TrainingPoint,
    ),
  }));
}
