/**
 * The gradient-through-time profile of the three cells at initialisation, as chart rows.
 *
 * For each cell: one forward and backward pass of the untrained model on a batch of the adding
 * problem (src/lib/recurrent/profile.ts), giving ||dL/dh_t|| at every step t. Each profile is
 * divided by its own value at the last step, so the chart reads "what fraction of the signal
 * at step T is left at step t" and the three cells share one axis whatever their output scale.
 *
 * For the vanilla RNN the backpropagation-through-time product
 *   dh_T/dh_t = prod_{k=t+1..T} diag(f'(a_k)) W_h
 * has norm at most (gamma sigma_max(W_h))^(T-t), so the curve falls at least that fast when
 * gamma sigma_max(W_h) < 1 (gamma = 1 for tanh). Imported lazily by the island (the recurrent
 * core stays out of the page's initial JavaScript).
 */
import { gradientProfile } from "../../../lib/recurrent";
import {
  COMPARED_CELLS,
  type ComparedCell,
  RNN_BATCH,
  RNN_FORGET_BIAS,
  RNN_HIDDEN,
  RNN_SEED,
} from "./config";

export interface ProfileRow {
  readonly cell: ComparedCell;
  /** Time step, 1..T. */
  readonly t: number;
  /** ||dL/dh_t|| / ||dL/dh_T||. */
  readonly relative: number;
}

export interface CellProfile {
  readonly cell: ComparedCell;
  /** ||dL/dh_1|| / ||dL/dh_T||. */
  readonly survival: number;
  /** Geometric-mean shrink factor per step back. */
  readonly perStep: number;
  /** sigma_max of the recurrent matrix (first gate block for the gated cells). */
  readonly sigmaMax: number;
}

export interface ProfileView {
  readonly T: number;
  readonly rows: readonly ProfileRow[];
  readonly cells: readonly CellProfile[];
}

export function profileView(T: number): ProfileView {
  const rows: ProfileRow[] = [];
  const cells: CellProfile[] = [];
  for (const cell of COMPARED_CELLS) {
    const p = gradientProfile(
      { cell, hidden: RNN_HIDDEN, forgetBias: RNN_FORGET_BIAS },
      { task: "adding", T, batch: RNN_BATCH, seed: RNN_SEED },
    );
    const h = p.hiddenGradNorms;
    const last = h[T - 1] ?? 0;
    for (let t = 0; t < T; t++) rows.push({ cell, t: t + 1, relative: last > 0 ? (h[t] ?? 0) / last : 0 });
    cells.push({
      cell,
      survival: p.survival,
      perStep: p.perStepFactor,
      sigmaMax: p.gateSigmaMax[0] ?? Number.NaN,
    });
  }
  return { T, rows, cells };
}
