// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { firstToLastHidden, toExperimentConfig } from "../../src/components/widgets/layer-speed/config";
import LayerSpeed from "../../src/components/widgets/layer-speed/LayerSpeed";
import { fmt } from "../../src/components/widgets/neuron-stepper/format";
import { createSession } from "../../src/components/widgets/training/session";

afterEach(cleanup);

const readout = (root: ParentNode, name: string) =>
  root.querySelector(`[data-readout="${name}"] dd`)?.textContent ?? null;

/** The first step's ratio as the core computes it in Node, for comparison with the widget. */
function firstRatio(knobs: Parameters<typeof toExperimentConfig>[0]): string {
  const s = createSession(toExperimentConfig(knobs));
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
});
