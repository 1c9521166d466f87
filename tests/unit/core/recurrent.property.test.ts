/**
 * Property tests over random shapes: for any cell, readout, size, length (including T = 1)
 * and batch (including 1), the model runs, its outputs are finite, and the analytic gradient
 * agrees with the loss along a random direction v in parameter space:
 *
 *   [8 (L(theta + h v) - L(theta - h v)) - (L(theta + 2h v) - L(theta - 2h v))] / 12h  ~  grad L . v
 *
 * (the fourth-order central stencil, as in recurrent.gradcheck.test.ts), to 1e-6 relative.
 *
 * One directional check per case touches every parameter at once, so many shapes can be
 * covered cheaply; the per-entry checks of recurrent.gradcheck.test.ts complement it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zeroGrads } from "../../../src/lib/params";
import { CELL_NAMES, createRecurrent, READOUT_NAMES, RNN_ACTIVATION_NAMES } from "../../../src/lib/recurrent";
import { createRng } from "../../../src/lib/rng";

const shapeArb = fc.record({
  cell: fc.constantFrom(...CELL_NAMES),
  rnnActivation: fc.constantFrom(...RNN_ACTIVATION_NAMES),
  readout: fc.constantFrom(...READOUT_NAMES),
  inputs: fc.integer({ min: 1, max: 4 }),
  hidden: fc.integer({ min: 1, max: 6 }),
  outputs: fc.integer({ min: 1, max: 3 }),
  T: fc.integer({ min: 1, max: 8 }),
  batch: fc.integer({ min: 1, max: 4 }),
  forgetBias: fc.double({ min: -2, max: 3, noNaN: true }),
  scale: fc.double({ min: 0.2, max: 3, noNaN: true }),
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
});

describe("random shapes", () => {
  it("finite outputs and a directional derivative that matches finite differences", () => {
    fc.assert(
      fc.property(shapeArb, (c) => {
        const rng = createRng(c.seed);
        const model = createRecurrent(
          {
            cell: c.cell,
            rnnActivation: c.rnnActivation,
            readout: c.readout,
            inputs: c.inputs,
            hidden: c.hidden,
            outputs: c.outputs,
            forgetBias: c.forgetBias,
            init: { scale: c.scale },
          },
          rng.stream("init"),
        );
        const data = rng.stream("data");
        const x = Float64Array.from({ length: c.T * c.batch * c.inputs }, () => data.normal());
        const y0 = model.forward(x, c.T, c.batch);
        expect(y0.length).toBe((c.readout === "all" ? c.T : 1) * c.batch * c.outputs);
        const target = Float64Array.from(y0, () => data.normal());
        const loss = (): number => {
          const y = model.forward(x, c.T, c.batch);
          let s = 0;
          for (let i = 0; i < y.length; i++) s += 0.5 * (y[i] - target[i]) ** 2;
          return s;
        };
        zeroGrads(model.params);
        const y = model.forward(x, c.T, c.batch);
        for (const v of y) expect(Number.isFinite(v)).toBe(true);
        model.backward(Float64Array.from(y, (v, i) => v - target[i]));
        expect(model.hiddenGradNorms.length).toBe(c.T);
        for (const v of model.hiddenGradNorms) expect(Number.isFinite(v)).toBe(true);

        const dirs = model.params.map((p) => Float64Array.from(p.value, () => data.normal()));
        let analytic = 0;
        model.params.forEach((p, k) => {
          for (let i = 0; i < p.value.length; i++) analytic += p.grad[i] * dirs[k][i];
        });
        const h = 1e-3;
        const base = model.params.map((p) => Float64Array.from(p.value));
        const at = (d: number): number => {
          model.params.forEach((p, k) => {
            for (let i = 0; i < p.value.length; i++) p.value[i] = base[k][i] + d * dirs[k][i];
          });
          return loss();
        };
        const numeric = (8 * (at(h) - at(-h)) - (at(2 * h) - at(-2 * h))) / (12 * h);
        const scale = Math.max(Math.abs(analytic), Math.abs(numeric), 1e-3);
        expect(Math.abs(analytic - numeric) / scale).toBeLessThan(1e-6);
      }),
      { seed: 20261129, numRuns: 200 },
    );
  });
});
