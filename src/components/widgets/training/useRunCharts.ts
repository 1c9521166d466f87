/**
 * useRunCharts(runs, steps, step?): the draw functions of the three charts every training widget
 * shows for its runs (loss, gradient norm per layer, update ratio per layer), for ChartMount.
 * Memoised on `runs`, so a new runs array (after a batch of points) redraws them; `steps` fixes
 * the x axis to the configured run length; `step` is a scrubbed step, drawn as a rule. Each
 * redraws in place (given the chart on the page) while its frame fits (charts/ink.ts).
 *
 *   const { drawLoss, drawGrads } = useRunCharts(runs, steps);
 *   <ChartMount name="loss" draw={drawLoss} queued />
 */
import { useCallback } from "preact/hooks";
import { layerSeriesChart } from "../../charts/training/layer-series-chart";
import { lossChart } from "../../charts/training/loss-chart";
import type { ChartRun } from "../../charts/training/series";
import type { ChartSize } from "../common/ChartMount";

export function useRunCharts(runs: readonly ChartRun[], steps: number, step?: number) {
  const drawLoss = useCallback(
    (doc: Document, s: ChartSize, shown?: Element) =>
      lossChart(runs, { width: s.width, step, steps }, doc, shown),
    [runs, step, steps],
  );
  const drawGrads = useCallback(
    (doc: Document, s: ChartSize, shown?: Element) =>
      layerSeriesChart(runs, { metric: "gradNorm", width: s.width, step, steps }, doc, shown),
    [runs, step, steps],
  );
  const drawRatios = useCallback(
    (doc: Document, s: ChartSize, shown?: Element) =>
      layerSeriesChart(runs, { metric: "updateRatio", width: s.width, step, steps }, doc, shown),
    [runs, step, steps],
  );
  return { drawLoss, drawGrads, drawRatios };
}
