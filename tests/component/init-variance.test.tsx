// @vitest-environment happy-dom
/**
 * The init-variance island: no-JS render of the build-time table, knobs recomputing through
 * the core (a few layers per task), and reset restoring the initial state.
 */
import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { renderToString } from "preact-render-to-string";
import { afterEach, describe, expect, it } from "vitest";
import {
  allVariances,
  endRatio,
  parseInitVarianceConfig,
} from "../../src/components/widgets/init-variance/config";
import InitVariance from "../../src/components/widgets/init-variance/InitVariance";
import { fmtNum } from "../../src/lib/findings";

afterEach(cleanup);

const initial = { activation: "tanh", width: 16, depth: 6 } as const;
const cell = (root: ParentNode, scheme: string, which: "forward" | "backward") =>
  root.querySelector(`[data-scheme="${scheme}"] [data-cell="${which}"]`)?.textContent;

describe("init-variance", () => {
  it("parses untrusted state: unknown activation to default, numbers clamped and snapped", () => {
    expect(parseInitVarianceConfig({ activation: "swish", width: 1000, depth: 3.4 })).toEqual({
      activation: "tanh",
      width: 128,
      depth: 3,
    });
    expect(parseInitVarianceConfig({ width: 13 }).width).toBe(16);
  });

  it("server-renders the build-time numbers with controls disabled", () => {
    const results = allVariances(initial);
    const html = renderToString(<InitVariance initial={initial} staticResults={results} />);
    expect(html).toContain('data-widget="init-variance"');
    expect(html).toContain(fmtNum(endRatio(results.glorotUniform, "activation")!));
    expect(html).toMatch(/<fieldset[^>]*data-control="activation"[^>]*disabled/);
  });

  it("recomputes for a new activation and width; reset restores", async () => {
    const results = allVariances(initial);
    const { container } = render(<InitVariance initial={initial} staticResults={results} />);
    const before = cell(container, "heNormal", "forward");
    expect(before).toBe(fmtNum(endRatio(results.heNormal, "activation")!));
    const relu = container.querySelector<HTMLInputElement>(
      '[data-control="activation"] input[value="relu"]',
    )!;
    fireEvent.click(relu);
    fireEvent.change(relu);
    const want = allVariances({ ...initial, activation: "relu" });
    await waitFor(() =>
      expect(cell(container, "heNormal", "forward")).toBe(fmtNum(endRatio(want.heNormal, "activation")!)),
    );
    expect(cell(container, "standard", "backward")).toBe(fmtNum(endRatio(want.standard, "gradient")!));
    await waitFor(() =>
      expect(container.querySelector('[data-chart="activations"] .chart-live svg')).not.toBeNull(),
    );
    fireEvent.click(container.querySelector('[data-action="reset"]')!);
    await waitFor(() => expect(cell(container, "heNormal", "forward")).toBe(before));
  });
});
