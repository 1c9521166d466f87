import { describe, expect, it } from "vitest";
import { speedNumbers } from "../../src/components/widgets/layer-speed/chapter-numbers";
import {
  DEFAULT_SPEED_KNOBS,
  firstToLastHidden,
  parseLayerSpeedKnobs,
  SPEED_ACTIVATIONS,
  SPEED_DATASETS,
  SPEED_INITS,
  SPEED_WIDTHS,
  toExperimentConfig,
} from "../../src/components/widgets/layer-speed/config";
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
    expect(parseLayerSpeedKnobs({ depth: "99", width: 7, activation: "softsign", dataset: "mnist" })).toEqual(
      {
        ...DEFAULT_SPEED_KNOBS,
        depth: 8,
      },
    );
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

  it("firstToLastHidden divides the first layer's norm by the last hidden layer's, NaN without data", () => {
    const layer = (gradNorm: number) => ({ gradNorm }) as never;
    const point = { layers: [layer(1e-3), layer(1e-2), layer(0.5)] } as never;
    expect(firstToLastHidden(point, 2)).toBeCloseTo(0.1, 12);
    expect(firstToLastHidden(undefined, 2)).toBeNaN();
  });
});
