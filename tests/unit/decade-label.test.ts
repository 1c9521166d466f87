import { describe, expect, it } from "vitest";
import { decadeLabel } from "../../src/components/charts/training/series";
import { powerLabel } from "../../src/components/widgets/neuron-stepper/log-ticks";

describe("decadeLabel (log-axis ticks of the training charts)", () => {
  it("writes every decade as the chain and stepper charts do (powerLabel)", () => {
    for (let e = -15; e <= 15; e++) expect(decadeLabel(10 ** e), `10^${e}`).toBe(powerLabel(10 ** e));
  });

  it("spells out some examples and keeps values between decades to three digits", () => {
    expect(decadeLabel(1e-12)).toBe("10⁻¹²");
    expect(decadeLabel(1e8)).toBe("10⁸");
    expect(decadeLabel(0.001)).toBe("0.001");
    expect(decadeLabel(1)).toBe("1");
    expect(decadeLabel(0.2)).toBe("0.2");
    expect(decadeLabel(0.30000000000000004)).toBe("0.3");
  });
});
