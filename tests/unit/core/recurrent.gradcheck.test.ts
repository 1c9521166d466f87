/**
 * Finite-difference checks of backpropagation through time, in float64 with central
 * differences. The plain two-point quotient (L(+h) - L(-h)) / 2h has truncation error O(h^2)
 * and round-off O(eps_machine L / h); no single h keeps both far below 1e-6 on every entry
 * here (gradients range from 1e-5 to 1). So we use the fourth-order central stencil
 *   L'(x) ~ [8 (L(x+h) - L(x-h)) - (L(x+2h) - L(x-2h))] / 12h,
 * Richardson's extrapolation of the two-point quotient, with error O(h^4) + O(eps L / h):
 * at h = 1e-3 both are ~1e-12.
 *
 * Every parameter entry of every cell is checked (the sizes are small), with a non-zero initial
 * state so that dL/dh_0 and dL/dc_0 are checked too, and for both readouts.
 *
 * The per-step hidden gradient norms are checked independently: the loss depends on h_t only
 * through the readout at t (if any) and the rest of the sequence, which is the same model run
 * on x_{t+1..T} from the initial state (h_t, c_t). So dL/dh_t is the finite-difference
 * gradient of  phi(h) = loss_t(W_o h + b_o) + L_suffix(h0 = h, c0 = c_t).
 */
import { describe, expect, it } from "vitest";
import { zeroGrads } from "../../../src/lib/params";
import { createRecurrent, type RecurrentModel, type RecurrentSpec } from "../../../src/lib/recurrent";
import { createRng } from "../../../src/lib/rng";

const EPS = 1e-3;
const TOL = 1e-6;
/** Relative error with a floor, so entries that are ~0 analytically are compared absolutely. */
const relErr = (a: number, n: number) => Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), 1e-6);

interface Problem {
  model: RecurrentModel;
  x: Float64Array;
  target: Float64Array;
  h0: Float64Array;
  c0: Float64Array;
  T: number;
  B: number;
}

function makeProblem(spec: RecurrentSpec, T: number, B: number, seed: number): Problem {
  const rng = createRng(seed);
  const model = createRecurrent(spec, rng.stream("init"));
  const data = rng.stream("data");
  const x = Float64Array.from({ length: T * B * spec.inputs }, () => data.normal(0, 1));
  const outLen = (spec.readout === "all" ? T : 1) * B * spec.outputs;
  const target = Float64Array.from({ length: outLen }, () => data.normal(0, 1));
  const h0 = Float64Array.from({ length: B * spec.hidden }, () => data.uniform(-0.5, 0.5));
  const c0 = Float64Array.from({ length: B * spec.hidden }, () => data.uniform(-0.5, 0.5));
  return { model, x, target, h0, c0, T, B };
}

/** L = 1/2 sum (y - target)^2, and dL/dy = y - target. */
function loss(p: Problem, h0 = p.h0, c0 = p.c0): number {
  const y = p.model.forward(p.x, p.T, p.B, { h0, c0 });
  let s = 0;
  for (let i = 0; i < y.length; i++) s += 0.5 * (y[i] - p.target[i]) ** 2;
  return s;
}

function analytic(p: Problem): void {
  zeroGrads(p.model.params);
  const y = p.model.forward(p.x, p.T, p.B, { h0: p.h0, c0: p.c0 });
  const dy = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) dy[i] = y[i] - p.target[i];
  p.model.backward(dy);
}

function numericDerivative(f: () => number, arr: Float64Array, i: number): number {
  const old = arr[i];
  const at = (d: number): number => {
    arr[i] = old + d;
    return f();
  };
  const near = at(EPS) - at(-EPS);
  const far = at(2 * EPS) - at(-2 * EPS);
  arr[i] = old;
  return (8 * near - far) / (12 * EPS);
}

/** Checks every parameter entry and the initial-state gradients; returns the worst error. */
function checkAll(p: Problem): number {
  analytic(p);
  const grads = p.model.params.map((q) => Float64Array.from(q.grad));
  const dh0 = Float64Array.from(p.model.initialStateGrad().h);
  const dc0Raw = p.model.initialStateGrad().c;
  const dc0 = dc0Raw ? Float64Array.from(dc0Raw) : null;
  let worst = 0;
  let nonZero = 0;
  p.model.params.forEach((q, qi) => {
    for (let i = 0; i < q.value.length; i++) {
      const n = numericDerivative(() => loss(p), q.value, i);
      const a = grads[qi][i];
      if (Math.abs(a) > 1e-8) nonZero++;
      worst = Math.max(worst, relErr(a, n));
    }
  });
  for (let i = 0; i < p.h0.length; i++) {
    worst = Math.max(
      worst,
      relErr(
        dh0[i],
        numericDerivative(() => loss(p), p.h0, i),
      ),
    );
  }
  if (dc0) {
    for (let i = 0; i < p.c0.length; i++) {
      worst = Math.max(
        worst,
        relErr(
          dc0[i],
          numericDerivative(() => loss(p), p.c0, i),
        ),
      );
    }
  }
  // A check that passes because every gradient is zero would prove nothing.
  expect(nonZero).toBeGreaterThan(p.model.params.reduce((s, q) => s + q.value.length, 0) / 2);
  return worst;
}

