/**
 * createRecurrent: a recurrent cell (registry below) plus a dense readout, with full BPTT and
 * the per-step gradient norms. See ./index.ts for shapes and a usage example.
 */
import { ACTIVATIONS } from "../activations";
import type { Param } from "../params";
import type { Rng } from "../rng";
import type { CellCore, CellShape } from "./cell";
import { createGruCell } from "./gru";
import { initReadout, initRecurrentWeights, type RecurrentInit } from "./init";
import { createLstmCell } from "./lstm";
import { createReadout, READOUT_NAMES, type ReadoutName } from "./readout";
import { createRnnCell } from "./rnn";
import { largestSingularValue } from "./spectral";

export type { RecurrentInit } from "./init";
export { READOUT_NAMES, type ReadoutName } from "./readout";

/** Activations allowed for the vanilla RNN's hidden state (gamma = max |f'|: 1 and 1/4). */
export const RNN_ACTIVATION_NAMES = ["tanh", "sigmoid"] as const;
export type RnnActivationName = (typeof RNN_ACTIVATION_NAMES)[number];

export interface RecurrentSpec {
  readonly cell: CellName;
  readonly inputs: number;
  readonly hidden: number;
  readonly outputs: number;
  /** Vanilla RNN only. Default "tanh". */
  readonly rnnActivation?: RnnActivationName;
  /** LSTM only: initial bias of the forget gate. Default 1. */
  readonly forgetBias?: number;
  readonly init?: RecurrentInit;
  /** Default "last". */
  readonly readout?: ReadoutName;
}

const cellRegistry = {
  rnn: {
    label: "vanilla RNN",
    create: (shape: CellShape, spec: RecurrentSpec) =>
      createRnnCell(shape, ACTIVATIONS[spec.rnnActivation ?? "tanh"]),
  },
  lstm: {
    label: "LSTM",
    create: (shape: CellShape) => createLstmCell(shape),
  },
  gru: {
    label: "GRU",
    create: (shape: CellShape) => createGruCell(shape),
  },
} as const;

/** The one list of cell names: union type, runtime check and error message come from it. */
export const CELL_NAMES = Object.keys(cellRegistry) as ReadonlyArray<keyof typeof cellRegistry>;
export type CellName = keyof typeof cellRegistry;
export const CELL_LABELS: { readonly [K in CellName]: string } = {
  rnn: cellRegistry.rnn.label,
  lstm: cellRegistry.lstm.label,
  gru: cellRegistry.gru.label,
};

export function isCellName(x: unknown): x is CellName {
  return typeof x === "string" && (CELL_NAMES as readonly string[]).includes(x);
}

export interface RecurrentModel {
  readonly spec: RecurrentSpec;
  /** Cell parameters (layer 1) followed by the readout's (layer 2). */
  readonly params: Param[];
  /**
   * Runs the sequence x [T, batch, inputs]; returns the readout (a reused buffer).
   * `state.h0` / `state.c0` ([batch, hidden]) set the initial state; default zeros.
   */
  forward(x: Float64Array, T: number, batch: number, state?: InitialState): Float64Array;
  /** Full BPTT from dL/dy (y's shape); accumulates into every Param.grad. */
  backward(dOut: Float64Array): void;
  /** After backward: [T] mean over the batch of ||dL/dh_t||, t = 1..T (index t - 1). */
  readonly hiddenGradNorms: Float64Array;
  /** After backward, LSTM only: [T] mean over the batch of ||dL/dc_t||; null for RNN and GRU. */
  readonly cellGradNorms: Float64Array | null;
  /** Hidden states [T + 1, batch, hidden] of the last forward (index 0 is h_0). */
  hiddenStates(): Float64Array;
  /** Cell states [T + 1, batch, hidden] of the last forward (LSTM only; null for RNN and GRU). */
  cellStates(): Float64Array | null;
  /** After backward: dL/dh_0 (and dL/dc_0 for the LSTM), [batch, hidden]. */
  initialStateGrad(): { h: Float64Array; c: Float64Array | null };
  /** sigma_max of the whole recurrent matrix W_h [gates * H, H]. */
  recurrentSigmaMax(): number;
  /** sigma_max of each gate's H x H block of W_h (one entry for the vanilla RNN). */
  gateSigmaMax(): number[];
}

