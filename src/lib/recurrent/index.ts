/**
 * Recurrent networks — vanilla RNN, LSTM and GRU — with full backpropagation through time
 * and the per-step hidden-state gradient norms that chapter 5 plots.
 *
 * Shapes (time-major, row-major; see ./cell.ts):
 *   x  [T, B, inputs]              x[(t * B + b) * inputs + i]
 *   y  [B, outputs]     readout "last" (from h_T)
 *      [T, B, outputs]  readout "all"  (from every h_t)
 *
 * Usage — one training step of an LSTM on the adding problem, MSE on the last output
 * (import paths as seen from a module in src/lib):
 *
 *   import { generateSequenceBatch } from "./data/sequences";
 *   import { createOptimiser } from "./optimisers";
 *   import { zeroGrads } from "./params";
 *   import { createRecurrent } from "./recurrent";
 *   import { createRng } from "./rng";
 *
 *   const rng = createRng(42);
 *   const model = createRecurrent(
 *     { cell: "lstm", inputs: 2, hidden: 32, outputs: 1, forgetBias: 1, readout: "last" },
 *     rng.stream("init"),
 *   );
 *   const opt = createOptimiser({ name: "adam", lr: 0.01 }, model.params);
 *   const batch = generateSequenceBatch("adding", rng.stream("data"), { T: 50, batch: 16 });
 *   zeroGrads(model.params);
 *   const y = model.forward(batch.x, batch.T, batch.batch);      // [16, 1]
 *   const dy = new Float64Array(y.length);
 *   for (let i = 0; i < y.length; i++) dy[i] = (2 * (y[i] - batch.y[i])) / y.length;  // d MSE
 *   model.backward(dy);                                            // grads in model.params[*].grad
 *   opt.step();
 *   model.hiddenGradNorms;   // Float64Array(50): mean over the batch of ||dL/dh_t||, t = 1..T
 *   model.cellGradNorms;       // LSTM: the same for ||dL/dc_t|| (the cell-state path)
 *   model.recurrentSigmaMax(); // sigma_max(W_h), for the Pascanu et al. condition
 *
 * For a widget or figure that only needs the norms at initialisation, `gradientProfile(spec,
 * { task, T, batch, seed })` (./profile.ts) does all of the above in one call.
 *
 * Buffers are allocated once per (T, batch) and reused: `forward` returns a view that the
 * next `forward` overwrites, and nothing is allocated per step while shapes stay fixed.
 * Parameters: params[0..] belong to the cell (layer 1: Wx, Wh, b, and bhn for the GRU), the
 * last two to the readout (layer 2: readout.W [outputs, hidden], readout.b).
 */
export {
  CELL_LABELS,
  CELL_NAMES,
  type CellName,
  createRecurrent,
  type InitialState,
  isCellName,
  READOUT_NAMES,
  type ReadoutName,
  type RecurrentInit,
  type RecurrentModel,
  type RecurrentSpec,
  RNN_ACTIVATION_NAMES,
  type RnnActivationName,
} from "./model";
export { type GradientProfile, gradientProfile, type ProfileOptions } from "./profile";
export { largestSingularValue, rescaleToSingularValue } from "./spectral";
