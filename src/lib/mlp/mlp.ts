/**
 * The multilayer perceptron: a stack of hidden layers and a linear output layer, batched on
 * flat Float64Arrays. Hidden layer l (1..H) computes, for the batch at once,
 *
 *   z^l   = a^{l-1} (W^l)^T + b^l                  dense            [B, n_l]
 *   p^l   = norm(z^l)  (or p^l = z^l)              batch/layer norm
 *   h^l   = f_l(p^l)                               activation
 *   a^l   = h^l  (or a^{l-1} + h^l if residual)    skip connection y = x + F(x)
 *
 * and the output layer L = H + 1 gives the logits z^L = a^H (W^L)^T + b^L. With batch norm
 * the dense bias is dropped (batch norm's beta replaces it; a bias before it would get an
 * identically zero gradient).
 *
 * Backward runs the chain rule in the other direction. delta^l = dL/dz^l is kept per layer
 * (it is the quantity of the vanishing-gradient argument: delta^l = ((W^{l+1})^T delta^{l+1})
 * ⊙ f'(z^l) without normalisation), and so are p^l and h^l for the diagnostics.
 *
 * Buffers are allocated once per batch size (a Workspace) and reused: a training step does
 * not allocate. The logits returned by forward() are the workspace's own buffer, valid until
 * the next forward() with the same batch size.
 */

import { type InitSpec, initDense } from "../inits";
import { createParam, type Param, zeroGrads } from "../params";
import type { Rng } from "../rng";
import { activateInto, activationBackward } from "./activation-kernels";
import {
  type BatchNormCache,
  type BatchNormState,
  batchNormBackward,
  batchNormForward,
  createBatchNormCache,
  createBatchNormState,
} from "./batch-norm";
import { createDenseScratch, type DenseScratch, denseBackward, denseForward } from "./dense";
import { createLayerNormCache, type LayerNormCache, layerNormBackward, layerNormForward } from "./layer-norm";
import { type LayerPlan, type MlpSpec, planLayers } from "./spec";

export type Mode = "train" | "eval";

/** A layer's parameters. `b` is null under batch norm; gamma/beta are null without norm. */
export interface MlpLayer extends LayerPlan {
  readonly W: Param;
  readonly b: Param | null;
  readonly gamma: Param | null;
  readonly beta: Param | null;
  /** Running statistics, batch norm only. */
  readonly bn: BatchNormState | null;
}

/**
 * What the last forward/backward left behind for layer l, each [B, n_l] row-major. For the
 * output layer pre = act = out = z (the logits). Buffers are live: read them, do not keep them.
 */
export interface LayerTrace {
  /** Dense output z^l = a^{l-1} W^T + b. */
  readonly z: Float64Array;
  /** Activation input p^l (after normalisation; the same buffer as z without one). */
  readonly pre: Float64Array;
  /** Activation output h^l = f(p^l). */
  readonly act: Float64Array;
  /** Layer output a^l (h^l, plus the skip input when residual). */
  readonly out: Float64Array;
  /** delta^l = dL/dz^l after backward(). */
  readonly delta: Float64Array;
}

class Workspace {
  readonly z: Float64Array[] = [];
  readonly pre: Float64Array[] = [];
  readonly act: Float64Array[] = [];
  readonly out: Float64Array[] = [];
  readonly dOut: Float64Array[] = [];
  readonly dPre: Float64Array[] = [];
  readonly delta: Float64Array[] = [];
  readonly bn: (BatchNormCache | null)[] = [];
  readonly ln: (LayerNormCache | null)[] = [];
  readonly dense: DenseScratch[] = [];
  readonly traces: LayerTrace[] = [];

  constructor(
    readonly batch: number,
    layers: readonly MlpLayer[],
  ) {
    for (const L of layers) {
      const size = batch * L.nOut;
      const hidden = L.activation !== null;
      const z = new Float64Array(size);
      const pre = L.norm === "none" ? z : new Float64Array(size);
      const act = !hidden || L.activation === "linear" ? pre : new Float64Array(size);
      const out = L.residual ? new Float64Array(size) : act;
      const dOut = new Float64Array(size);
      const dPre = hidden ? new Float64Array(size) : dOut;
      const delta = L.norm === "none" ? dPre : new Float64Array(size);
      this.z.push(z);
      this.pre.push(pre);
      this.act.push(act);
      this.out.push(out);
      this.dOut.push(dOut);
      this.dPre.push(dPre);
      this.delta.push(delta);
      this.bn.push(L.norm === "batch" ? createBatchNormCache(batch, L.nOut) : null);
      this.ln.push(L.norm === "layer" ? createLayerNormCache(batch, L.nOut) : null);
      this.dense.push(createDenseScratch(batch, L.nIn, L.nOut));
      this.traces.push({ z, pre, act, out, delta });
    }
  }
}

export class Mlp {
  readonly spec: MlpSpec;
  readonly init: InitSpec;
  readonly layers: readonly MlpLayer[];
  /** All parameters, layer by layer (W, b, gamma, beta), for optimisers and diagnostics. */
  readonly params: readonly Param[];
  readonly inputs: number;
  readonly outputs: number;
  private readonly workspaces = new Map<number, Workspace>();
  private ws: Workspace | null = null;
  private lastInput: Float64Array | null = null;

