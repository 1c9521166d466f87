// @vitest-environment happy-dom
/**
 * The training dashboard island: no-JS server render (static summary, disabled controls),
 * the warm-up run trained on mount (main-thread fallback here), presets switching runs, the
 * scrubbed step driving the per-layer table, mystery mode hiding findings, and reset.
 */
import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { renderToString } from "preact-render-to-string";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PRESETS } from "../../src/components/widgets/training-dashboard/config";
import { staticRun } from "../../src/components/widgets/training-dashboard/static-run";
import TrainingDashboard from "../../src/components/widgets/training-dashboard/TrainingDashboard";

beforeEach(() => vi.stubGlobal("Worker", undefined));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const readout = (root: ParentNode, name: string) =>
  root.querySelector(`[data-readout="${name}"] dd`)?.textContent ?? null;
const WARMUP = 20;

describe("training dashboard", () => {
  it("server-renders the build-time summary and findings with controls disabled", () => {
    const { summary } = staticRun(PRESETS.vanishing.knobs, WARMUP);
    const html = renderToString(
      <TrainingDashboard initial={{ preset: "vanishing" }} warmup={WARMUP} staticSummary={summary} />,
    );
    expect(html).toContain('data-widget="training-dashboard"');
    expect(html).toContain(`${WARMUP} of 400`);
    expect(html).toContain(summary.trainLoss);
    expect(html).toMatch(/data-action="play"[^>]*disabled/);
  });

  it("trains the warm-up on mount and then shows the same numbers the build computed", async () => {
    const { summary } = staticRun(PRESETS.healthy.knobs, WARMUP);
    const { container } = render(<TrainingDashboard initial={{ preset: "healthy" }} warmup={WARMUP} />);
    expect(container.querySelector('[data-widget="training-dashboard"]')?.getAttribute("data-mode")).toBe(
      "main-thread",
    );
    await waitFor(() => expect(readout(container, "step")).toBe(`${WARMUP} of 400`), { timeout: 20_000 });
    expect(readout(container, "train-loss")).toBe(summary.trainLoss);
    expect(readout(container, "test-loss")).toBe(summary.testLoss);
    await waitFor(() =>
      expect(container.querySelector('[data-chart="grads"] .chart-live svg')).not.toBeNull(),
    );
    expect(container.querySelector('[data-table="layers"] caption')?.textContent).toBe(
      `Per layer at step ${WARMUP}`,
    );
    expect(container.querySelectorAll('[data-table="layers"] tbody tr')).toHaveLength(
      PRESETS.healthy.knobs.depth + 1,
    );
  });

  it("a preset starts a new run; scrubbing moves the table; reset replays the same numbers", async () => {
    const { container } = render(<TrainingDashboard initial={{ preset: "healthy" }} warmup={WARMUP} />);
    await waitFor(() => expect(readout(container, "step")).toBe(`${WARMUP} of 400`), { timeout: 20_000 });
    const healthyLoss = readout(container, "train-loss");
    fireEvent.click(
      container.querySelector<HTMLInputElement>('[data-control="preset"] input[value="dyingRelu"]')!,
    );
    await waitFor(() => expect(readout(container, "step")).toBe(`${WARMUP} of 400`), { timeout: 20_000 });
    expect(readout(container, "train-loss")).toBe(
      staticRun(PRESETS.dyingRelu.knobs, WARMUP).summary.trainLoss,
    );
    expect(readout(container, "train-loss")).not.toBe(healthyLoss);
    const scrub = container.querySelector<HTMLInputElement>('[data-control="scrub"] input[type="number"]')!;
    fireEvent.change(scrub, { target: { value: "5" } });
    // The recorded points are steps 1, 2, 4, ...: step 5 shows the point at step 4.
    expect(container.querySelector('[data-table="layers"] caption')?.textContent).toBe("Per layer at step 4");
    const before = readout(container, "train-loss");
    fireEvent.click(container.querySelector<HTMLButtonElement>('[data-action="reset"]')!);
    await waitFor(() => expect(readout(container, "step")).toBe(`${WARMUP} of 400`), { timeout: 20_000 });
    expect(readout(container, "train-loss")).toBe(before);
    expect(container.querySelector('[data-table="layers"] caption')?.textContent).toBe(
      `Per layer at step ${WARMUP}`,
    );
  });

  it("changing a knob makes the run custom; out-of-range state is clamped by the parser", async () => {
    const { container } = render(
      <TrainingDashboard
        initial={{ preset: "custom", knobs: { ...PRESETS.healthy.knobs, depth: 999, lr: -4 } }}
        warmup={WARMUP}
      />,
    );
    const depth = container.querySelector<HTMLInputElement>('[data-control="depth"] input[type="number"]')!;
    expect(depth.value).toBe("16");
    expect(container.querySelector<HTMLInputElement>('[data-control="lr"] input[type="number"]')!.value).toBe(
      "0.01",
    );
    fireEvent.change(depth, { target: { value: "2" } });
    await waitFor(
      () => expect(container.querySelectorAll('[data-table="layers"] tbody tr')).toHaveLength(3),
      {
        timeout: 20_000,
      },
    );
  });

  it("mystery mode hides the knobs and the findings", () => {
    const { container } = render(<TrainingDashboard initial={{ preset: "vanishing" }} warmup={0} mystery />);
    expect(container.querySelector('[data-control="preset"]')).toBeNull();
    expect(container.querySelector("[data-finding]")).toBeNull();
    expect(container.textContent).toContain("diagnose the run yourself");
  });
});
