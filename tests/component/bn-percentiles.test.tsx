// @vitest-environment happy-dom
/**
 * The batch-norm percentile island: no-JS render of the readouts, the unit knob switching the
 * readouts and chart, out-of-range units clamped, and reset restoring unit 1.
 */
import { cleanup, fireEvent, render } from "@testing-library/preact";
import { renderToString } from "preact-render-to-string";
import { afterEach, describe, expect, it } from "vitest";
import BnPercentiles, { parseUnit } from "../../src/components/widgets/bn-percentiles/BnPercentiles";
import type { PercentileRun } from "../../src/components/widgets/bn-percentiles/percentile-chart";

afterEach(cleanup);

const runs: PercentileRun[] = [
  {
    name: "plain",
    trace: {
      steps: [0, 10],
      units: [
        [
          [0.1, 0.1, 0.1],
          [-0.3, -0.3, -0.3],
        ],
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
      ],
    },
  },
  {
    name: "bn",
    trace: {
      steps: [0, 10],
      units: [
        [
          [-1, 0, 1],
          [-2, 0.5, 2],
        ],
        [
          [0, 0, 0],
          [0, 1, 2],
        ],
      ],
    },
  },
];
const readout = (root: ParentNode, name: string) =>
  root.querySelector(`[data-readout="${name}"] dd`)?.textContent;

describe("bn-percentiles", () => {
  it("parses the unit", () => {
    expect(parseUnit(0, 16)).toBe(1);
    expect(parseUnit(99, 16)).toBe(16);
    expect(parseUnit(2.6, 16)).toBe(3);
    expect(parseUnit("x", 16)).toBe(1);
  });

  it("server-renders the readouts with the knob disabled", () => {
    const html = renderToString(<BnPercentiles runs={runs} initial={{ unit: 1 }} />);
    expect(html).toContain("0.1 → -0.3");
    expect(html).toContain("2 → 4");
    expect(html).toMatch(/<input[^>]*type="range"[^>]*disabled/);
  });

  it("the unit knob switches the readouts; reset restores", () => {
    const { container } = render(<BnPercentiles runs={runs} initial={{ unit: 1 }} />);
    expect(readout(container, "median-1")).toBe("0.1 → -0.3");
    expect(readout(container, "spread-2")).toBe("2 → 4");
    const range = container.querySelector<HTMLInputElement>('[data-control="unit"] input[type="range"]')!;
    fireEvent.input(range, { target: { value: "2" } });
    expect(readout(container, "median-1")).toBe("2 → 5");
    expect(readout(container, "spread-2")).toBe("0 → 2");
    expect(container.querySelector('[data-chart="percentiles"] .chart-live svg')).not.toBeNull();
    fireEvent.click(container.querySelector('[data-action="reset"]')!);
    expect(readout(container, "median-1")).toBe("0.1 → -0.3");
  });
});
