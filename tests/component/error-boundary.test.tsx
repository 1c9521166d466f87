// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/preact";
import { useLayoutEffect } from "preact/hooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ErrorBoundary, withErrorBoundary } from "../../src/components/widgets/ErrorBoundary";

class ChartBroke extends Error {
  override name = "ChartBroke";
}

function ThrowsInRender(): never {
  throw new ChartBroke("no data");
}

function ThrowsInEffect() {
  useLayoutEffect(() => {
    throw new RangeError("bad domain");
  }, []);
  return <p>drawing…</p>;
}

function Fine() {
  return <p>still here</p>;
}

afterEach(cleanup);

describe("ErrorBoundary", () => {
  it("shows a short message with the error's name instead of a widget that throws while rendering", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { container } = render(
      <main>
        <ErrorBoundary widget="broken-widget">
          <ThrowsInRender />
        </ErrorBoundary>
        <Fine />
      </main>,
    );
    const failed = container.querySelector('[data-widget="broken-widget"]');
    expect(failed).not.toBeNull();
    expect(failed?.getAttribute("role")).toBe("alert");
    expect(failed?.getAttribute("data-widget-error")).toBe("ChartBroke");
    expect(failed?.textContent).toContain("ChartBroke: no data");
    // The rest of the page renders normally.
    expect(screen.getByText("still here")).toBeTruthy();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it("catches errors thrown in a widget's effects too (e.g. while drawing its chart)", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const Wrapped = withErrorBoundary("effect-widget", ThrowsInEffect);
    const { container } = render(
      <div>
        <Wrapped />
        <Fine />
      </div>,
    );
    expect(container.querySelector('[data-widget-error="RangeError"]')?.textContent).toContain("bad domain");
    expect(screen.getByText("still here")).toBeTruthy();
    warn.mockRestore();
  });

  it("renders its children untouched when nothing throws", () => {
    const { container } = render(
      <ErrorBoundary widget="ok">
        <Fine />
      </ErrorBoundary>,
    );
    expect(container.innerHTML).toBe("<p>still here</p>");
  });
});
