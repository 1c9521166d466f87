/**
 * One sigmoid neuron learning one example: the smallest setting in which the chain rule,
 * the update rule and saturation can all be seen with actual numbers.
 *
 *   z = w x + b,   a = sigma(z),   L = loss(a, y)
 *
 * The chain rule splits the gradient into factors the reader can watch:
 *
 *   dL/dw = dL/da * sigma'(z) * x        dL/db = dL/da * sigma'(z) * 1
 *
 * and gradient descent moves each parameter against the gradient of the LOSS:
 *
 *   w <- w - eta dL/dw,   b <- b - eta dL/db.
 *
 * (Not "the derivative of the old weight": the weight is a number, the slope that matters is
 * the loss's slope with respect to it.)
 */

import { sigmoid, sigmoidPrime } from "./activations";
import { exp, log1p } from "./portable-math";

/**
 * Losses for one output a in (0, 1) against a target y in [0, 1], each with dL/da beside it.
 *
 * `fromZ` evaluates the loss from the pre-activation z, which matters for cross-entropy:
 * ln(a) = -softplus(-z) and ln(1 - a) = -softplus(z) stay finite even when a rounds to 0 or 1.
 * `dz` is dL/dz, the product dL/da * sigma'(z); for cross-entropy it simplifies to a - y
 * exactly, which also avoids evaluating (huge) * (tiny) when the neuron saturates.
 */
const lossRegistry = {
  squared: {
    label: "squared error",
    /** L = (a - y)^2 / 2 */
    fromZ: (z: number, y: number) => {
      const d = sigmoid(z) - y;
      return 0.5 * d * d;
    },
    /** dL/da = a - y */
    da: (a: number, y: number) => a - y,
    /** dL/dz = (a - y) sigma'(z): the factor sigma'(z) survives and can be tiny. */
    dz: (z: number, y: number) => (sigmoid(z) - y) * sigmoidPrime(z),
  },
  crossEntropy: {
    label: "cross-entropy",
    /** L = -[y ln a + (1 - y) ln(1 - a)] = y softplus(-z) + (1 - y) softplus(z) */
    fromZ: (z: number, y: number) => y * softplus(-z) + (1 - y) * softplus(z),
    /** dL/da = (a - y) / (a (1 - a)): the denominator is sigma'(z), which is what cancels. */
    da: (a: number, y: number) => (a - y) / (a * (1 - a)),
    /** dL/dz = a - y: sigma'(z) has cancelled, so a large error gives a large gradient. */
    dz: (z: number, y: number) => sigmoid(z) - y,
  },
} as const;

export type LossName = keyof typeof lossRegistry;
export const LOSS_NAMES = Object.keys(lossRegistry) as ReadonlyArray<LossName>;
export const LOSSES: { readonly [K in LossName]: (typeof lossRegistry)[K] } = lossRegistry;

export function isLossName(x: unknown): x is LossName {
  return typeof x === "string" && (LOSS_NAMES as readonly string[]).includes(x);
}

/** softplus(x) = ln(1 + e^x), without overflow for large x or loss of precision for very negative x. */
export function softplus(x: number): number {
  return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x));
}

/** What the neuron is trained on: one input, one target, a step size and a loss. */
export interface NeuronTask {
  readonly x: number;
  readonly target: number;
  readonly eta: number;
  readonly loss: LossName;
}

export interface NeuronParams {
  readonly w: number;
  readonly b: number;
}

/** Every quantity of one gradient step, in the order the chain rule multiplies them. */
export interface NeuronStep {
  readonly w: number;
  readonly b: number;
  readonly z: number;
  readonly a: number;
  readonly loss: number;
  /** dL/da */
  readonly dLda: number;
  /** sigma'(z) = a (1 - a) */
  readonly sigmaPrime: number;
  /** dz/dw = x */
  readonly dzdw: number;
  /** dL/dz = dL/da * sigma'(z) */
  readonly dLdz: number;
  /** dL/dw = dL/da * sigma'(z) * x */
  readonly dLdw: number;
  /** dL/db = dL/da * sigma'(z) */
  readonly dLdb: number;
  readonly wNext: number;
  readonly bNext: number;
}

/** Forward pass: z and a. */
export function forward(p: NeuronParams, x: number): { z: number; a: number } {
  const z = p.w * x + p.b;
  return { z, a: sigmoid(z) };
}

/** The loss at (w, b) for this task, stable for any z. */
export function lossAt(p: NeuronParams, task: Pick<NeuronTask, "x" | "target" | "loss">): number {
  return LOSSES[task.loss].fromZ(p.w * task.x + p.b, task.target);
}

/** One step of gradient descent, with every chain-rule factor recorded. */
export function neuronStep(p: NeuronParams, task: NeuronTask): NeuronStep {
  const loss = LOSSES[task.loss];
  const { z, a } = forward(p, task.x);
  const dLdz = loss.dz(z, task.target);
  const dLdw = dLdz * task.x;
  const dLdb = dLdz;
  return {
    w: p.w,
    b: p.b,
    z,
    a,
    loss: loss.fromZ(z, task.target),
    dLda: loss.da(a, task.target),
    sigmaPrime: sigmoidPrime(z),
    dzdw: task.x,
    dLdz,
    dLdw,
    dLdb,
    wNext: p.w - task.eta * dLdw,
    bNext: p.b - task.eta * dLdb,
  };
}

/** `steps` consecutive updates from `start`: the trajectory the stepper plays. */
export function trainNeuron(start: NeuronParams, task: NeuronTask, steps: number): NeuronStep[] {
  const out: NeuronStep[] = [];
  let p: NeuronParams = start;
  for (let i = 0; i < steps; i++) {
    const s = neuronStep(p, task);
    out.push(s);
    p = { w: s.wNext, b: s.bNext };
  }
  return out;
}

/** Number of steps until the loss first drops below `threshold`, or null within `maxSteps`. */
export function stepsToReach(
  start: NeuronParams,
  task: NeuronTask,
  threshold: number,
  maxSteps: number,
): number | null {
  let p: NeuronParams = start;
  for (let i = 0; i <= maxSteps; i++) {
    if (lossAt(p, task) < threshold) return i;
    const s = neuronStep(p, task);
    p = { w: s.wNext, b: s.bNext };
  }
  return null;
}

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** The loss sampled on an n_w x n_b grid over (w, b), row-major by b then w: loss[j * nw + i] at (w_i, b_j). */
export interface LossGrid {
  readonly w: Float64Array;
  readonly b: Float64Array;
  readonly loss: Float64Array;
}

/** Evenly spaced samples of the range, both ends included. */
function linspace(r: Range, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = n === 1 ? r.min : r.min + ((r.max - r.min) * i) / (n - 1);
  return out;
}

/** The loss surface over (w, b) for one task: the landscape the descent path walks on. */
export function lossGrid(
  task: Pick<NeuronTask, "x" | "target" | "loss">,
  wr: Range,
  br: Range,
  nw: number,
  nb: number,
): LossGrid {
  if (!(nw >= 1 && nb >= 1)) throw new RangeError("lossGrid needs at least one sample per axis");
  const w = linspace(wr, nw);
  const b = linspace(br, nb);
  const loss = new Float64Array(nw * nb);
  for (let j = 0; j < nb; j++) {
    for (let i = 0; i < nw; i++) loss[j * nw + i] = lossAt({ w: w[i] as number, b: b[j] as number }, task);
  }
  return { w, b, loss };
}
