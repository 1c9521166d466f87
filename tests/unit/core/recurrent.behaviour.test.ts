/**
 * Behaviour of the recurrent core beyond gradient correctness: determinism, buffer reuse,
 * input validation, the singular-value diagnostic, and the vanishing-gradient picture of
 * chapter 5 — measured, and checked against the Pascanu et al. (2013) bound.
 */
import { describe, expect, it } from "vitest";
import { generateSequenceBatch } from "../../../src/lib/data/sequences";
import { zeroGrads } from "../../../src/lib/params";
import {
  CELL_NAMES,
  createRecurrent,
  gradientProfile,
  largestSingularValue,
  type RecurrentModel,
  type RecurrentSpec,
  rescaleToSingularValue,
} from "../../../src/lib/recurrent";
import { createRng } from "../../../src/lib/rng";

/** One forward + backward with MSE on the adding problem; returns the outputs (copied). */
function step(model: RecurrentModel, seed: number, T: number, B: number): Float64Array {
  const batch = generateSequenceBatch("adding", createRng(seed).stream("data"), { T, batch: B });
  zeroGrads(model.params);
  const y = model.forward(batch.x, T, B);
  const dy = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) dy[i] = (2 * (y[i] - batch.y[i])) / y.length;
  model.backward(dy);
  return Float64Array.from(y);
}

const spec = (cell: RecurrentSpec["cell"]): RecurrentSpec => ({ cell, inputs: 2, hidden: 8, outputs: 1 });

describe("determinism", () => {
  for (const cell of CELL_NAMES) {
    it(`${cell}: the same seed gives bit-identical weights, outputs, gradients and norms`, () => {
      const a = createRecurrent(spec(cell), createRng(7).stream("init"));
      const b = createRecurrent(spec(cell), createRng(7).stream("init"));
      const ya = step(a, 1, 12, 4);
      const yb = step(b, 1, 12, 4);
      expect(Array.from(ya)).toEqual(Array.from(yb));
      a.params.forEach((p, i) => {
        expect(Array.from(p.value)).toEqual(Array.from(b.params[i].value));
        expect(Array.from(p.grad)).toEqual(Array.from(b.params[i].grad));
      });
      expect(Array.from(a.hiddenGradNorms)).toEqual(Array.from(b.hiddenGradNorms));
    });

    it(`${cell}: another seed gives other weights`, () => {
      const a = createRecurrent(spec(cell), createRng(7).stream("init"));
      const b = createRecurrent(spec(cell), createRng(8).stream("init"));
      expect(Array.from(a.params[1].value)).not.toEqual(Array.from(b.params[1].value));
    });

    it(`${cell}: buffers are reused, and a change of shape and back changes nothing`, () => {
      const m = createRecurrent(spec(cell), createRng(7).stream("init"));
      const first = step(m, 2, 10, 3);
      const norms = Float64Array.from(m.hiddenGradNorms);
      const batch = generateSequenceBatch("adding", createRng(2).stream("data"), { T: 10, batch: 3 });
      // Same shapes: forward hands back the same buffer object (no allocation per step).
      expect(m.forward(batch.x, 10, 3)).toBe(m.forward(batch.x, 10, 3));
      step(m, 3, 17, 5); // other shapes reallocate...
      const again = step(m, 2, 10, 3); // ...and coming back reproduces the first result exactly.
      expect(Array.from(again)).toEqual(Array.from(first));
      expect(Array.from(m.hiddenGradNorms)).toEqual(Array.from(norms));
    });
  }

  it("gradients accumulate across backward calls until zeroed", () => {
    const m = createRecurrent(spec("lstm"), createRng(7).stream("init"));
    step(m, 1, 6, 2);
    const once = Float64Array.from(m.params[1].grad);
    const batch = generateSequenceBatch("adding", createRng(1).stream("data"), { T: 6, batch: 2 });
    const y = m.forward(batch.x, 6, 2);
    const dy = Float64Array.from(y, (v, i) => (2 * (v - batch.y[i])) / y.length);
    m.backward(dy);
    m.params[1].grad.forEach((g, i) => {
      expect(g).toBeCloseTo(2 * once[i], 12);
    });
  });
});

describe("validation", () => {
  it("names the field and the allowed values", () => {
    expect(() => createRecurrent({ ...spec("lstm"), cell: "transformer" as "lstm" }, createRng(1))).toThrow(
      /cell must be one of rnn, lstm, gru/,
    );
    expect(() => createRecurrent({ ...spec("rnn"), hidden: 0 }, createRng(1))).toThrow(
      /hidden must be an integer >= 1/,
    );
    expect(() => createRecurrent({ ...spec("rnn"), rnnActivation: "relu" as "tanh" }, createRng(1))).toThrow(
      /rnnActivation must be one of tanh, sigmoid/,
    );
    const m = createRecurrent(spec("gru"), createRng(1));
    expect(() => m.forward(new Float64Array(5), 3, 2)).toThrow(/need T \* batch \* inputs = 12/);
    expect(() => m.forward(new Float64Array(12), 3, 2, { h0: new Float64Array(15) })).toThrow(
      /state.h0 has 15 values, need batch \* hidden = 16/,
    );
    expect(() => createRecurrent(spec("gru"), createRng(1)).backward(new Float64Array(1))).toThrow(
      /before forward/,
    );
  });
});

