// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from "@testing-library/preact";
import { renderToString } from "preact-render-to-string";
import { afterEach, describe, expect, it } from "vitest";
import ActivationExplorer from "../../src/components/widgets/activation-explorer/ActivationExplorer";
import { parseExplorerConfig } from "../../src/components/widgets/activation-explorer/config";
import { formatNumberProse as formatNumber } from "../../src/components/widgets/common/format";
import { ACTIVATIONS, sigmoid, sigmoidPrime, tanhPrime } from "../../src/lib/activations";

afterEach(cleanup);

const readout = (root: ParentNode, name: string) =>
  root.querySelector(`[data-readout="${name}"] dd`)?.textContent ?? null;
const slider = (root: ParentNode, name: string) =>
  root.querySelector<HTMLInputElement>(`[data-control="${name}"] input[type="range"]`)!;
const numberBox = (root: ParentNode, name: string) =>
  root.querySelector<HTMLInputElement>(`[data-control="${name}"] input[type="number"]`)!;
const radio = (root: ParentNode, value: string) =>
  root.querySelector<HTMLInputElement>(`[data-control="activation"] input[value="${value}"]`)!;

describe("activation explorer", () => {
  it("renders its root with data-widget and readouts computed by the core", () => {
    const { container } = render(<ActivationExplorer initial={{ x: 2 }} />);
    const root = container.querySelector('[data-widget="activation-explorer"]');
    expect(root).not.toBeNull();
    expect(readout(container, "x")).toBe("2");
    expect(readout(container, "f")).toBe(formatNumber(sigmoid(2)));
    expect(readout(container, "df")).toBe(formatNumber(sigmoidPrime(2)));
    // The live chart replaced the (absent) static one.
    expect(container.querySelector('[data-chart="activation"] .chart-live svg')).not.toBeNull();
  });

  it("moving x with the slider (what its arrow keys do) or the number box updates the readouts", () => {
    const { container } = render(<ActivationExplorer initial={{ x: 0 }} />);
    expect(readout(container, "df")).toBe("0.25");
    fireEvent.input(slider(container, "x"), { target: { value: "0.1" } });
    expect(readout(container, "x")).toBe("0.1");
    expect(readout(container, "df")).toBe(formatNumber(sigmoidPrime(0.1)));
    fireEvent.change(numberBox(container, "x"), { target: { value: "-4" } });
    expect(readout(container, "x")).toBe("−4");
    expect(readout(container, "df")).toBe(formatNumber(sigmoidPrime(-4)));
    expect(readout(container, "saturated")).toBe("yes");
  });

  it("clamps typed values into range and ignores junk", () => {
    const { container } = render(<ActivationExplorer initial={{ x: 1 }} />);
    fireEvent.change(numberBox(container, "x"), { target: { value: "1e9" } });
    expect(readout(container, "x")).toBe("8");
    fireEvent.change(numberBox(container, "x"), { target: { value: "abc" } });
    expect(readout(container, "x")).toBe("8");
  });

  it("switches activation: tanh, ReLU and leaky ReLU readouts come from the core", () => {
    const { container } = render(<ActivationExplorer initial={{ x: -1 }} />);
    fireEvent.click(radio(container, "tanh"));
    expect(readout(container, "f")).toBe(formatNumber(Math.tanh(-1)));
    expect(readout(container, "df")).toBe(formatNumber(tanhPrime(-1)));
    fireEvent.click(radio(container, "relu"));
    expect(readout(container, "f")).toBe("0");
    expect(readout(container, "df")).toBe("0");
    fireEvent.click(radio(container, "leakyRelu"));
    expect(readout(container, "df")).toBe(formatNumber(ACTIVATIONS.leakyRelu.df(-1, -0.01)));
    expect(container.querySelector("svg")?.getAttribute("aria-label")).toContain("leaky ReLU(x)");
  });

  it("the threshold moves the saturation band and its description", () => {
    const { container } = render(<ActivationExplorer initial={{ x: 3, threshold: 0.05 }} />);
    expect(readout(container, "saturated")).toBe("yes");
    const band = () => container.querySelector('[data-readout="band"]')?.textContent;
    const before = band();
    fireEvent.input(slider(container, "threshold"), { target: { value: "0.01" } });
    expect(readout(container, "saturated")).toBe("no");
    expect(band()).not.toBe(before);
    expect(band()).toMatch(/x ≤ −4\.\d+ and x ≥ 4\.\d+/);
  });

  it("reset restores the initial state after several changes", () => {
    const { container } = render(
      <ActivationExplorer initial={{ x: 1.5, activation: "sigmoid", threshold: 0.05 }} />,
    );
    const snapshot = () => ["x", "f", "df", "saturated"].map((n) => readout(container, n));
    const initial = snapshot();
    fireEvent.click(radio(container, "tanh"));
    fireEvent.input(slider(container, "x"), { target: { value: "-3" } });
    fireEvent.input(slider(container, "threshold"), { target: { value: "0.2" } });
    expect(snapshot()).not.toEqual(initial);
    fireEvent.click(container.querySelector<HTMLButtonElement>('[data-action="reset"]')!);
    expect(snapshot()).toEqual(initial);
    expect(radio(container, "sigmoid").checked).toBe(true);
    expect(slider(container, "x").value).toBe("1.5");
  });

  it("server render (no JavaScript): shows the static chart passed as children, with controls disabled", () => {
    const html = renderToString(
      <ActivationExplorer initial={{ x: 1 }}>
        <svg data-static="yes" />
      </ActivationExplorer>,
    );
    expect(html).toContain('data-static="yes"');
    expect(html).toContain('data-widget="activation-explorer"');
    expect(html).toMatch(/<input[^>]*type="range"[^>]*disabled/);
    // Readouts are there as text even without JavaScript.
    expect(html).toContain(formatNumber(sigmoidPrime(1)));
  });
});

describe("parseExplorerConfig", () => {
  it("validates field by field: unknown activations, NaN and out-of-range values fall back or clamp", () => {
    expect(parseExplorerConfig({ activation: "softmax", x: "NaN", threshold: 99 })).toEqual({
      activation: "sigmoid",
      x: 1.5,
      threshold: 0.2,
    });
    expect(parseExplorerConfig({ activation: "tanh", x: "-2.34", threshold: 0.0004 })).toEqual({
      activation: "tanh",
      x: -2.3,
      threshold: 0.001,
    });
    expect(parseExplorerConfig(null)).toEqual(parseExplorerConfig({}));
  });
});

describe("number formatting", () => {
  it("reads naturally: significant figures, true minus, × 10ⁿ for tiny values, words for NaN", async () => {
    const { formatNumber: plain, formatNumberProse } = await import(
      "../../src/components/widgets/common/format"
    );
    expect(plain(0.25)).toBe("0.25");
    expect(plain(-0.017662)).toBe("−0.01766");
    expect(plain(3.3536e-4)).toBe("3.354e-4");
    expect(formatNumberProse(3.3536e-4)).toBe("3.354 × 10⁻⁴");
    expect(formatNumberProse(-2.5e7, 2)).toBe("−2.5 × 10⁷");
    expect(plain(Number.NaN)).toBe("not a number");
    expect(plain(Number.NEGATIVE_INFINITY)).toBe("−∞");
  });
});
