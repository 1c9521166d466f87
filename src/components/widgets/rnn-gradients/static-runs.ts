/**
 * The three training runs of the widget, trained to the end in Node at build time with the
 * same session code the worker runs (training/session.ts), so the static figure and the
 * numbers the prose quotes are exactly what a reader's Play replays. Memoised per T: the
 * chapter and the widget's Astro wrapper ask for the same runs once per build.
 */

import type { TrainingPoint } from "../training/messages";
import { createSession } from "../training/session";
import { CELL_NAMES_SHORT, COMPARED_CELLS, type ComparedCell, trainingConfig } from "./config";

export interface StaticRun {
  readonly cell: ComparedCell;
  readonly name: string;
  readonly points: readonly TrainingPoint[];
  /** Held-out MSE after the last step. */
  readonly finalTestLoss: number;
}

const cache = new Map<number, readonly StaticRun[]>();

export function staticRuns(T: number): readonly StaticRun[] {
  const hit = cache.get(T);
  if (hit) return hit;
  const runs = COMPARED_CELLS.map((cell) => {
    const s = createSession(trainingConfig(cell, T));
    s.advance();
    const last = s.points.at(-1);
    return {
      cell,
      name: CELL_NAMES_SHORT[cell],
      points: s.points,
      finalTestLoss: last ? last.testLoss : Number.NaN,
    };
  });
  cache.set(T, runs);
  return runs;
}
