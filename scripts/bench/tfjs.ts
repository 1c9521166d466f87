/**
 * The TensorFlow.js side of the benchmark: the same shapes as our core, built from tfjs ops
 * (the fastest path tfjs offers — no Layers-API overhead), one step = optimizer.minimize of
 * the loss (forward, backward through the tape, plain SGD update). Backends "cpu" (plain
 * JavaScript kernels) and "wasm" (XNNPACK compiled to WebAssembly, SIMD when available).
 *
 * In Node the wasm backend reads its .wasm binary from the filesystem: setWasmPaths is
 * given the package's dist directory as a path, so nothing is fetched from the network.
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import type { Rng } from "../../src/lib/rng.ts";
import { BENCH_LR, type BenchBatch, type BenchCase } from "./cases.ts";
import type { Timed } from "./timing.ts";

export const TFJS_BACKENDS = ["cpu", "wasm"] as const;
export type TfjsBackend = (typeof TFJS_BACKENDS)[number];

let wasmPathSet = false;

export async function selectBackend(name: TfjsBackend): Promise<void> {
  if (name === "wasm" && !wasmPathSet) {
    const require = createRequire(import.meta.url);
    setWasmPaths(`${dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"))}/`);
    wasmPathSet = true;
  }
  if (tf.getBackend() !== name) {
    const ok = await tf.setBackend(name);
    if (!ok) throw new Error(`tfjs: backend ${name} failed to initialise`);
  }
  await tf.ready();
}

/** A weight tensor U(-1/sqrt(fanIn), 1/sqrt(fanIn)) drawn from `rng`, as a trainable variable. */
function uniformVariable(rng: Rng, shape: [number, number], fanIn: number): tf.Variable {
  const k = 1 / Math.sqrt(fanIn);
  const values = new Float32Array(shape[0] * shape[1]);
  for (let i = 0; i < values.length; i++) values[i] = rng.uniform(-k, k);
  return tf.variable(tf.tensor2d(values, shape));
}

/** Builds a tfjs engine for a case on the given backend (selecting it first). */
export async function createTfjsEngine(
  backend: TfjsBackend,
  c: BenchCase,
  data: BenchBatch,
  rng: Rng,
): Promise<Timed & { dispose(): void; lossNow(): number }> {
  await selectBackend(backend);
  const opt = tf.train.sgd(BENCH_LR);
  const vars: tf.Variable[] = [];
  let lossFn: () => tf.Scalar;
  const keep: tf.Tensor[] = [];

  if (c.kind === "mlp") {
    const x = tf.tensor2d(Float32Array.from(data.x), [c.batch, c.inputs]);
    const y = tf.tensor2d(Float32Array.from(data.y), [c.batch, c.outputs]);
    keep.push(x, y);
    const widths = [c.inputs, ...c.hidden, c.outputs];
    const layers: Array<{ W: tf.Variable; b: tf.Variable }> = [];
    for (let l = 1; l < widths.length; l++) {
      const nIn = widths[l - 1] as number;
      const nOut = widths[l] as number;
      const W = uniformVariable(rng, [nIn, nOut], nIn);
      const b = tf.variable(tf.zeros([nOut]));
      layers.push({ W, b });
      vars.push(W, b);
    }
    lossFn = () => {
      let a: tf.Tensor2D = x;
      layers.forEach(({ W, b }, l) => {
        const z = tf.add(tf.matMul(a, W), b) as tf.Tensor2D;
        a = l < layers.length - 1 ? tf.sigmoid(z) : z;
      });
      return (
        c.loss === "mse" ? tf.losses.meanSquaredError(y, a) : tf.losses.softmaxCrossEntropy(y, a)
      ) as tf.Scalar;
    };
  } else {
    const H = c.hidden;
    // Time-major [T, B, I] -> T tensors [B, I], split once outside the timed step.
    const xs = tf.unstack(tf.tensor3d(Float32Array.from(data.x), [c.T, c.batch, c.inputs])) as tf.Tensor2D[];
    const y = tf.tensor2d(Float32Array.from(data.y), [c.batch, 1]);
    const forgetBias = tf.scalar(1);
    const c0 = tf.zeros([c.batch, H]) as tf.Tensor2D;
    keep.push(...xs, y, forgetBias, c0);
    const kernel = uniformVariable(rng, [c.inputs + H, 4 * H], H);
    const bias = tf.variable(tf.zeros([4 * H]));
    const Wout = uniformVariable(rng, [H, 1], H);
    const bout = tf.variable(tf.zeros([1]));
    vars.push(kernel, bias, Wout, bout);
    lossFn = () => {
      let cs: tf.Tensor2D = c0;
      let hs: tf.Tensor2D = c0;
      for (const xt of xs)
        [cs, hs] = tf.basicLSTMCell(forgetBias, kernel as tf.Tensor2D, bias as tf.Tensor1D, xt, cs, hs);
      return tf.losses.meanSquaredError(y, tf.add(tf.matMul(hs, Wout), bout)) as tf.Scalar;
    };
  }

  return {
    name: `tfjs-${backend}`,
    activate: () => selectBackend(backend),
    step() {
      // minimize(f, returnCost = false, varList) runs f on a gradient tape, backpropagates and
      // applies the SGD update; every intermediate tensor is disposed inside it.
      opt.minimize(lossFn, false, vars);
    },
    lossNow: () => tf.tidy(() => lossFn().dataSync()[0] as number),
    dispose() {
      opt.dispose();
      for (const v of vars) v.dispose();
      for (const t of keep) t.dispose();
    },
  };
}