describe("largest singular value", () => {
  it("is the largest |diagonal entry| of a diagonal matrix", () => {
    const w = new Float64Array([0.3, 0, 0, 0, -2.5, 0, 0, 0, 1.1]);
    expect(largestSingularValue(w, 3, 3)).toBeCloseTo(2.5, 10);
  });

  it("matches the closed form for a 2 x 3 matrix: sqrt of the top eigenvalue of W W^T", () => {
    const w = new Float64Array([1, 2, 3, -1, 0.5, 2]);
    // W W^T = [[a, b], [b, d]], eigenvalues (a + d)/2 ± sqrt(((a - d)/2)^2 + b^2).
    const a = 1 + 4 + 9;
    const b = -1 + 1 + 6;
    const d = 1 + 0.25 + 4;
    const top = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b);
    expect(largestSingularValue(w, 2, 3)).toBeCloseTo(Math.sqrt(top), 10);
  });

  it("bounds ||W v|| / ||v|| for every random v", () => {
    const rng = createRng(4);
    const n = 12;
    const w = Float64Array.from({ length: n * n }, () => rng.normal());
    const sigma = largestSingularValue(w, n, n);
    for (let trial = 0; trial < 200; trial++) {
      const v = Float64Array.from({ length: n }, () => rng.normal());
      let vv = 0;
      let wv = 0;
      for (let r = 0; r < n; r++) {
        let s = 0;
        for (let c = 0; c < n; c++) s += w[r * n + c] * v[c];
        wv += s * s;
        vv += v[r] * v[r];
      }
      expect(Math.sqrt(wv / vv)).toBeLessThanOrEqual(sigma * (1 + 1e-9));
    }
  });

  it("rescaling hits the target, and the recurrentSigma init sets every gate block", () => {
    const rng = createRng(5);
    const w = Float64Array.from({ length: 36 }, () => rng.normal());
    rescaleToSingularValue(w, 6, 6, 0.75);
    expect(largestSingularValue(w, 6, 6)).toBeCloseTo(0.75, 9);
    const m = createRecurrent({ ...spec("lstm"), init: { recurrentSigma: 0.9 } }, createRng(1));
    for (const s of m.gateSigmaMax()) expect(s).toBeCloseTo(0.9, 9);
    const r = createRecurrent({ ...spec("rnn"), init: { recurrentSigma: 0.4 } }, createRng(1));
    expect(r.recurrentSigmaMax()).toBeCloseTo(0.4, 9);
  });
});

describe("vanishing gradients through time (chapter 5)", () => {
  const T = 40;
  const B = 16;
  const norms = (s: RecurrentSpec): Float64Array => {
    const m = createRecurrent(s, createRng(3).stream("init"));
    step(m, 9, T, B);
    return Float64Array.from(m.hiddenGradNorms);
  };
  /** Geometric-mean factor by which ||dL/dh_t|| shrinks per step back from the loss. */
  const perStep = (n: Float64Array) => (n[0] / n[T - 1]) ** (1 / (T - 1));

  for (const [act, gamma, sigma] of [
    ["tanh", 1, 0.5],
    ["sigmoid", 0.25, 2],
  ] as const) {
    it(`vanilla RNN (${act}) with sigma_max(W_h) = ${sigma} < 1/gamma: every step back shrinks ||dL/dh_t|| by at least gamma * sigma_max`, () => {
      // dL/dh_{t-1} = W_h^T diag(f'(a_t)) dL/dh_t for each example (readout "last"), so
      // ||dL/dh_{t-1}|| <= sigma_max(W_h) * gamma * ||dL/dh_t||; averaging over the batch keeps it.
      const s: RecurrentSpec = {
        ...spec("rnn"),
        hidden: 32,
        rnnActivation: act,
        init: { recurrentSigma: sigma },
      };
      const n = norms(s);
      const bound = gamma * sigma;
      for (let t = 0; t < T - 1; t++) expect(n[t]).toBeLessThanOrEqual(bound * n[t + 1] * (1 + 1e-12));
      expect(perStep(n)).toBeLessThanOrEqual(bound);
      expect(n[0] / n[T - 1]).toBeLessThan(bound ** (T - 1) * (1 + 1e-9));
    });
  }

  it("an LSTM with forget bias 1 keeps ||dL/dh_t|| far larger than the small-weight RNN, and a larger forget bias keeps more", () => {
    const rnn = norms({ ...spec("rnn"), hidden: 32, init: { recurrentSigma: 0.5 } });
    const lstm = (forgetBias: number) => norms({ ...spec("lstm"), hidden: 32, forgetBias });
    const l1 = lstm(1);
    // The RNN loses at least a factor 2 per step (the bound above); the LSTM's cell path
    // dc_{t-1} = f_t ⊙ dc_t loses only about sigma(1) ~ 0.73 per step at this initialisation.
    expect(perStep(l1)).toBeGreaterThan(0.5);
    expect(perStep(l1)).toBeGreaterThan(perStep(rnn));
    // End to end over 40 steps that is many orders of magnitude.
    expect(l1[0] / l1[T - 1]).toBeGreaterThan(1e6 * (rnn[0] / rnn[T - 1]));
    // And the forget bias is the knob: 3 keeps more than 1, which keeps more than -1.
    expect(perStep(lstm(3))).toBeGreaterThan(perStep(l1));
    expect(perStep(l1)).toBeGreaterThan(perStep(lstm(-1)));
  });
});