  constructor(spec: MlpSpec, rng: Rng) {
    const { plan, init } = planLayers(spec);
    this.spec = spec;
    this.init = init;
    this.inputs = spec.inputs;
    this.outputs = spec.outputs;
    const params: Param[] = [];
    this.layers = plan.map((p) => {
      const W = createParam(`layer${p.layer}.W`, p.layer, "W", [p.nOut, p.nIn]);
      const b = p.norm === "batch" ? null : createParam(`layer${p.layer}.b`, p.layer, "b", [p.nOut]);
      const gamma =
        p.norm === "none" ? null : createParam(`layer${p.layer}.gamma`, p.layer, "gamma", [p.nOut]);
      const beta = p.norm === "none" ? null : createParam(`layer${p.layer}.beta`, p.layer, "beta", [p.nOut]);
      initDense(W, b, init, rng);
      gamma?.value.fill(1);
      for (const q of [W, b, gamma, beta]) if (q) params.push(q);
      return { ...p, W, b, gamma, beta, bn: p.norm === "batch" ? createBatchNormState(p.nOut) : null };
    });
    this.params = params;
  }

  /** The workspace for a batch size, created on first use and then reused. */
  private workspace(batch: number): Workspace {
    let w = this.workspaces.get(batch);
    if (!w) {
      w = new Workspace(batch, this.layers);
      this.workspaces.set(batch, w);
    }
    return w;
  }

  /**
   * Run the batch x [batch, inputs] through the network and return the logits
   * [batch, outputs] (a live buffer). "train" uses batch statistics in batch norm and
   * updates its running averages; "eval" uses the running averages. Keep x unchanged until
   * backward() has run: backward reads it.
   */
  forward(x: Float64Array, batch: number, mode: Mode = "train"): Float64Array {
    if (!Number.isInteger(batch) || batch < 1)
      throw new RangeError(`batch must be a positive integer, got ${batch}`);
    if (x.length < batch * this.inputs) {
      throw new RangeError(`input has ${x.length} values, batch ${batch} x ${this.inputs} inputs needs more`);
    }
    const ws = this.workspace(batch);
    this.ws = ws;
    this.lastInput = x;
    const train = mode === "train";
    let input = x;
    const layers = this.layers;
    for (let l = 0; l < layers.length; l++) {
      const L = layers[l]!;
      const z = ws.z[l]!;
      denseForward(input, L.W.value, L.b ? L.b.value : null, z, batch, L.nIn, L.nOut);
      if (L.activation === null) break;
      const n = batch * L.nOut;
      const pre = ws.pre[l]!;
      if (L.norm === "batch")
        batchNormForward(L.bn!, ws.bn[l]!, z, L.gamma!.value, L.beta!.value, pre, batch, train);
      else if (L.norm === "layer") layerNormForward(ws.ln[l]!, z, L.gamma!.value, L.beta!.value, pre, batch);
      const act = ws.act[l]!;
      activateInto(L.activation, pre, act, n);
      const out = ws.out[l]!;
      if (L.residual) for (let i = 0; i < n; i++) out[i] = input[i]! + act[i]!;
      input = out;
    }
    return ws.z[layers.length - 1]!;
  }

  /**
   * Backpropagate dL/dlogits [batch, outputs] from the last forward(), ADDING each
   * parameter's gradient into its grad buffer (call zeroGrads() first for a fresh step).
   * If dInput [batch, inputs] is given it receives dL/dx.
   */
  backward(dLogits: Float64Array, dInput: Float64Array | null = null): void {
    const ws = this.ws;
    const x = this.lastInput;
    if (!ws || !x) throw new Error("backward() needs a forward() first");
    const batch = ws.batch;
    const layers = this.layers;
    const last = layers.length - 1;
    const dTop = ws.delta[last]!;
    if (dLogits !== dTop) for (let i = 0; i < dTop.length; i++) dTop[i] = dLogits[i]!; // no subarray view: no allocation
    for (let l = last; l >= 0; l--) {
      const L = layers[l]!;
      const n = batch * L.nOut;
      const delta = ws.delta[l]!;
      if (L.activation !== null) {
        const dOut = ws.dOut[l]!;
        const dPre = ws.dPre[l]!;
        activationBackward(L.activation, ws.pre[l]!, ws.act[l]!, dOut, dPre, n);
        if (L.norm === "batch") {
          batchNormBackward(
            L.bn!,
            ws.bn[l]!,
            dPre,
            L.gamma!.value,
            L.gamma!.grad,
            L.beta!.grad,
            delta,
            batch,
          );
        } else if (L.norm === "layer") {
          layerNormBackward(ws.ln[l]!, dPre, L.gamma!.value, L.gamma!.grad, L.beta!.grad, delta, batch);
        }
      }
      const input = l === 0 ? x : ws.out[l - 1]!;
      const dIn = l === 0 ? dInput : ws.dOut[l - 1]!;
      denseBackward(
        delta,
        input,
        L.W.value,
        L.W.grad,
        L.b ? L.b.grad : null,
        dIn,
        batch,
        L.nIn,
        L.nOut,
        ws.dense[l]!,
      );
      if (L.residual && dIn) {
        // a^l = a^{l-1} + h^l, so dL/da^{l-1} gets dL/da^l straight through the skip.
        const dOut = ws.dOut[l]!;
        for (let i = 0; i < n; i++) dIn[i] = dIn[i]! + dOut[i]!;
      }
    }
  }

  zeroGrads(): void {
    zeroGrads(this.params);
  }

  /** Batch size of the last forward(), or 0 before the first. */
  get lastBatch(): number {
    return this.ws ? this.ws.batch : 0;
  }

  /** Per-layer buffers of the last forward/backward (index 0 is layer 1; the last is the output layer). */
  trace(): readonly LayerTrace[] {
    if (!this.ws) throw new Error("trace() needs a forward() first");
    return this.ws.traces;
  }
}

/** Build an MLP, drawing its initial weights from `rng` (pass a dedicated stream, e.g. rng.stream("init")). */
export function createMlp(spec: MlpSpec, rng: Rng): Mlp {
  return new Mlp(spec, rng);
}
