// @vitest-environment happy-dom
/**
 * <RnnGradients>: readouts from the core's profile, T recomputes it (lazily loaded), Step trains
 * all three cells on the main-thread fallback, Reset restores the widget as it loaded, and the
 * server-rendered (no-JS) HTML keeps the static figures and disables the controls.
 */
import { act, cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import renderToString from "preact-render-to-string";
import { afterEach, describe, expect, it } from "vitest";
import { fmt } from "../../src/components/widgets/neuron-stepper/format";
import { profileView } from "../../src/components/widgets/rnn-gradients/profile-data";
import RnnGradients from "../../src/components/widgets/rnn-gradients/RnnGradients";

afterEach(cleanup);

const readout = (root: ParentNode, name: string) =>
  root.querySelector(`[data-readout="${name}"] dd`)?.textContent ?? null;
const numberBox = (root: ParentNode) =>
  root.querySelector<HTMLInputElement>('[data-control="T"] input[type="number"]')!;
const view20 = profileView(20);
const survival = (T: number, cell: string) => profileView(T).cells.find((c) => c.cell === cell)!.survival;
const staticFinal = { rnn: 0.17, lstm: 0.003, gru: 0.0005 };

describe("rnn-gradients widget", () => {
  it("shows the profile's numbers and the static training result", () => {
    const { container } = render(
      <RnnGradients initialView={view20} staticFinal={staticFinal} worker={false} stepSize={5} />,
    );
    expect(container.querySelector('[data-widget="rnn-gradients"]')?.getAttribute("data-t")).toBe("20");
    expect(readout(container, "survival-rnn")).toBe(fmt(survival(20, "rnn")));
    expect(readout(container, "survival-gru")).toBe(fmt(survival(20, "gru")));
    expect(readout(container, "mse-rnn")).toBe(fmt(0.17));
    expect(readout(container, "step")).toBe("400 of 400");
    expect(container.querySelector('[data-chart="rnn-profile"] svg')).not.toBeNull();
  });

  it("a new T recomputes the profile and clears the static result; reset restores", async () => {
    const { container } = render(
      <RnnGradients initialView={view20} staticFinal={staticFinal} worker={false} stepSize={5} />,
    );
    fireEvent.change(numberBox(container), { target: { value: "40" } });
    await waitFor(() => expect(readout(container, "survival-rnn")).toBe(fmt(survival(40, "rnn"))), {
      timeout: 10_000,
    });
    expect(readout(container, "mse-rnn")).toBe("not trained yet");
    expect(readout(container, "step")).toBe("0 of 400");
    act(() => {
      (container.querySelector('[data-action="reset"]') as HTMLButtonElement).click();
    });
    await waitFor(() => expect(readout(container, "survival-rnn")).toBe(fmt(survival(20, "rnn"))));
    expect(readout(container, "mse-rnn")).toBe(fmt(0.17));
    expect(numberBox(container).value).toBe("20");
  });

  it("Step trains all three cells by the step size", { timeout: 60_000 }, async () => {
    const { container } = render(
      <RnnGradients initialView={view20} staticFinal={staticFinal} worker={false} stepSize={5} />,
    );
    act(() => {
      (container.querySelector('[data-action="step"]') as HTMLButtonElement).click();
    });
    await waitFor(() => expect(readout(container, "step")).toBe("5 of 400"), { timeout: 50_000 });
    for (const cell of ["rnn", "lstm", "gru"])
      expect(readout(container, `mse-${cell}`)).not.toBe("not trained yet");
    expect(container.querySelector('[data-chart="rnn-loss"] svg')).not.toBeNull();
  });

  it("without JavaScript: static figures present, controls disabled", () => {
    const html = renderToString(
      <RnnGradients initialView={view20} staticFinal={staticFinal}>
        <svg data-static="profile" />
      </RnnGradients>,
    );
    expect(html).toContain('data-static="profile"');
    expect(html).toMatch(/<input[^>]*type="range"[^>]*disabled/);
    expect(html).toMatch(/data-action="play"[^>]*disabled/);
  });
});