describe("gradientProfile (the numbers a widget or build-time figure shows)", () => {
  it("equals one MSE backward pass of the same model on the same batch, and summarises it consistently", () => {
    const T = 15;
    const p = gradientProfile(
      { cell: "lstm", hidden: 8, forgetBias: 1 },
      { task: "adding", T, batch: 6, seed: 21 },
    );
    const rng = createRng(21);
    const m = createRecurrent(
      { cell: "lstm", inputs: 2, hidden: 8, outputs: 1, forgetBias: 1 },
      rng.stream("init"),
    );
    const data = generateSequenceBatch("adding", rng.stream("data"), { T, batch: 6 });
    zeroGrads(m.params);
    const y = m.forward(data.x, T, 6);
    m.backward(Float64Array.from(y, (v, i) => (2 * (v - data.y[i])) / y.length));
    expect(Array.from(p.hiddenGradNorms)).toEqual(Array.from(m.hiddenGradNorms));
    expect(Array.from(p.cellGradNorms ?? [])).toEqual(Array.from(m.cellGradNorms ?? [1]));
    let mse = 0;
    for (let i = 0; i < y.length; i++) mse += (y[i] - data.y[i]) ** 2 / y.length;
    expect(p.loss).toBeCloseTo(mse, 14);
    expect(p.survival).toBeCloseTo(p.hiddenGradNorms[0] / p.hiddenGradNorms[T - 1], 14);
    expect(p.perStepFactor ** (T - 1)).toBeCloseTo(p.survival, 12);
    expect(p.gateSigmaMax).toEqual(m.gateSigmaMax());
  });

  it("has no cell-state norms for the RNN and GRU", () => {
    for (const cell of ["rnn", "gru"] as const) {
      expect(
        gradientProfile({ cell, hidden: 4 }, { task: "memory", T: 5, batch: 2, seed: 1 }).cellGradNorms,
      ).toBeNull();
    }
  });
});

describe("initialisation", () => {
  const maxAbs = (a: Float64Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const byName = (m: RecurrentModel, name: string) => m.params.find((p) => p.name === name)!.value;

  it("defaults to U(-scale/sqrt(H), scale/sqrt(H)) for W_x and W_h, the forget bias on the f rows only", () => {
    const H = 16;
    const m = createRecurrent(
      { cell: "lstm", inputs: 3, hidden: H, outputs: 2, forgetBias: 2, init: { scale: 0.5 } },
      createRng(1),
    );
    for (const name of ["lstm.Wx", "lstm.Wh"]) {
      const w = byName(m, name);
      expect(maxAbs(w)).toBeLessThanOrEqual(0.5 / Math.sqrt(H));
      // 2,000+ uniform draws: the largest is within 1% of the bound.
      if (w.length > 1000) expect(maxAbs(w)).toBeGreaterThan(0.99 * (0.5 / Math.sqrt(H)));
    }
    const b = byName(m, "lstm.b");
    b.forEach((v, i) => {
      expect(v).toBe(i >= H && i < 2 * H ? 2 : 0);
    });
    // Readout: Glorot uniform, sqrt(6 / (H + O)).
    expect(maxAbs(byName(m, "readout.W"))).toBeLessThanOrEqual(Math.sqrt(6 / (H + 2)));
  });

  it("uses a shared dense scheme when asked, with fans (inputs, hidden) and (hidden, hidden)", () => {
    const I = 5;
    const H = 24;
    const m = createRecurrent(
      { cell: "gru", inputs: I, hidden: H, outputs: 1, init: { scheme: "glorotUniform" } },
      createRng(2),
    );
    const wx = byName(m, "gru.Wx");
    const wh = byName(m, "gru.Wh");
    expect(maxAbs(wx)).toBeLessThanOrEqual(Math.sqrt(6 / (I + H)));
    expect(maxAbs(wh)).toBeLessThanOrEqual(Math.sqrt(6 / (2 * H)));
    expect(maxAbs(wh)).toBeGreaterThan(0.99 * Math.sqrt(6 / (2 * H)));
    expect(maxAbs(byName(m, "gru.bhn"))).toBe(0);
  });
});
