/**
 * The sequence tasks: structure of every sequence, determinism, buffer reuse, and the
 * constant-prediction baselines checked by sampling against their closed forms.
 */
import { describe, expect, it } from "vitest";
import {
  generateSequenceBatch,
  SEQUENCE_TASK_NAMES,
  SEQUENCE_TASKS,
  type SequenceBatch,
} from "../../../src/lib/data/sequences";
import { createRng } from "../../../src/lib/rng";

const at = (s: SequenceBatch, t: number, b: number, i: number) => s.x[(t * s.batch + b) * s.inputs + i];

describe("adding problem", () => {
  const T = 30;
  const B = 64;
  const s = generateSequenceBatch("adding", createRng(1).stream("data"), { T, batch: B });

  it("has the layout [T, batch, 2] and one target per sequence", () => {
    expect(s.x.length).toBe(T * B * 2);
    expect(s.y.length).toBe(B);
    expect([s.inputs, s.outputs]).toEqual([2, 1]);
  });

  it("marks exactly two steps, one in each half, and targets the sum of their values", () => {
    for (let b = 0; b < B; b++) {
      const marked: number[] = [];
      for (let t = 0; t < T; t++) {
        const v = at(s, t, b, 0);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(1);
        const m = at(s, t, b, 1);
        expect(m === 0 || m === 1).toBe(true);
        if (m === 1) marked.push(t);
      }
      expect(marked.length).toBe(2);
      expect(marked[0]).toBeLessThan(T / 2);
      expect(marked[1]).toBeGreaterThanOrEqual(Math.floor(T / 2));
      expect(s.y[b]).toBe(at(s, marked[0], b, 0) + at(s, marked[1], b, 0));
    }
  });

  it("baseline: predicting 1 gives MSE Var(U1 + U2) = 1/6, confirmed by sampling", () => {
    expect(SEQUENCE_TASKS.adding.baseline).toMatchObject({ mse: 1 / 6, prediction: 1 });
    const n = 40000;
    const big = generateSequenceBatch("adding", createRng(2).stream("data"), { T: 4, batch: n });
    let sum = 0;
    let sq = 0;
    let sq2 = 0;
    for (let i = 0; i < n; i++) {
      sum += big.y[i];
      const e = (big.y[i] - 1) ** 2;
      sq += e;
      sq2 += e * e;
    }
    const mse = sq / n;
    // Standard error of a sample mean of e = (y - 1)^2, from the sample itself.
    const se = Math.sqrt((sq2 / n - mse * mse) / n);
    expect(Math.abs(mse - 1 / 6)).toBeLessThan(4 * se);
    expect(Math.abs(sum / n - 1)).toBeLessThan(4 * Math.sqrt(1 / 6 / n));
    // No other constant does better: the MSE of c is mse(1) + (c - mean)^2, minimal at the mean ~ 1.
  });
});

describe("long-lag memory task", () => {
  const T = 25;
  const B = 64;
  const s = generateSequenceBatch("memory", createRng(1).stream("data"), { T, batch: B });

  it("shows the bit once at t = 0 (as ±1) and noise afterwards; the target is the bit", () => {
    for (let b = 0; b < B; b++) {
      expect(at(s, 0, b, 0)).toBe(s.y[b] === 1 ? 1 : -1);
      expect(at(s, 0, b, 1)).toBe(0);
      for (let t = 1; t < T; t++) {
        expect(at(s, t, b, 0)).toBe(0);
        expect(Math.abs(at(s, t, b, 1))).toBeLessThanOrEqual(1);
      }
      expect(s.y[b] === 0 || s.y[b] === 1).toBe(true);
    }
  });

  it("baseline: the bit is a fair coin, so predicting 1/2 gives MSE 1/4, BCE ln 2, accuracy 1/2", () => {
    expect(SEQUENCE_TASKS.memory.baseline).toMatchObject({
      mse: 0.25,
      prediction: 0.5,
      bce: Math.LN2,
      accuracy: 0.5,
    });
    const n = 40000;
    const big = generateSequenceBatch("memory", createRng(2).stream("data"), { T: 2, batch: n });
    let ones = 0;
    for (let i = 0; i < n; i++) ones += big.y[i];
    // Binomial(n, 1/2): sd of the fraction is 1/(2 sqrt n).
    expect(Math.abs(ones / n - 0.5)).toBeLessThan(4 / (2 * Math.sqrt(n)));
  });
});

describe("every task", () => {
  for (const task of SEQUENCE_TASK_NAMES) {
    it(`${task}: a seed reproduces a batch; reusing the buffers gives the same numbers; other seeds differ`, () => {
      const a = generateSequenceBatch(task, createRng(3).stream("data"), { T: 9, batch: 5 });
      const b = generateSequenceBatch(task, createRng(3).stream("data"), { T: 9, batch: 5 });
      expect(Array.from(a.x)).toEqual(Array.from(b.x));
      expect(Array.from(a.y)).toEqual(Array.from(b.y));
      const other = generateSequenceBatch(task, createRng(4).stream("data"), { T: 9, batch: 5 });
      expect(Array.from(other.x)).not.toEqual(Array.from(a.x));
      const reused = generateSequenceBatch(task, createRng(3).stream("data"), { T: 9, batch: 5 }, other);
      expect(reused).toBe(other);
      expect(Array.from(reused.x)).toEqual(Array.from(a.x));
      expect(Array.from(reused.y)).toEqual(Array.from(a.y));
    });

    it(`${task}: rejects a bad length or batch with a message naming the field`, () => {
      const rng = createRng(1);
      expect(() => generateSequenceBatch(task, rng, { T: 0, batch: 4 })).toThrow(
        /T for the .* must be an integer >=/,
      );
      expect(() => generateSequenceBatch(task, rng, { T: 5, batch: 1.5 })).toThrow(
        /batch must be an integer >= 1/,
      );
    });
  }
  it("rejects an unknown task", () => {
    expect(() => generateSequenceBatch("copy" as "adding", createRng(1), { T: 5, batch: 1 })).toThrow(
      /task must be one of adding, memory/,
    );
  });
});
