import { describe, expect, it } from "vitest";
import { lossRamp } from "../../src/components/charts/loss-ramp";

/** WCAG relative luminance of an `rgb(r, g, b)` string. */
function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/\d+/g) ?? []).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe("loss-surface colour ramp", () => {
  it("gets lighter all the way from low to high loss", () => {
    const ls = Array.from({ length: 101 }, (_, i) => luminance(lossRamp(i / 100)));
    for (let i = 1; i < ls.length; i++)
      expect(ls[i]!, `at t = ${i / 100}`).toBeGreaterThanOrEqual(ls[i - 1]!);
    expect(ls[100]! / ls[0]!).toBeGreaterThan(20); // a wide range: dark indigo to pale yellow
  });

  it("clamps out-of-range and non-finite input to the ends", () => {
    expect(lossRamp(-1)).toBe(lossRamp(0));
    expect(lossRamp(2)).toBe(lossRamp(1));
    expect(lossRamp(Number.NaN)).toBe(lossRamp(0));
    expect(lossRamp(0)).toBe("rgb(43, 23, 96)");
  });
});
