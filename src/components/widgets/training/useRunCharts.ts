/**
 * useRunCharts(runs, steps, step?): the draw functions of the three charts every training widget
 * shows for its runs (loss, gradient norm per layer, update ratio per layer), for ChartMount.
 * Memoised on `runs`, so a new runs array (after a batch of points) redraws them; `steps` fixes
 * the x axis to the configured run length; `step` is a scrubbed step, drawn as a rule; `domains`
 * are y domains to cover at least (a figure's build-time run: the axes then stay still while the
 * same run replays). Each redraws in place (given the chart on the page) while its frame fits
 * (charts/ink.ts).
 *
 *   const { drawLoss, drawGrads } = useRunCharts(runs, steps);
 *   <ChartMount name="loss" draw={drawLoss} queued />
 */
import { useCallback } from "preact/hooks";
import { layerSeriesChart } from "../../charts/training/layer-series-chart";
import { lossChart } from "../../charts/training/loss-chart";
import type { ChartRun } from "../../charts/training/series";
import type { ChartSize } from "../common/ChartMount";

/** y domains the loss and gradient charts cover at least (e.g. the build-time run's). */
export interface RunChartDomains {
  readonly loss: readonly [number, number];
  readonly grads: readonly [number, number];
}

export function useRunCharts(
  runs: readonly ChartRun[],
  steps: number,
  step?: number,
  domains?: RunChartDomains,
) {
  const drawLoss = useCallback(
    (doc: Document, s: ChartSize, shown?: Element) =>
      lossChart(runs, { width: s.width, step, steps, yDomain: domains?.loss }, doc, shown),
    [runs, step, steps, domains],
  );
  const drawGrads = useCallback(
    (doc: Document, s: ChartSize, shown?: Element) =>
      layerSeriesChart(
        runs,
        { metric: "gradNorm", width: s.width, step, steps, yDomain: domains?.grads },
        doc,
        shown,
      ),
    [runs, step, steps, domains],
  );
  const drawRatios = useCallback(
    (doc: Document, s: ChartSize, shown?: Element) =>
      layerSeriesChart(runs, { metric: "updateRatio", width: s.width, step, steps }, doc, shown),
    [runs, step, steps],
  );
  return { drawLoss, drawGrads, drawRatios };
}
