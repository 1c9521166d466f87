// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from "@testing-library/preact";
import { renderToString } from "preact-render-to-string";
import { afterEach, describe, expect, it } from "vitest";
import Exercise from "../../src/components/Exercise";
import { checkNumericAnswer, isCloseEnough, parseAnswerInput } from "../../src/components/exercise-check";
import { sigmoidPrime } from "../../src/lib/activations";

afterEach(cleanup);

describe("parseAnswerInput", () => {
  it.each([
    ["0.25", 0.25],
    [" 1/4 ", 0.25],
    ["−0.5", -0.5],
    ["2.5e-3", 0.0025],
    ["1,5", 1.5],
    [".5", 0.5],
    ["9.765625E-4", 9.765625e-4],
  ])("reads %j as %d", (raw, v) => {
    expect(parseAnswerInput(raw)).toBeCloseTo(v, 12);
  });
  it.each(["", "abc", "1/0", "0.2.5", "1e", "--1", "0x10"])("rejects %j", (raw) => {
    expect(parseAnswerInput(raw)).toBeNull();
  });
});

describe("tolerance", () => {
  it("defaults to 1 % relative, and an absolute tolerance widens it", () => {
    expect(isCloseEnough(0.2524, 0.25)).toBe(true);
    expect(isCloseEnough(0.2524, 0.25, { abs: 0.001 })).toBe(false); // an explicit abs stands alone
    expect(isCloseEnough(0.253, 0.25)).toBe(false);
    expect(isCloseEnough(0.105, sigmoidPrime(2), { abs: 0.0006 })).toBe(true);
    expect(isCloseEnough(0.11, sigmoidPrime(2), { abs: 0.0006 })).toBe(false);
  });
  it("classifies empty, unreadable, wrong and right answers", () => {
    expect(checkNumericAnswer("  ", 1)).toBe("empty");
    expect(checkNumericAnswer("one", 1)).toBe("unreadable");
    expect(checkNumericAnswer("2", 1)).toBe("incorrect");
    expect(checkNumericAnswer("1/1", 1)).toBe("correct");
  });
});

describe("<Exercise> check island", () => {
  const feedback = (root: ParentNode) => root.querySelector('[data-readout="feedback"]')?.textContent;

  it("checks a typed number against the build-time answer, with feedback", () => {
    const { container } = render(
      <Exercise kind="number" answer={sigmoidPrime(2)} tolerance={{ abs: 0.0006 }} />,
    );
    const input = container.querySelector<HTMLInputElement>('input[type="text"]')!;
    const form = container.querySelector("form")!;
    fireEvent.input(input, { target: { value: "0.2" } });
    fireEvent.submit(form);
    expect(form.getAttribute("data-result")).toBe("incorrect");
    fireEvent.input(input, { target: { value: "0.105" } });
    expect(form.getAttribute("data-result")).toBeNull(); // editing clears the verdict
    fireEvent.submit(form);
    expect(form.getAttribute("data-result")).toBe("correct");
    expect(feedback(container)).toBe("Correct.");
    expect(container.querySelector("[aria-live=polite]")).not.toBeNull();
  });

  it("checks a picked option", () => {
    const { container } = render(<Exercise kind="choice" options={["a", "b", "c"]} answer="b" />);
    const form = container.querySelector("form")!;
    fireEvent.submit(form);
    expect(form.getAttribute("data-result")).toBe("empty");
    fireEvent.click(container.querySelector<HTMLInputElement>('input[value="c"]')!);
    fireEvent.submit(form);
    expect(form.getAttribute("data-result")).toBe("incorrect");
    fireEvent.click(container.querySelector<HTMLInputElement>('input[value="b"]')!);
    fireEvent.submit(form);
    expect(form.getAttribute("data-result")).toBe("correct");
  });

  it("without JavaScript the form is disabled and says where the answer is", () => {
    const html = renderToString(<Exercise kind="number" answer={1} />);
    expect(html).toMatch(/<fieldset[^>]*disabled/);
    expect(html).toContain("the answer is below");
  });
});
