/**
 * The MLP and its layers. A training step, with nothing allocated after the first call:
 *
 * ```ts
 * import { createRng } from "../rng";
 * import { createMlp } from "./mlp";            // or "src/lib/mlp"
 * import { computeLoss, accuracy, LOSSES } from "../losses";
 * import { createOptimiser } from "../optimisers";
 * import { clipGradients } from "../clip";
 *
 * const rng = createRng(42);
 * const mlp = createMlp(
 *   { inputs: 2, hidden: [8, 8, 8, 8], outputs: 1, activation: "sigmoid",
 *     norm: "none", residual: false, init: { scheme: "glorotUniform", bias: { kind: "zero" } } },
 *   rng.stream("init"),
 * );
 * const opt = createOptimiser({ name: "adam", lr: 1e-2 }, mlp.params);
 * const dLogits = new Float64Array(32 * 1);            // [batch, outputs], reused every step
 * const clip = { preNorm: 0, postNorm: 0 };            // reused every step
 *
 * // x: Float64Array [32, 2], t: Float64Array [32, 1] (targets have the logits' shape;
 * // one-hot rows for softmaxCrossEntropy)
 * mlp.zeroGrads();
 * const logits = mlp.forward(x, 32, "train");         // live buffer [32, 1]
 * const loss = computeLoss("bceWithLogits", logits, t, 32, 1, dLogits);
 * const acc = accuracy(logits, t, 32, 1, LOSSES.bceWithLogits.logitThreshold);
 * mlp.backward(dLogits);                              // grads accumulate into mlp.params[i].grad
 * clipGradients(mlp.params, { kind: "norm", threshold: 1 }, clip);
 * opt.step();                                         // opt.updateNorms[i] = ||Delta w|| per param
 *
 * // per-layer diagnostics, into one preallocated object (import from "../diagnostics"):
 * const diag = createMlpDiagnostics(mlp, { histograms: false });   // once
 * collectMlpDiagnostics(mlp, opt, diag);              // after each step
 * diag.layers[0].gradNormB, .updateRatio, .saturatedFraction, .deadFraction, ...
 * const reason = findNonFinite(loss, mlp.params);     // null, or why the run diverged
 * ```
 *
 * mlp.params lists W, b (absent under batch norm), gamma, beta per layer, layer 1 first;
 * mlp.layers[l] the plan (nIn, nOut, activation, norm, residual) and the same Params;
 * mlp.trace()[l] the last pass's z, pre-activation, activation, output and delta buffers.
 */
export type { ActivationName } from "../activations";
export { activateInto, activationBackward, slopeInto } from "./activation-kernels";
export { BN_EPS, BN_MOMENTUM } from "./batch-norm";
export {
  createDenseScratch,
  type DenseScratch,
  denseBackward,
  denseForward,
  gemmABt,
  transpose,
} from "./dense";
export { LN_EPS } from "./layer-norm";
export { createMlp, type LayerTrace, Mlp, type MlpLayer, type Mode } from "./mlp";
export { type LayerPlan, type MlpSpec, NORMS, type Norm, planLayers } from "./spec";
