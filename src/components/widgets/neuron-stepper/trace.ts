/**
 * The stepper's run: the (w, b) and loss after every step, in preallocated typed arrays so
 * that tens of thousands of steps (a saturated neuron under squared error needs that many)
 * cost no allocation per step. Entry 0 is the start; entry n is the state after n steps.
 */
import { lossAt, type NeuronParams, type NeuronTask, neuronStep } from "../../../lib/neuron";
import { DIVERGENCE_LIMIT, MAX_STEPS } from "./config";

export type TraceStatus = "running" | "converged" | "diverged" | "limit";

export interface Trace {
  readonly w: Float64Array;
  readonly b: Float64Array;
  readonly loss: Float64Array;
  /** Number of states recorded (steps taken + 1). */
  length: number;
  status: TraceStatus;
}

export function startTrace(start: NeuronParams, task: NeuronTask, capacity = MAX_STEPS + 1): Trace {
  const t: Trace = {
    w: new Float64Array(capacity),
    b: new Float64Array(capacity),
    loss: new Float64Array(capacity),
    length: 1,
    status: "running",
  };
  t.w[0] = start.w;
  t.b[0] = start.b;
  t.loss[0] = lossAt(start, task);
  return t;
}

export function currentParams(t: Trace): NeuronParams {
  return { w: t.w[t.length - 1] as number, b: t.b[t.length - 1] as number };
}

/**
 * Takes up to `n` steps, stopping early when the run diverges (|w| or |b| beyond the limit,
 * or a non-finite value: η far too large), when the gradient is exactly zero (nothing left
 * to learn in floating point), or when the trace is full. Returns the number of steps taken.
 */
export function advance(t: Trace, task: NeuronTask, n: number): number {
  let taken = 0;
  while (taken < n && t.status === "running") {
    if (t.length >= t.w.length) {
      t.status = "limit";
      break;
    }
    const s = neuronStep(currentParams(t), task);
    const ok = Number.isFinite(s.wNext) && Number.isFinite(s.bNext);
    if (!ok || Math.abs(s.wNext) > DIVERGENCE_LIMIT || Math.abs(s.bNext) > DIVERGENCE_LIMIT) {
      t.status = "diverged";
      break;
    }
    const i = t.length;
    t.w[i] = s.wNext;
    t.b[i] = s.bNext;
    t.loss[i] = lossAt({ w: s.wNext, b: s.bNext }, task);
    t.length = i + 1;
    taken++;
    if (s.dLdw === 0 && s.dLdb === 0) t.status = "converged";
  }
  return taken;
}

/**
 * Indices of at most `max` entries spread evenly over the trace, always including the first
 * and the last, so a chart of 100,000 steps draws a few hundred points.
 */
export function sampleIndices(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const out: number[] = [];
  const stride = (length - 1) / (max - 1);
  for (let k = 0; k < max; k++) out.push(Math.round(k * stride));
  return out;
}
