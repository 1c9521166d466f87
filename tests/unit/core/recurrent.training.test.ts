/**
 * Smoke training: gated cells learn the adding problem at a short length with Adam, getting far
 * below the constant-prediction baseline MSE of 1/6 that a model which ignores the markers
 * cannot beat. Measured here (seed 5, T = 10, hidden 16, batch 32, 300 Adam steps at lr 0.01):
 * LSTM ~0.014, GRU ~0.0007 on 500 held-out sequences.
 */
import { describe, expect, it } from "vitest";
import { generateSequenceBatch, SEQUENCE_TASKS } from "../../../src/lib/data/sequences";
import { createOptimiser } from "../../../src/lib/optimisers";
import { zeroGrads } from "../../../src/lib/params";
import { type CellName, createRecurrent } from "../../../src/lib/recurrent";
import { createRng } from "../../../src/lib/rng";

function trainAdding(cell: CellName, T: number, steps: number): { before: number; after: number } {
  const B = 32;
  const rng = createRng(5);
  const model = createRecurrent({ cell, inputs: 2, hidden: 16, outputs: 1 }, rng.stream("init"));
  const opt = createOptimiser({ name: "adam", lr: 0.01 }, model.params);
  const data = rng.stream("data");
  const test = generateSequenceBatch("adding", rng.stream("test"), { T, batch: 500 });
  const testMse = (): number => {
    const y = model.forward(test.x, T, test.batch);
    let s = 0;
    for (let i = 0; i < y.length; i++) s += (y[i] - test.y[i]) ** 2;
    return s / y.length;
  };
  const before = testMse();
  let batch = generateSequenceBatch("adding", data, { T, batch: B });
  const dy = new Float64Array(B);
  for (let s = 0; s < steps; s++) {
    batch = generateSequenceBatch("adding", data, { T, batch: B }, batch);
    zeroGrads(model.params);
    const y = model.forward(batch.x, T, B);
    for (let i = 0; i < B; i++) dy[i] = (2 * (y[i] - batch.y[i])) / B; // d/dy of the batch MSE
    model.backward(dy);
    opt.step();
  }
  return { before, after: testMse() };
}

describe("training on the adding problem (T = 10)", () => {
  const baseline = SEQUENCE_TASKS.adding.baseline.mse;
  for (const cell of ["lstm", "gru"] as const) {
    it(`${cell} gets below a quarter of the constant-prediction MSE (1/6) in 300 Adam steps`, () => {
      const { before, after } = trainAdding(cell, 10, 300);
      expect(before).toBeGreaterThan(baseline);
      expect(after).toBeLessThan(baseline / 4);
    });
  }
});