export interface InitialState {
  readonly h0?: Float64Array;
  readonly c0?: Float64Array;
}

function checkPositiveInt(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1)
    throw new RangeError(`recurrent: ${name} must be an integer >= 1, got ${v}`);
}

export function createRecurrent(spec: RecurrentSpec, rng: Rng): RecurrentModel {
  if (!isCellName(spec.cell)) {
    throw new RangeError(`recurrent: cell must be one of ${CELL_NAMES.join(", ")}, got ${String(spec.cell)}`);
  }
  checkPositiveInt("inputs", spec.inputs);
  checkPositiveInt("hidden", spec.hidden);
  checkPositiveInt("outputs", spec.outputs);
  const readoutName = spec.readout ?? "last";
  if (!(READOUT_NAMES as readonly string[]).includes(readoutName)) {
    throw new RangeError(`recurrent: readout must be one of ${READOUT_NAMES.join(", ")}, got ${readoutName}`);
  }
  const act = spec.rnnActivation ?? "tanh";
  if (!(RNN_ACTIVATION_NAMES as readonly string[]).includes(act)) {
    throw new RangeError(
      `recurrent: rnnActivation must be one of ${RNN_ACTIVATION_NAMES.join(", ")}, got ${act}`,
    );
  }
  const H = spec.hidden;
  const cell: CellCore = cellRegistry[spec.cell].create({ inputs: spec.inputs, hidden: H }, spec);
  const readout = createReadout(readoutName, H, spec.outputs, 2);

  const [wx, wh, bias] = cell.params as [Param, Param, Param];
  initRecurrentWeights(rng, wx, wh, cell.gates, H, spec.init ?? {});
  // LSTM gate order is i, f, g, o: the forget gate's biases are rows [H, 2H).
  if (spec.cell === "lstm") bias.value.fill(spec.forgetBias ?? 1, H, 2 * H);
  initReadout(rng, readout.params[0] as Param, H, spec.outputs);

  let T = 0;
  let B = 0;
  let dHs = new Float64Array(0);
  let hiddenNorms = new Float64Array(0);
  let cellNorms = new Float64Array(0);
  let outLength = 0;

  return {
    spec,
    params: [...cell.params, ...readout.params],
    forward(x, t, batch, state) {
      checkPositiveInt("T", t);
      checkPositiveInt("batch", batch);
      if (x.length < t * batch * spec.inputs) {
        throw new RangeError(
          `recurrent: x has ${x.length} values, need T * batch * inputs = ${t * batch * spec.inputs}`,
        );
      }
      for (const [name, s] of [
        ["h0", state?.h0],
        ["c0", state?.c0],
      ] as const) {
        if (s && s.length < batch * H) {
          throw new RangeError(
            `recurrent: state.${name} has ${s.length} values, need batch * hidden = ${batch * H}`,
          );
        }
      }
      if (t !== T || batch !== B) {
        T = t;
        B = batch;
        dHs = new Float64Array(T * B * H);
        hiddenNorms = new Float64Array(T);
        cellNorms = new Float64Array(T);
      }
      cell.forward(x, T, B, state?.h0, state?.c0);
      const y = readout.forward(cell.hiddenStates(), T, B);
      outLength = y.length;
      return y;
    },
    backward(dOut) {
      if (T === 0) throw new Error("recurrent: backward called before forward");
      if (dOut.length < outLength) {
        throw new RangeError(`recurrent: dOut has ${dOut.length} values, the output has ${outLength}`);
      }
      readout.backward(dOut, cell.hiddenStates(), dHs);
      cell.backward(dHs, hiddenNorms, cellNorms);
    },
    get hiddenGradNorms() {
      return hiddenNorms;
    },
    get cellGradNorms() {
      return spec.cell === "lstm" ? cellNorms : null;
    },
    hiddenStates: () => cell.hiddenStates(),
    cellStates: () => cell.cellStates(),
    initialStateGrad: () => ({ h: cell.initialHiddenGrad(), c: cell.initialCellGrad() }),
    recurrentSigmaMax: () => largestSingularValue(wh.value, cell.gates * H, H),
    gateSigmaMax: () =>
      Array.from({ length: cell.gates }, (_, g) =>
        largestSingularValue(wh.value, H, H, { offset: g * H * H }),
      ),
  };
}
