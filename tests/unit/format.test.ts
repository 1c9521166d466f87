import { describe, expect, it } from "vitest";
import { fmt, tex, texParen } from "../../src/components/widgets/neuron-stepper/format";

describe("readout number format", () => {
  it("prints mid-range numbers with significant digits and no trailing zeros", () => {
    expect(fmt(0.25)).toBe("0.25");
    expect(fmt(0.19661193324148188)).toBe("0.197");
    expect(fmt(2)).toBe("2");
    expect(fmt(-0.1437)).toBe("−0.144");
    expect(fmt(2048)).toBe("2048");
    expect(fmt(0.9999938558253978, 7)).toBe("0.9999939");
    expect(fmt(0)).toBe("0");
  });
  it("prints tiny and huge numbers in scientific form, as text and as TeX", () => {
    expect(fmt(6.144136851325744e-6)).toBe("6.14 × 10⁻⁶");
    expect(fmt(-1.2e12)).toBe("−1.2 × 10¹²");
    expect(tex(6.144136851325744e-6)).toBe("6.14 \\times 10^{-6}");
    expect(texParen(-0.5)).toBe("(-0.5)");
    expect(texParen(0.5)).toBe("0.5");
  });
  it("names non-finite values instead of printing garbage", () => {
    expect(fmt(Number.NaN)).toBe("NaN");
    expect(fmt(Number.POSITIVE_INFINITY)).toBe("∞");
    expect(tex(Number.NEGATIVE_INFINITY)).toBe("-\\infty");
  });
});

describe("log-axis ticks", () => {
  it("gives whole decades inside a rounded-out domain, thinned to the limit", async () => {
    const { powerDomain, powerTicks, powerLabel } = await import(
      "../../src/components/widgets/neuron-stepper/log-ticks"
    );
    expect(powerDomain([0.003, 250])).toEqual([0.001, 1000]);
    expect(powerTicks([0.003, 250])).toEqual([0.001, 0.01, 0.1, 1, 10, 100, 1000]);
    const wide = powerTicks([1e-20, 1], 8);
    expect(wide.length).toBeLessThanOrEqual(8);
    expect(wide.at(-1)).toBe(1);
    expect(powerTicks([0, Number.NaN])).toEqual([]);
    expect(powerDomain([5, 5])).toEqual([1, 10]);
    expect(powerLabel(1e-6)).toBe("10⁻⁶");
  });
});
