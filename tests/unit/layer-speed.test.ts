import { describe, expect, it } from "vitest";
import { speedNumbers } from "../../src/components/widgets/layer-speed/chapter-numbers";
import {
  DEFAULT_SPEED_KNOBS,
  firstToLastHidden,
  parseLayerSpeedKnobs,
  SPEED_ACTIVATIONS,
  SPEED_DATASETS,
  SPEED_INITS,
  SPEED_MNIST_N,
  SPEED_WIDTHS,
  toExperimentConfig,
} from "../../src/components/widgets/layer-speed/config";
import { createSession } from "../../src/components/widgets/training/session";
import { staticMnist } from "../../src/components/widgets/training/static-mnist";
import { parseConfig } from "../../src/lib/config";

describe("layer-speed experiment", () => {
  it("every knob combination is a config the core's schema accepts unchanged", () => {
    for (const dataset of SPEED_DATASETS)
      for (const activation of SPEED_ACTIVATIONS)
        for (const init of SPEED_INITS)
          for (const width of SPEED_WIDTHS)
            for (const depth of [1, 8]) {
              const c = toExperimentConfig({ dataset, activation, init, width, depth });
              const r = parseConfig(c);
              if (!r.ok) throw new Error(r.errors.join("; "));
              expect(r.config).toEqual(c);
            }
  });

  it("validates knobs field by field", () => {
    expect(
      parseLayerSpeedKnobs({ depth: "99", width: 7, activation: "softsign", dataset: "fashion" }),
    ).toEqual({
      ...DEFAULT_SPEED_KNOBS,
      depth: 8,
    });
    expect(parseLayerSpeedKnobs({ width: "32", depth: 2.4 })).toEqual({
      ...DEFAULT_SPEED_KNOBS,
      width: 32,
      depth: 2,
    });
  });

  it("with the default sigmoid network the first hidden layer learns over 100 times more slowly than the last; tanh and ReLU + He close the gap", () => {
    const sigmoid = speedNumbers();
    expect(sigmoid.ratioFirst).toBeLessThan(1e-2);
    expect(sigmoid.ratioFirst).toBeGreaterThan(1e-4);
    expect(speedNumbers({ activation: "tanh" }).ratioFirst).toBeGreaterThan(0.1);
    expect(speedNumbers({ activation: "relu", init: "heNormal" }).ratioFirst).toBeGreaterThan(0.1);
    // The sigmoid network barely learns in 300 steps; the tanh one fits the data.
    expect(sigmoid.finalLoss).toBeGreaterThan(0.6);
    expect(speedNumbers({ activation: "tanh" }).finalLoss).toBeLessThan(0.1);
  });

  it("MNIST: 784 inputs, ten classes, softmax cross-entropy, raw pixels, 1,000 digits", () => {
    const c = toExperimentConfig({ ...DEFAULT_SPEED_KNOBS, dataset: "mnist" });
    expect(c.loss).toBe("softmaxCrossEntropy");
    expect(c.data).toMatchObject({ dataset: "mnist", n: SPEED_MNIST_N, standardise: false });
    expect(SPEED_MNIST_N).toBe(1000);
    const moons = toExperimentConfig(DEFAULT_SPEED_KNOBS);
    expect({ ...c, data: moons.data, loss: moons.loss }).toEqual(moons);
    const s = createSession(c, staticMnist());
    s.advance({ maxSteps: 1 });
    expect(s.run.data?.train.inputDim).toBe(784);
    expect(s.run.data?.train.numClasses).toBe(10);
    // Five hidden layers and the output layer.
    expect(s.points[0]?.layers).toHaveLength(6);
  });

  it("MNIST, the issue's claim: with five sigmoid layers the first hidden layer learns 10 to 100 times more slowly than the last, and the net stays at chance; tanh fixes both", () => {
    const sigmoid = speedNumbers({ dataset: "mnist" });
    expect(sigmoid.ratioFirst).toBeGreaterThan(1e-2);
    expect(sigmoid.ratioFirst).toBeLessThan(1e-1);
    expect(sigmoid.ratioLast).toBeLessThan(1e-1);
    // Chance level: the loss of guessing one in ten, and 10% of held-out digits.
    expect(Math.abs(sigmoid.finalLoss - Math.LN10)).toBeLessThan(0.01);
    expect(sigmoid.testAccuracy).toBeLessThan(0.15);
    const tanh = speedNumbers({ dataset: "mnist", activation: "tanh" });
    expect(tanh.ratioFirst).toBeGreaterThan(1);
    expect(tanh.finalLoss).toBeLessThan(0.5);
    expect(tanh.testAccuracy).toBeGreaterThan(0.8);
    expect(
      speedNumbers({ dataset: "mnist", activation: "relu", init: "heNormal" }, { steps: 1 }).ratioFirst,
    ).toBeGreaterThan(1);
    // The first-step numbers of a one-step run are the whole run's first-step numbers.
    expect(speedNumbers({ dataset: "mnist" }, { steps: 1 }).ratioFirst).toBe(sigmoid.ratioFirst);
  });

  it("firstToLastHidden divides the first layer's norm by the last hidden layer's, NaN without data", () => {
    const layer = (gradNorm: number) => ({ gradNorm }) as never;
    const point = { layers: [layer(1e-3), layer(1e-2), layer(0.5)] } as never;
    expect(firstToLastHidden(point, 2)).toBeCloseTo(0.1, 12);
    expect(firstToLastHidden(undefined, 2)).toBeNaN();
  });
});
