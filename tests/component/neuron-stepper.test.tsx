// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseStepperConfig } from "../../src/components/widgets/neuron-stepper/config";
import { fmt } from "../../src/components/widgets/neuron-stepper/format";
import NeuronStepper from "../../src/components/widgets/neuron-stepper/NeuronStepper";
import { neuronStep, trainNeuron } from "../../src/lib/neuron";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const readout = (root: ParentNode, name: string) =>
  root.querySelector(`[data-readout="${name}"] dd`)?.textContent ?? null;
const factor = (root: ParentNode, name: string) =>
  root.querySelector(`[data-factor="${name}"] td:last-child`)?.textContent ?? null;
const button = (root: ParentNode, action: string) =>
  root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
const numberBox = (root: ParentNode, name: string) =>
  root.querySelector<HTMLInputElement>(`[data-control="${name}"] input[type="number"]`)!;

describe("neuron stepper", () => {
  it("shows the worked example's next update, computed by the core", () => {
    const { container } = render(<NeuronStepper />);
    expect(container.querySelector('[data-widget="neuron-stepper"]')).not.toBeNull();
    const s = neuronStep({ w: 0.5, b: 0 }, { x: 2, target: 0, eta: 1, loss: "squared" });
    expect(readout(container, "steps")).toBe("0");
    expect(factor(container, "sigmaPrime")).toBe(fmt(s.sigmaPrime, 4));
    expect(factor(container, "dLdw")).toBe(fmt(s.dLdw, 4));
    expect(factor(container, "wNext")).toBe(fmt(s.wNext, 6));
    // the MathML line carries the same numbers
    expect(container.querySelector('[data-readout="chain"]')?.textContent).toContain(fmt(s.dLdw));
    expect(container.querySelector('[data-chart="loss-trace"] .chart-live svg')).not.toBeNull();
    expect(container.querySelector('[data-chart="loss-surface"] .chart-live svg')).not.toBeNull();
  });

  it("one step moves to the new (w, b); reset restores the start", () => {
    const { container } = render(<NeuronStepper />);
    const [s1, s2] = trainNeuron({ w: 0.5, b: 0 }, { x: 2, target: 0, eta: 1, loss: "squared" }, 2);
    fireEvent.click(button(container, "step"));
    expect(readout(container, "steps")).toBe("1");
    expect(readout(container, "w")).toBe(fmt(s1?.wNext as number, 6));
    expect(factor(container, "dLdw")).toBe(fmt(s2?.dLdw as number, 4));
    fireEvent.click(button(container, "reset"));
    expect(readout(container, "steps")).toBe("0");
    expect(readout(container, "w")).toBe("0.5");
  });

  it("the saturated preset crawls under squared error; the cross-entropy switch cancels σ′", () => {
    const { container } = render(<NeuronStepper />);
    fireEvent.click(container.querySelector<HTMLButtonElement>('[data-preset="saturated"]')!);
    const sq = neuronStep({ w: 6, b: 0 }, { x: 2, target: 0, eta: 1, loss: "squared" });
    expect(factor(container, "dLdw")).toBe(fmt(sq.dLdw, 4));
    expect(Math.abs(sq.dLdw)).toBeLessThan(1e-4);
    fireEvent.click(
      container.querySelector<HTMLInputElement>('[data-control="loss"] input[value="crossEntropy"]')!,
    );
    const ce = neuronStep({ w: 6, b: 0 }, { x: 2, target: 0, eta: 1, loss: "crossEntropy" });
    expect(factor(container, "dLdw")).toBe(fmt(ce.dLdw, 4));
    expect(ce.dLdw).toBeGreaterThan(1.9);
  });

  it("play advances by the chosen steps per tick, pause stops", () => {
    vi.useFakeTimers();
    const { container } = render(<NeuronStepper initial={parseStepperConfig({ w0: 6, x: 2, target: 0 })} />);
    fireEvent.click(container.querySelector<HTMLInputElement>('[data-control="speed"] input[value="100"]')!);
    fireEvent.click(button(container, "play"));
    act(() => {
      vi.advanceTimersByTime(120 * 3);
    });
    expect(readout(container, "steps")).toBe("300");
    fireEvent.click(button(container, "play"));
    act(() => {
      vi.advanceTimersByTime(120 * 5);
    });
    expect(readout(container, "steps")).toBe("300");
  });

  it("absurd typed values are clamped, and the largest η still gives finite readouts", () => {
    const { container } = render(
      <NeuronStepper initial={{ w0: 0, b0: 0, x: 4, target: 1, eta: 50, loss: "crossEntropy" }} />,
    );
    for (let i = 0; i < 50; i++) fireEvent.click(button(container, "step"));
    // Step 1 jumps to w = 100, b = 25; then z = 425 and σ(z) rounds to exactly 1 = y, so the
    // gradient is exactly 0 and the widget says so instead of stepping on.
    expect(readout(container, "steps")).toBe("2");
    expect(container.querySelector('[data-readout="status"]')?.textContent).toContain("exactly zero");
    fireEvent.change(numberBox(container, "eta"), { target: { value: "1e9" } });
    expect((numberBox(container, "eta") as HTMLInputElement).value).toBe("50");
    expect(container.textContent).not.toContain("NaN");
  });
});
