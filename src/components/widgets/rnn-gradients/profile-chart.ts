/**
 * ||dL/dh_t|| / ||dL/dh_T|| against the time step t for the vanilla RNN, the LSTM and the GRU,
 * on one log axis: a straight line falling to the left is exponential decay with the distance
 * T - t, the signature of a vanishing gradient through time.
 *
 * Pure: (view, options, document) -> SVG, for the build-time figure and the live one.
 */
import { line, plot } from "@observablehq/plot";
import { withChartData } from "../../charts/chart-data";
import { AXIS_LABEL_MARGINS, asAccessibleImage, CHART_STYLE } from "../../charts/chart-svg";
import { colour, SERIES_ROLES } from "../../charts/palette";
import { runDash } from "../../charts/training/series";
import { fmt } from "../neuron-stepper/format";
import { powerDomain, powerLabel, powerTicks } from "../neuron-stepper/log-ticks";
import { CELL_NAMES_SHORT, COMPARED_CELLS } from "./config";
import type { ProfileView } from "./profile-data";

export interface ProfileChartOptions {
  readonly width?: number;
  readonly height?: number;
}

export function gradientProfileChart(view: ProfileView, options: ProfileChartOptions, document: Document) {
  const shown = view.rows.filter((r) => r.relative > 0 && Number.isFinite(r.relative));
  const values = shown.map((r) => r.relative);
  const width = options.width ?? 640;
  const el = plot({
    document,
    width,
    height: options.height ?? Math.round(Math.min(320, Math.max(230, width * 0.45))),
    ...AXIS_LABEL_MARGINS,
    marginLeft: 56,
    marginRight: 16,
    style: CHART_STYLE,
    x: { domain: [1, Math.max(2, view.T)], label: "time step t", grid: true },
    y: {
      type: "log",
      label: "‖∂L/∂hₜ‖ relative to step T",
      grid: true,
      domain: powerDomain(values),
      ticks: powerTicks(values, 7),
      tickFormat: powerLabel,
    },
    marks: COMPARED_CELLS.map((cell, i) =>
      line(
        shown.filter((r) => r.cell === cell),
        {
          x: "t",
          y: "relative",
          stroke: colour(SERIES_ROLES[i] ?? "series1"),
          strokeWidth: 2,
          strokeDasharray: runDash(i) ?? undefined,
        },
      ),
    ),
  });
  const summary = view.cells.map((c) => `${CELL_NAMES_SHORT[c.cell]} ${fmt(c.survival)}`).join(", ");
  const chart = asAccessibleImage(
    el,
    `Log-scale line chart of the gradient with respect to the hidden state at each of ${view.T} time steps, relative to the last step, for three untrained cells. Fraction left at step 1: ${summary}.`,
  );
  return withChartData(chart, () => view.rows.map((r) => ({ cell: r.cell, t: r.t, relative: r.relative })));
}
