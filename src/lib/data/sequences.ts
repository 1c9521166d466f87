/**
 * Seeded sequence tasks for the recurrent chapter, in the recurrent core's time-major layout
 * x [T, batch, inputs] (x[(t * batch + b) * inputs + i]) with one target per sequence,
 * y [batch, outputs], read from the last step (readout "last").
 *
 * Each task states the loss of the best *constant* prediction — the score of a model that has
 * learned nothing about the inputs. A vanilla RNN whose gradients vanish over the lag stays
 * near it; a model that bridges the lag gets well below it.
 *
 * adding — the adding problem (after Hochreiter & Schmidhuber 1997, in the form of Le et al.
 *   2015 and Arjovsky et al. 2016). Channel 0: values v_t ~ U(0, 1). Channel 1: a marker, 1 at
 *   exactly two steps and 0 elsewhere; the first marked step is uniform in [0, floor(T/2)),
 *   the second uniform in [floor(T/2), T). Target: the sum of the two marked values.
 *   Baseline: the sum has mean 1 and variance 2 * (1/12) = 1/6, so the best constant
 *   prediction (1) has MSE 1/6 ~ 0.1667.
 *
 * memory — a long-lag memory task. Channel 0: a bit s in {0, 1}, shown at t = 0 as +1 or -1,
 *   zero afterwards. Channel 1: distracting noise ~ U(-1, 1) at every step t >= 1 (0 at t = 0).
 *   Target: s, to be emitted at the last step, T - 1 steps after it was shown.
 *   Baseline: s is a fair coin, so the best constant prediction (1/2) has MSE 1/4, binary
 *   cross-entropy ln 2 ~ 0.693 and accuracy 1/2.
 *
 * Randomness is drawn from the Rng passed in, in a fixed order per sequence, so a seed and
 * (T, batch) reproduce a batch bit for bit.
 */
import type { Rng } from "../rng";

export interface SequenceBatch {
  readonly task: SequenceTaskName;
  readonly T: number;
  readonly batch: number;
  readonly inputs: number;
  readonly outputs: number;
  /** [T, batch, inputs] */
  readonly x: Float64Array;
  /** [batch, outputs] */
  readonly y: Float64Array;
}

export interface SequenceBaseline {
  /** MSE of the best constant prediction. */
  readonly mse: number;
  /** The best constant prediction itself. */
  readonly prediction: number;
  /** Binary cross-entropy and accuracy of that prediction, for 0/1 targets. */
  readonly bce?: number;
  readonly accuracy?: number;
}

const taskRegistry = {
  adding: {
    label: "adding problem",
    inputs: 2,
    outputs: 1,
    minT: 2,
    baseline: { mse: 1 / 6, prediction: 1 },
    fill(rng: Rng, T: number, B: number, x: Float64Array, y: Float64Array): void {
      const half = Math.floor(T / 2);
      x.fill(0);
      for (let b = 0; b < B; b++) {
        for (let t = 0; t < T; t++) x[(t * B + b) * 2] = rng.next();
        const p1 = rng.int(half);
        const p2 = half + rng.int(T - half);
        x[(p1 * B + b) * 2 + 1] = 1;
        x[(p2 * B + b) * 2 + 1] = 1;
        y[b] = x[(p1 * B + b) * 2] + x[(p2 * B + b) * 2];
      }
    },
  },
  memory: {
    label: "long-lag memory",
    inputs: 2,
    outputs: 1,
    minT: 1,
    baseline: { mse: 1 / 4, prediction: 1 / 2, bce: Math.LN2, accuracy: 1 / 2 },
    fill(rng: Rng, T: number, B: number, x: Float64Array, y: Float64Array): void {
      x.fill(0);
      for (let b = 0; b < B; b++) {
        const bit = rng.next() < 0.5 ? 0 : 1;
        x[b * 2] = bit === 1 ? 1 : -1;
        for (let t = 1; t < T; t++) x[(t * B + b) * 2 + 1] = rng.uniform(-1, 1);
        y[b] = bit;
      }
    },
  },
} as const;

/** The one list of task names: union type, runtime check and error message come from it. */
export const SEQUENCE_TASK_NAMES = Object.keys(taskRegistry) as ReadonlyArray<keyof typeof taskRegistry>;
export type SequenceTaskName = keyof typeof taskRegistry;

export interface SequenceTaskInfo {
  readonly name: SequenceTaskName;
  readonly label: string;
  readonly inputs: number;
  readonly outputs: number;
  /** Smallest sequence length the task is defined for. */
  readonly minT: number;
  readonly baseline: SequenceBaseline;
}

export const SEQUENCE_TASKS: { readonly [K in SequenceTaskName]: SequenceTaskInfo } = Object.fromEntries(
  SEQUENCE_TASK_NAMES.map((name) => {
    const { label, inputs, outputs, minT, baseline } = taskRegistry[name];
    return [name, { name, label, inputs, outputs, minT, baseline }];
  }),
) as { readonly [K in SequenceTaskName]: SequenceTaskInfo };

export function isSequenceTaskName(x: unknown): x is SequenceTaskName {
  return typeof x === "string" && (SEQUENCE_TASK_NAMES as readonly string[]).includes(x);
}

/**
 * Draws `batch` sequences of length T. Pass `out` (a batch from an earlier call with the same
 * task, T and batch) to refill its buffers instead of allocating: a training loop then
 * allocates nothing per step.
 */
export function generateSequenceBatch(
  task: SequenceTaskName,
  rng: Rng,
  options: { T: number; batch: number },
  out?: SequenceBatch,
): SequenceBatch {
  if (!isSequenceTaskName(task)) {
    throw new RangeError(
      `sequences: task must be one of ${SEQUENCE_TASK_NAMES.join(", ")}, got ${String(task)}`,
    );
  }
  const def = taskRegistry[task];
  const { T, batch } = options;
  if (!Number.isInteger(T) || T < def.minT) {
    throw new RangeError(`sequences: T for the ${def.label} must be an integer >= ${def.minT}, got ${T}`);
  }
  if (!Number.isInteger(batch) || batch < 1) {
    throw new RangeError(`sequences: batch must be an integer >= 1, got ${batch}`);
  }
  const reuse = out !== undefined && out.task === task && out.T === T && out.batch === batch;
  const result: SequenceBatch = reuse
    ? out
    : {
        task,
        T,
        batch,
        inputs: def.inputs,
        outputs: def.outputs,
        x: new Float64Array(T * batch * def.inputs),
        y: new Float64Array(batch * def.outputs),
      };
  def.fill(rng, T, batch, result.x, result.y);
  return result;
}