/**
 * Checks hiddenGradNorms[s] (the norm of dL/dh after step s, averaged over the batch) against
 * finite differences of phi(h) described above; returns the worst relative error over s.
 */
function checkHiddenNorms(p: Problem): number {
  const { model, T, B } = p;
  const H = model.spec.hidden;
  const I = model.spec.inputs;
  const O = model.spec.outputs;
  const all = model.spec.readout === "all";
  analytic(p);
  const norms = Float64Array.from(model.hiddenGradNorms);
  const hs = Float64Array.from(model.hiddenStates());
  const csRaw = model.cellStates();
  const cs = csRaw ? Float64Array.from(csRaw) : null;
  const W = model.params.find((q) => q.name === "readout.W")!.value;
  const bo = model.params.find((q) => q.name === "readout.b")!.value;
  let worst = 0;
  for (let s = 0; s < T; s++) {
    const h = hs.slice((s + 1) * B * H, (s + 2) * B * H);
    const c = cs ? cs.slice((s + 1) * B * H, (s + 2) * B * H) : undefined;
    const hasOutput = all || s === T - 1;
    const suffixT = T - 1 - s;
    const xs = p.x.slice((s + 1) * B * I);
    const phi = (): number => {
      let L = 0;
      if (hasOutput) {
        const row = all ? s : 0;
        for (let n = 0; n < B; n++) {
          for (let o = 0; o < O; o++) {
            let yv = bo[o];
            for (let k = 0; k < H; k++) yv += W[o * H + k] * h[n * H + k];
            L += 0.5 * (yv - p.target[(row * B + n) * O + o]) ** 2;
          }
        }
      }
      if (suffixT > 0) {
        const y = model.forward(xs, suffixT, B, { h0: h, c0: c });
        const tOff = all ? (s + 1) * B * O : 0;
        for (let i = 0; i < y.length; i++) L += 0.5 * (y[i] - p.target[tOff + i]) ** 2;
      }
      return L;
    };
    let meanNorm = 0;
    for (let n = 0; n < B; n++) {
      let sq = 0;
      for (let k = 0; k < H; k++) sq += numericDerivative(phi, h, n * H + k) ** 2;
      meanNorm += Math.sqrt(sq) / B;
    }
    worst = Math.max(worst, Math.abs(meanNorm - norms[s]) / Math.max(meanNorm, 1e-12));
  }
  return worst;
}

const base = { inputs: 3, hidden: 4, outputs: 2, init: { scale: 1.5 } } as const;
const cases: Array<[string, RecurrentSpec]> = [
  ["RNN tanh", { ...base, cell: "rnn", rnnActivation: "tanh" }],
  ["RNN sigmoid", { ...base, cell: "rnn", rnnActivation: "sigmoid", init: { scale: 4 } }],
  ["LSTM", { ...base, cell: "lstm", forgetBias: 1 }],
  ["GRU", { ...base, cell: "gru" }],
];

describe("BPTT gradients match central finite differences (float64, T = 6)", () => {
  for (const [label, spec] of cases) {
    for (const readout of ["last", "all"] as const) {
      it(`${label}, readout "${readout}": every weight, bias and initial state`, () => {
        const p = makeProblem({ ...spec, readout }, 6, 3, 11);
        expect(checkAll(p)).toBeLessThan(TOL);
      });
      it(`${label}, readout "${readout}": ||dL/dh_t|| at every step`, () => {
        const p = makeProblem({ ...spec, readout }, 6, 3, 12);
        expect(checkHiddenNorms(p)).toBeLessThan(TOL);
      });
    }
  }

  it("a gradient with a deliberate error is caught (the check can fail)", () => {
    const p = makeProblem({ ...base, cell: "lstm", readout: "last" }, 6, 3, 13);
    analytic(p);
    const q = p.model.params[1]; // lstm.Wh
    const a = q.grad[5] * 1.001;
    const n = numericDerivative(() => loss(p), q.value, 5);
    expect(relErr(a, n)).toBeGreaterThan(TOL);
  });
});
