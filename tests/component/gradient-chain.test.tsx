// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { parseChainConfig } from "../../src/components/widgets/gradient-chain/config";
import GradientChain from "../../src/components/widgets/gradient-chain/GradientChain";
import { fmt } from "../../src/components/widgets/neuron-stepper/format";
import { chainGradients, firstToLastRatio, productBound, uniformChain } from "../../src/lib/chain";

afterEach(cleanup);

const readout = (root: ParentNode, name: string) =>
  root.querySelector(`[data-readout="${name}"] dd`)?.textContent ?? null;
const rows = (root: ParentNode) => root.querySelectorAll('[data-readout="factors"] tbody tr');
const numberBox = (root: ParentNode, name: string) =>
  root.querySelector<HTMLInputElement>(`[data-control="${name}"] input[type="number"]`)!;
const slider = (root: ParentNode, name: string) =>
  root.querySelector<HTMLInputElement>(`[data-control="${name}"] input[type="range"]`)!;

describe("gradient chain", () => {
  it("shows one table row per layer and the core's first-to-last ratio", () => {
    const { container } = render(<GradientChain />);
    expect(container.querySelector('[data-widget="gradient-chain"]')).not.toBeNull();
    expect(rows(container)).toHaveLength(10);
    const r = chainGradients(uniformChain(10, 1, 0, 1, 1, "sigmoid"));
    expect(readout(container, "ratio")).toBe(fmt(firstToLastRatio(r)));
    expect(readout(container, "bound")).toBe(fmt(productBound(10, 1, "sigmoid")));
    expect(container.querySelector('[data-layer="3"] [data-col="factor"]')?.textContent).toBe(
      fmt(r.layers[2]?.factor as number),
    );
    expect(container.querySelector('[data-readout="regime"]')?.getAttribute("data-regime")).toBe("vanishing");
    expect(container.querySelector('[data-chart="gradient-chain"] .chart-live svg')).not.toBeNull();
  });

  it("depth and weight controls recompute; reset restores", () => {
    const { container } = render(<GradientChain />);
    fireEvent.input(slider(container, "depth"), { target: { value: "25" } });
    expect(rows(container)).toHaveLength(25);
    fireEvent.change(numberBox(container, "w"), { target: { value: "0.5" } });
    const r = chainGradients(uniformChain(25, 0.5, 0, 1, 1, "sigmoid"));
    expect(readout(container, "ratio")).toBe(fmt(firstToLastRatio(r)));
    fireEvent.click(container.querySelector<HTMLButtonElement>('[data-action="reset"]')!);
    expect(rows(container)).toHaveLength(10);
    expect(numberBox(container, "w").value).toBe("1");
  });

  it("the exploding preset shows factors of exactly 2 and an exploding regime; tanh vanishes more slowly", () => {
    const { container } = render(<GradientChain />);
    fireEvent.click(container.querySelector<HTMLButtonElement>('[data-preset="exploding"]')!);
    expect(container.querySelector('[data-layer="5"] [data-col="factor"]')?.textContent).toBe("2");
    expect(readout(container, "ratio")).toBe("2048");
    expect(container.querySelector('[data-readout="regime"]')?.getAttribute("data-regime")).toBe("exploding");
    fireEvent.click(container.querySelector<HTMLButtonElement>('[data-preset="tanh"]')!);
    const t = firstToLastRatio(chainGradients(uniformChain(10, 1, 0, 1, 1, "tanh")));
    expect(readout(container, "ratio")).toBe(fmt(t));
  });

  it("w = 0 cuts the chain with a message instead of a broken chart", () => {
    const { container } = render(<GradientChain initial={{ w: 0 }} />);
    expect(container.querySelector('[data-readout="regime"]')?.getAttribute("data-regime")).toBe("cut");
    expect(container.querySelector('[data-readout="regime"]')?.textContent).toContain("cuts the chain");
    expect(container.textContent).not.toContain("NaN");
  });

  it("validates configs: junk falls back, numbers are clamped, depth is an integer", () => {
    expect(parseChainConfig({ depth: "99", w: "abc", activation: "relu" })).toEqual({
      depth: 30,
      w: 1,
      b: 0,
      x: 1,
      activation: "sigmoid",
    });
    expect(parseChainConfig({ depth: 2.6 }).depth).toBe(3);
  });
});
