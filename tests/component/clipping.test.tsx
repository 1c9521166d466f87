// @vitest-environment happy-dom
/**
 * <Clipping>: the 2-D demo's readouts follow g and c (angles from the core's clip functions),
 * Step trains both runs on the main-thread fallback, Reset restores the widget as it loaded,
 * and the no-JS HTML keeps the static chart with disabled controls.
 */
import { act, cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import renderToString from "preact-render-to-string";
import { afterEach, describe, expect, it } from "vitest";
import Clipping from "../../src/components/widgets/clipping/Clipping";
import { clipDemoView } from "../../src/components/widgets/clipping/clip-demo";

afterEach(cleanup);

const readout = (root: ParentNode, name: string) =>
  root.querySelector(`[data-readout="${name}"] dd`)?.textContent ?? null;
const numberBox = (root: ParentNode, name: string) =>
  root.querySelector<HTMLInputElement>(`[data-control="${name}"] input[type="number"]`)!;
const staticStatus = {
  plain: { text: "diverged at step 4", largest: "1", shareClipped: "never", diverged: true },
  clipped: { text: "held-out loss 0.5", largest: "2", shareClipped: "50%", diverged: false },
};

describe("clipping widget", () => {
  it("shows the angles of the 2-D demo and updates them; reset restores", () => {
    const { container } = render(<Clipping staticStatus={staticStatus} worker={false} />);
    const v0 = clipDemoView({ x: 3, y: 0.5 }, 1);
    expect(readout(container, "value-angle")).toBe(`${v0.valueAngle.toFixed(1)}°`);
    expect(readout(container, "norm-angle")).toBe("0.0°");
    expect(readout(container, "plain")).toBe("diverged at step 4");
    fireEvent.change(numberBox(container, "g2"), { target: { value: "-2" } });
    const v1 = clipDemoView({ x: 3, y: -2 }, 1);
    expect(readout(container, "value-angle")).toBe(`${v1.valueAngle.toFixed(1)}°`);
    expect(readout(container, "norm-angle")).toBe("0.0°");
    // The demo does not touch the training runs: the static status stays.
    expect(readout(container, "plain")).toBe("diverged at step 4");
    act(() => {
      (container.querySelector('[data-action="reset"]') as HTMLButtonElement).click();
    });
    expect(numberBox(container, "g2").value).toBe("0.5");
  });

  it("Step trains both runs; the unclipped one diverges, the clipped one does not", {
    timeout: 60_000,
  }, async () => {
    const { container } = render(<Clipping staticStatus={staticStatus} worker={false} stepSize={10} />);
    act(() => {
      (container.querySelector('[data-action="step"]') as HTMLButtonElement).click();
    });
    await waitFor(() => expect(readout(container, "plain")).toMatch(/^diverged at step \d+/), {
      timeout: 50_000,
    });
    await waitFor(() => expect(readout(container, "clipped")).toMatch(/^held-out loss .* at step \d+$/), {
      timeout: 50_000,
    });
    expect(container.querySelector('[data-chart="clip-norms"] svg')).not.toBeNull();
  });

  it("without JavaScript: static chart present, controls disabled", () => {
    const html = renderToString(
      <Clipping staticStatus={staticStatus}>
        <svg data-static="norms" />
      </Clipping>,
    );
    expect(html).toContain('data-static="norms"');
    expect(html).toMatch(/data-action="play"[^>]*disabled/);
    expect(html).toContain("diverged at step 4");
  });
});
