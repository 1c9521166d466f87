/**
 * The sigmoid-input trace of the batch-norm figure: shape, order of the percentiles, the
 * pre-training point equal to a direct computation, and the contrast the chapter describes.
 */
import { describe, expect, it } from "vitest";
import { sigmoidInputTrace } from "../../src/components/widgets/bn-percentiles/trace";
import { comparisonPair } from "../../src/components/widgets/remedy-compare/pairs";
import { createMlp } from "../../src/lib/mlp/mlp";
import { percentiles } from "../../src/lib/percentiles";
import { createRng } from "../../src/lib/rng";
import { createRun } from "../../src/lib/run";

const STEPS = 60;
const short = (side: "baseline" | "remedy") => {
  const c = comparisonPair("batchNorm")[side].config;
  return { ...c, steps: STEPS };
};

describe("sigmoidInputTrace", () => {
  it("records every `every` steps plus step 0, one row per unit, percentiles in order", () => {
    const t = sigmoidInputTrace(short("remedy"), 20);
    expect(t.steps).toEqual([0, 20, 40, 60]);
    expect(t.units).toHaveLength(16);
    for (const u of t.units) {
      expect(u).toHaveLength(4);
      for (const [a, b, c] of u) {
        expect(a).toBeLessThanOrEqual(b);
        expect(b).toBeLessThanOrEqual(c);
      }
    }
  });

  it("step 0 is the untrained network's last-hidden-layer pre-activation over the held-out set", () => {
    const config = short("baseline");
    const t = sigmoidInputTrace(config, 30);
    // Recompute directly: the initial weights of a run, pushed through a fresh MLP by hand.
    const run = createRun(config);
    const test = run.data!.test;
    const mlp = createMlp(
      {
        inputs: 2,
        hidden: new Array(10).fill(16),
        outputs: 1,
        activation: "sigmoid",
        norm: "none",
        residual: false,
      },
      createRng(5),
    );
    for (let i = 0; i < run.params.length; i++) mlp.params[i]!.value.set(run.params[i]!.value);
    mlp.forward(test.inputs, test.n, "train");
    const pre = mlp.trace()[9]!.pre;
    const unit3 = Array.from({ length: test.n }, (_, b) => pre[b * 16 + 2]!);
    const want = percentiles(unit3, [15, 50, 85]).map((x) => Number(x.toPrecision(4)));
    expect(t.units[2]![0]).toEqual(want);
  });

  it("without batch norm the last layer's inputs have collapsed to one value; with it they spread", () => {
    const plain = sigmoidInputTrace(short("baseline"), 30);
    const bn = sigmoidInputTrace(short("remedy"), 30);
    const spread = (q: readonly number[]) => q[2]! - q[0]!;
    for (let u = 0; u < 16; u++) {
      expect(spread(plain.units[u]!.at(-1)!)).toBeLessThan(1e-3);
      expect(spread(bn.units[u]!.at(-1)!)).toBeGreaterThan(0.5);
    }
  });
});
