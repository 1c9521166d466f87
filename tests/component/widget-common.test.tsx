// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PlaybackBar } from "../../src/components/widgets/common/PlaybackBar";
import { useReducedMotion } from "../../src/components/widgets/common/useReducedMotion";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("PlaybackBar", () => {
  it("play/pause is one toggle with aria-pressed; step is disabled while playing; reset always works", () => {
    const onPlayPause = vi.fn();
    const onStep = vi.fn();
    const onReset = vi.fn();
    const { container, rerender } = render(
      <PlaybackBar playing={false} onPlayPause={onPlayPause} onStep={onStep} onReset={onReset} />,
    );
    const btn = (a: string) => container.querySelector<HTMLButtonElement>(`[data-action="${a}"]`)!;
    expect(btn("play").textContent).toBe("Play");
    expect(btn("play").getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(btn("step"));
    fireEvent.click(btn("play"));
    expect(onStep).toHaveBeenCalledOnce();
    expect(onPlayPause).toHaveBeenCalledOnce();
    rerender(<PlaybackBar playing onPlayPause={onPlayPause} onStep={onStep} onReset={onReset} />);
    expect(btn("play").textContent).toBe("Pause");
    expect(btn("play").getAttribute("aria-pressed")).toBe("true");
    expect(btn("step").disabled).toBe(true);
    fireEvent.click(btn("reset"));
    expect(onReset).toHaveBeenCalledOnce();
  });

  it("omits play and step when a widget has no time axis", () => {
    const { container } = render(<PlaybackBar playing={false} onReset={() => {}} />);
    expect([...container.querySelectorAll("button")].map((b) => b.dataset.action)).toEqual(["reset"]);
  });
});

describe("useReducedMotion", () => {
  function Probe() {
    return <p>{useReducedMotion() ? "reduced" : "full"}</p>;
  }

  it("follows (prefers-reduced-motion: reduce), including live changes", async () => {
    let listener: ((e: { matches: boolean }) => void) | null = null;
    vi.stubGlobal("matchMedia", (query: string) => ({
      matches: query.includes("reduce"),
      media: query,
      addEventListener: (_: string, fn: (e: { matches: boolean }) => void) => {
        listener = fn;
      },
      removeEventListener: () => {},
    }));
    const { container, findByText } = render(<Probe />);
    await findByText("reduced");
    expect(listener).not.toBeNull();
    const fire = listener as unknown as (e: { matches: boolean }) => void;
    fire({ matches: false });
    await findByText("full");
    expect(container.textContent).toBe("full");
  });
});
