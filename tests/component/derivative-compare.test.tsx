// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { formatNumber } from "../../src/components/widgets/common/format";
import DerivativeCompare, {
  parseShown,
} from "../../src/components/widgets/derivative-compare/DerivativeCompare";
import { sigmoidPrime, tanhPrime } from "../../src/lib/activations";

afterEach(cleanup);

describe("derivative comparison", () => {
  it("draws the shown derivatives and tabulates f'(x) from the core", () => {
    const { container } = render(<DerivativeCompare />);
    expect(container.querySelector('[data-widget="derivative-compare"]')).not.toBeNull();
    const rows = [...container.querySelectorAll("tbody tr")].map((r) => r.querySelector("th")?.textContent);
    expect(rows).toEqual(["sigmoid′", "tanh′", "ReLU′", "leaky ReLU′"]);
    const sigmoidRow = [...container.querySelectorAll("tbody tr")[0]!.querySelectorAll("td")].map(
      (td) => td.textContent,
    );
    expect(sigmoidRow).toEqual([-4, -2, 0, 2, 4].map((x) => formatNumber(sigmoidPrime(x), 3)));
    const tanhAt2 = container.querySelectorAll("tbody tr")[1]!.querySelectorAll("td")[3]!.textContent;
    expect(tanhAt2).toBe(formatNumber(tanhPrime(2), 3));
  });

  it("the legend checkboxes hide and show curves (chart and table follow)", () => {
    const { container } = render(<DerivativeCompare />);
    const box = (name: string) => container.querySelector<HTMLInputElement>(`input[value="${name}"]`)!;
    const label = () => container.querySelector(".chart-live svg")?.getAttribute("aria-label") ?? "";
    expect(label()).toContain("tanh");
    fireEvent.click(box("tanh"));
    expect(box("tanh").checked).toBe(false);
    expect(label()).not.toContain("tanh");
    expect(container.querySelectorAll("tbody tr")).toHaveLength(3);
    fireEvent.click(box("softsign"));
    expect(label()).toContain("softsign");
    expect(container.querySelectorAll("tbody tr")).toHaveLength(4);
  });

  it("parseShown keeps known names in canonical order and drops junk", () => {
    expect(parseShown(["relu", "nope", "sigmoid", "relu"])).toEqual(["sigmoid", "relu"]);
    expect(parseShown("sigmoid")).toEqual([]);
  });
});
