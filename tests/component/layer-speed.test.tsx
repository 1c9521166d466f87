// @vitest-environment happy-dom

import { readFileSync } from "node:fs";
import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MNIST_ASSET_FILE } from "../../scripts/load-mnist";
import { firstToLastHidden, toExperimentConfig } from "../../src/components/widgets/layer-speed/config";
import LayerSpeed from "../../src/components/widgets/layer-speed/LayerSpeed";
import { fmt } from "../../src/components/widgets/neuron-stepper/format";
import { createSession } from "../../src/components/widgets/training/session";
import { staticMnist } from "../../src/components/widgets/training/static-mnist";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const readout = (root: ParentNode, name: string) =>
  root.querySelector(`[data-readout="${name}"] dd`)?.textContent ?? null;

/** The first step's ratio as the core computes it in Node, for comparison with the widget. */
function firstRatio(knobs: Parameters<typeof toExperimentConfig>[0]): string {
  const s = createSession(toExperimentConfig(knobs), knobs.dataset === "mnist" ? staticMnist() : undefined);
  s.advance({ maxSteps: 1 });
  return fmt(firstToLastHidden(s.points[0], knobs.depth));
}

describe("layer speed (main-thread trainer)", () => {
  it("trains the warm-up step, steps on request, restarts on a new knob and resets", async () => {
    const { container } = render(<LayerSpeed worker={false} />);
    expect(container.querySelector('[data-widget="layer-speed"]')).not.toBeNull();
    await waitFor(() => expect(readout(container, "steps")).toBe("1 of 300"), { timeout: 10_000 });
    const defaults = {
      dataset: "moons",
      depth: 5,
      width: 16,
      activation: "sigmoid",
      init: "glorotUniform",
    } as const;
    expect(readout(container, "ratio-first")).toBe(firstRatio(defaults));

    fireEvent.click(container.querySelector<HTMLButtonElement>('[data-action="step"]')!);
    await waitFor(() => expect(readout(container, "steps")).toBe("11 of 300"), { timeout: 10_000 });

    fireEvent.click(
      container.querySelector<HTMLInputElement>('[data-control="activation"] input[value="tanh"]')!,
    );
    await waitFor(() => expect(readout(container, "steps")).toBe("1 of 300"), { timeout: 10_000 });
    expect(readout(container, "ratio-first")).toBe(firstRatio({ ...defaults, activation: "tanh" }));

    fireEvent.click(container.querySelector<HTMLButtonElement>('[data-action="reset"]')!);
    await waitFor(() => expect(readout(container, "ratio-first")).toBe(firstRatio(defaults)), {
      timeout: 10_000,
    });
    expect(container.querySelector('[data-chart="layer-profile"] .chart-live svg')).not.toBeNull();
    expect(container.querySelector('[data-chart="layer-series"] .chart-live svg')).not.toBeNull();
  });

  it("MNIST: says it is loading, trains the first step on the fetched digits, and names a failed download", async () => {
    const file = new Uint8Array(readFileSync(MNIST_ASSET_FILE));
    let ok = false;
    const fetchMock = vi.fn(async () => ({
      ok,
      status: ok ? 200 : 404,
      statusText: ok ? "OK" : "Not Found",
      arrayBuffer: async () => file.slice().buffer,
    }));
    vi.stubGlobal("fetch", fetchMock);
    const { container } = render(<LayerSpeed worker={false} />);
    await waitFor(() => expect(readout(container, "steps")).toBe("1 of 300"), { timeout: 10_000 });
    const mnist = container.querySelector<HTMLInputElement>('[data-control="dataset"] input[value="mnist"]')!;
    expect(mnist.closest("label")?.textContent).toContain("MNIST digits");

    // The server does not have the file: the widget says what happened, no exception.
    fireEvent.click(mnist);
    await waitFor(() =>
      expect(container.querySelector('[data-readout="status"]')?.textContent).toBe(
        "Training stopped: Could not load the MNIST subset from /data/mnist-subset.bin: the server answered HTTP 404 Not Found. Check the connection and try again.",
      ),
    );
    expect(container.querySelector('[data-readout="loading"]')).toBeNull();
    expect(readout(container, "ratio-first")).toBe("–");

    // Back to moons, then MNIST again with the file there: loading, then the core's numbers.
    ok = true;
    fireEvent.click(
      container.querySelector<HTMLInputElement>('[data-control="dataset"] input[value="moons"]')!,
    );
    await waitFor(() => expect(readout(container, "steps")).toBe("1 of 300"), { timeout: 10_000 });
    fireEvent.click(mnist);
    expect(container.querySelector('[data-readout="loading"]')?.textContent).toBe(
      "Loading the MNIST subset (0.5 MB)…",
    );
    await waitFor(() => expect(readout(container, "steps")).toBe("1 of 300"), { timeout: 20_000 });
    expect(container.querySelector('[data-readout="loading"]')).toBeNull();
    expect(container.querySelector('[data-readout="status"]')).toBeNull();
    const knobs = {
      dataset: "mnist",
      depth: 5,
      width: 16,
      activation: "sigmoid",
      init: "glorotUniform",
    } as const;
    expect(readout(container, "ratio-first")).toBe(firstRatio(knobs));
    expect(readout(container, "accuracy")).toMatch(/^\d+\.\d%$/);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    // Six layers on the profile: five hidden and the output (redrawn in its turn, useQueuedDraw).
    const profileLayers = () =>
      /First step: (.*?)\. Latest step/
        .exec(
          container
            .querySelector('[data-chart="layer-profile"] .chart-live svg')
            ?.getAttribute("aria-label") ?? "",
        )?.[1]
        ?.split(", ");
    await waitFor(() => expect(profileLayers()).toHaveLength(6));
  });
});
