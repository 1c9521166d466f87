// @vitest-environment happy-dom
/**
 * Links with a step count (ShareState `step`, useStepLink, useTrainingRun.restartAt): a link
 * "at step N" trains the opened config from its seed to exactly N and pauses, showing the
 * numbers the core computes for N steps in Node; the share row offers the current step and
 * writes it only when asked; a link without a step opens as before (the warm-up).
 */
import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { encodeState } from "../../src/components/widgets/common/url-state";
import { parseDashboardConfig } from "../../src/components/widgets/training-dashboard/config";
import { staticRun } from "../../src/components/widgets/training-dashboard/static-run";
import TrainingDashboard from "../../src/components/widgets/training-dashboard/TrainingDashboard";

beforeEach(() => vi.stubGlobal("Worker", undefined));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

const readout = (root: ParentNode, name: string) =>
  root.querySelector(`[data-readout="${name}"] dd`)?.textContent ?? null;
const shareLink = (root: ParentNode) =>
  root.querySelector("[data-share-link]")?.getAttribute("data-share-link") ?? "";
const WARMUP = 20;
const config = parseDashboardConfig({
  preset: "custom",
  knobs: { depth: 3, activation: "tanh", init: "glorotNormal", initScale: 1, lr: 0.3, seed: 7 },
});

function dashboard() {
  return render(
    <figure id="fig-d">
      <TrainingDashboard initial={{ preset: "vanishing" }} warmup={WARMUP} />
    </figure>,
  );
}

describe("a link with a step count", () => {
  it("trains the linked config to exactly that step (not the warm-up) and pauses with the core's numbers", async () => {
    const step = 37;
    const state = encodeState(config, 1, step);
    window.history.replaceState(null, "", `/chapters/04-spotting/?fig-d=${state}`);
    const { container } = dashboard();
    await waitFor(() => expect(readout(container, "step")).toBe(`${step} of 400`), { timeout: 20_000 });
    await waitFor(() => expect(readout(container, "status")).toBe("paused"));
    const node = staticRun(config.knobs, step).summary;
    expect(readout(container, "train-loss")).toBe(node.trainLoss);
    expect(readout(container, "test-loss")).toBe(node.testLoss);
    expect(readout(container, "accuracy")).toBe(node.accuracy);
    // It stays there: nothing trains on after the step was reached.
    await new Promise((r) => setTimeout(r, 300));
    expect(readout(container, "step")).toBe(`${step} of 400`);
    // The link it offers is the one it was opened with (the step box is ticked).
    const box = container.querySelector<HTMLInputElement>("[data-share-step]")!;
    expect(box.checked).toBe(true);
    expect(new URL(shareLink(container)).searchParams.get("fig-d")).toBe(state);
    expect(container.querySelector("[data-url-state-notice]")).toBeNull();
  });

  it("a v1 link without a step opens the config with the usual warm-up", async () => {
    window.history.replaceState(null, "", `/chapters/04-spotting/?fig-d=${encodeState(config)}`);
    const { container } = dashboard();
    await waitFor(() => expect(readout(container, "step")).toBe(`${WARMUP} of 400`), { timeout: 20_000 });
    expect(readout(container, "train-loss")).toBe(staticRun(config.knobs, WARMUP).summary.trainLoss);
    expect(container.querySelector<HTMLInputElement>("[data-share-step]")!.checked).toBe(false);
    expect(new URL(shareLink(container)).searchParams.get("fig-d")).toBe(encodeState(config));
  });

  it("the share row offers the current step and adds it to the link only when ticked", async () => {
    const { container } = dashboard();
    await waitFor(() => expect(readout(container, "step")).toBe(`${WARMUP} of 400`), { timeout: 20_000 });
    const box = container.querySelector<HTMLInputElement>("[data-share-step]")!;
    expect(box.closest("label")?.textContent).toContain(`Include the current step (${WARMUP})`);
    expect(shareLink(container)).not.toMatch(/\.s\d+/);
    fireEvent.click(box);
    await waitFor(() => expect(new URL(shareLink(container)).searchParams.get("fig-d")).toMatch(/\.s20$/));
    fireEvent.click(box);
    await waitFor(() => expect(shareLink(container)).not.toMatch(/\.s\d+/));
  });
});
