/**
 * The per-layer numbers of one recorded point as a table: gradient norm, update ratio and the
 * saturated and dead shares (– where they do not apply). Shared by the dashboard and the
 * playground; it scrolls sideways on a phone (data-scroll-region makes it keyboard-reachable).
 */
import { fmtNum, fmtShare } from "../../../lib/metric-format";
import type { TrainingPoint } from "./messages";

export function LayerTable({ point }: { readonly point: TrainingPoint }) {
  return (
    <div class="table-scroll" data-scroll-region>
      <table class="numbers" data-table="layers">
        <caption>Per layer at step {point.step}</caption>
        <thead>
          <tr>
            <th scope="col">layer</th>
            <th scope="col">‖∂L/∂W‖</th>
            <th scope="col">‖ΔW‖/‖W‖</th>
            <th scope="col">saturated</th>
            <th scope="col">dead</th>
          </tr>
        </thead>
        <tbody>
          {point.layers.map((l) => (
            <tr key={l.layer}>
              <th scope="row">{l.layer}</th>
              <td>{fmtNum(l.gradNorm)}</td>
              <td>{fmtNum(l.updateRatio)}</td>
              <td>{l.saturated === null ? "–" : fmtShare(l.saturated)}</td>
              <td>{l.dead === null ? "–" : fmtShare(l.dead)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
