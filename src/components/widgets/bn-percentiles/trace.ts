/**
 * The input of a last-hidden-layer sigmoid over training, as its 15th, 50th and 85th
 * percentiles over the held-out points (Ioffe & Szegedy 2015, figure 1(b, c)), for every unit
 * of that layer. Computed by the core at build time for the two runs of the batch-norm
 * comparison (same seed: same data, initial draw and batches).
 *
 * "Input of the sigmoid" is what the activation receives: z = W a + b without batch norm,
 * y = γ ẑ + β with it. A twin MLP (same config, parameters copied from the run) is pushed
 * the held-out inputs every `every` steps and its last hidden layer's trace is read — the
 * same technique as the training widgets' layer probe. With batch norm the twin normalises
 * with the held-out batch's own statistics (train mode; the twin has no running averages).
 */
import type { ExperimentConfig, MlpModelConfig } from "../../../lib/config";
import { createMlp } from "../../../lib/mlp/mlp";
import { percentiles } from "../../../lib/percentiles";
import { createRng } from "../../../lib/rng";
import { createRun, outputWidth } from "../../../lib/run";

export const PERCENTILES = [15, 50, 85] as const;

export interface PercentileTrace {
  /** The steps at which the percentiles were taken (0 = before training). */
  readonly steps: number[];
  /** units[u][k] = [p15, p50, p85] of unit u + 1 at steps[k], rounded to 4 significant digits. */
  readonly units: [number, number, number][][];
}

const round4 = (x: number) => Number(x.toPrecision(4));

export function sigmoidInputTrace(config: ExperimentConfig, every: number): PercentileTrace {
  if (config.model.kind !== "mlp") throw new Error("sigmoidInputTrace needs an MLP config");
  const m: MlpModelConfig = config.model;
  const run = createRun(config);
  if (!run.data) throw new Error("sigmoidInputTrace needs a 2-D or MNIST data set");
  const test = run.data.test;
  const twin = createMlp(
    {
      inputs: test.inputDim,
      hidden: m.widths ?? new Array<number>(m.depth).fill(m.width),
      outputs: outputWidth(config.loss, test.numClasses),
      activation: m.activation,
      norm: m.norm,
      residual: m.residual,
    },
    createRng(0).stream("twin"),
  );
  const last = m.depth - 1;
  const width = (m.widths ?? [])[last] ?? m.width;
  const steps: number[] = [];
  const units: [number, number, number][][] = Array.from({ length: width }, () => []);
  const column = new Float64Array(test.n);
  const record = () => {
    for (let i = 0; i < run.params.length; i++) twin.params[i]!.value.set(run.params[i]!.value);
    twin.forward(test.inputs, test.n, "train");
    const pre = twin.trace()[last]!.pre;
    for (let u = 0; u < width; u++) {
      for (let b = 0; b < test.n; b++) column[b] = pre[b * width + u] as number;
      const [a, c, d] = percentiles(column, PERCENTILES);
      units[u]!.push([round4(a!), round4(c!), round4(d!)]);
    }
    steps.push(run.stepsDone);
  };
  record();
  while (!run.done) {
    run.step(every);
    record();
  }
  return { steps, units };
}
