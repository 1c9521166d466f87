import { describe, expect, it } from "vitest";
import { PRESETS, parseStepperConfig } from "../../src/components/widgets/neuron-stepper/config";
import {
  advance,
  currentParams,
  sampleIndices,
  startTrace,
} from "../../src/components/widgets/neuron-stepper/trace";
import { trainNeuron } from "../../src/lib/neuron";

describe("neuron stepper trace", () => {
  it("records the same trajectory as the core's trainNeuron", () => {
    const task = { x: 2, target: 0, eta: 1, loss: "squared" as const };
    const t = startTrace({ w: 0.5, b: 0 }, task, 20);
    expect(advance(t, task, 5)).toBe(5);
    const ref = trainNeuron({ w: 0.5, b: 0 }, task, 5);
    expect(currentParams(t)).toEqual({ w: ref[4]?.wNext, b: ref[4]?.bNext });
    expect(t.loss[0]).toBeCloseTo(ref[0]?.loss as number, 15);
  });
  it("stops at capacity with status 'limit'", () => {
    const task = { x: 1, target: 0.3, eta: 0.1, loss: "squared" as const };
    const t = startTrace({ w: 0, b: 0 }, task, 4);
    expect(advance(t, task, 10)).toBe(3);
    expect(t.status).toBe("limit");
  });
  it("calls a run diverged when η is far outside the widget's range, before anything non-finite is stored", () => {
    const task = { x: 4, target: 1, eta: 1e9, loss: "crossEntropy" as const };
    const t = startTrace({ w: 0, b: 0 }, task, 100);
    advance(t, task, 10);
    expect(t.status).toBe("diverged");
    for (let i = 0; i < t.length; i++) expect(Number.isFinite(t.w[i])).toBe(true);
  });
  it("samples long traces down to a bounded number of points, first and last included", () => {
    expect(sampleIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const s = sampleIndices(100_001, 400);
    expect(s).toHaveLength(400);
    expect(s[0]).toBe(0);
    expect(s[399]).toBe(100_000);
  });
  it("validates configs field by field", () => {
    expect(parseStepperConfig({ eta: "abc", w0: 1e9, loss: "hinge" })).toEqual({
      ...PRESETS.example.config,
      w0: 10,
    });
    expect(parseStepperConfig(null)).toEqual(PRESETS.example.config);
  });
});
