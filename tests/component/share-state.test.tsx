// @vitest-environment happy-dom
/**
 * ShareState in a real widget: a link's state opens (scoped by the figure id), the copy
 * control exposes the link and reports the outcome, and a hostile link falls back with a
 * notice and injects nothing.
 */
import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import ActivationExplorer from "../../src/components/widgets/activation-explorer/ActivationExplorer";
import { encodeState } from "../../src/components/widgets/common/url-state";

afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
  vi.restoreAllMocks();
});

const readout = (root: ParentNode, name: string) =>
  root.querySelector(`[data-readout="${name}"] dd`)?.textContent ?? null;
const b64u = (s: string) => btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

function twoFigures() {
  return render(
    <div>
      <figure id="fig-a">
        <ActivationExplorer />
      </figure>
      <figure id="fig-b">
        <ActivationExplorer />
      </figure>
    </div>,
  );
}

describe("ShareState", () => {
  it("opens the state of its own figure only, and its link reproduces it", async () => {
    const state = encodeState({ activation: "tanh", x: -2.5, threshold: 0.05 });
    window.history.replaceState(null, "", `/chapters/01-sigmoid/?fig-a=${state}`);
    const { container } = twoFigures();
    const [a, b] = [container.querySelector("#fig-a")!, container.querySelector("#fig-b")!];
    await waitFor(() => expect(readout(a, "x")).toBe("−2.5"));
    expect(readout(b, "x")).toBe("1.5");
    const link = a.querySelector("[data-share-link]")!.getAttribute("data-share-link")!;
    expect(new URL(link).searchParams.get("fig-a")).toBe(state);
    expect(new URL(link).hash).toBe("#fig-a");
    expect(a.querySelector("[data-url-state-notice]")).toBeNull();
    // The embed snippet points at the embed page with the same state.
    const snippet = a.querySelector("[data-embed-snippet]")!.getAttribute("data-embed-snippet")!;
    expect(snippet).toContain(`/embed/activation-explorer/?state=${state}`);
  });

  it("the copy button writes the link and says so; without a clipboard it shows the link to copy by hand", async () => {
    const { container } = twoFigures();
    const a = container.querySelector("#fig-a")!;
    const button = await waitFor(() => {
      const el = a.querySelector<HTMLButtonElement>("[data-share-link]");
      expect(el?.disabled).toBe(false);
      return el!;
    });
    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: async (t: string) => void written.push(t) },
    });
    fireEvent.click(button);
    await waitFor(() => expect(a.querySelector(".share-state-feedback")?.textContent).toMatch(/copied/));
    expect(written).toEqual([button.getAttribute("data-share-link")]);
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: async () => Promise.reject(new Error("denied")) },
    });
    fireEvent.click(button);
    await waitFor(() =>
      expect(a.querySelector<HTMLInputElement>(".share-state-manual")?.value).toBe(written[0]),
    );
  });

  it("a hostile link: defaults for the bad fields, a notice naming them, nothing injected", async () => {
    const payload = JSON.stringify({
      activation: "<img src=x onerror=alert(1)>",
      x: "NaN",
      threshold: 0.1,
      "<b>": 1,
    });
    window.history.replaceState(null, "", `/?fig-a=v1.${b64u(payload)}`);
    const { container } = twoFigures();
    const a = container.querySelector("#fig-a")!;
    await waitFor(() => expect(a.querySelector("[data-url-state-notice]")).not.toBeNull());
    const notice = a.querySelector("[data-url-state-notice]")!.textContent!;
    expect(notice).toContain("activation, x");
    expect(notice).toContain("1 unknown field");
    expect(readout(a, "x")).toBe("1.5");
    expect(a.querySelector("[data-readout='band']")?.textContent).toContain("0.1");
    expect(container.querySelector("img, b")).toBeNull();
  });

  it("an unreadable link says so and keeps the defaults", async () => {
    window.history.replaceState(null, "", "/?fig-b=v1.%%%");
    const { container } = twoFigures();
    const b = container.querySelector("#fig-b")!;
    await waitFor(() =>
      expect(b.querySelector("[data-url-state-notice]")?.textContent).toMatch(/could not be read/),
    );
    expect(readout(b, "x")).toBe("1.5");
  });
});
