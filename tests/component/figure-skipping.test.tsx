// @vitest-environment happy-dom
/**
 * enableFigureSkipping (site/figure-skipping.ts): the root gets data-skip-offscreen only after
 * the page has loaded and its fonts are ready, so every figure is laid out once before the
 * browser may skip it.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { enableFigureSkipping } from "../../src/components/site/figure-skipping";

afterEach(() => {
  document.documentElement.removeAttribute("data-skip-offscreen");
  vi.restoreAllMocks();
});

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

describe("enableFigureSkipping", () => {
  it("waits for the load event, then sets the attribute", async () => {
    vi.spyOn(document, "readyState", "get").mockReturnValue("loading");
    enableFigureSkipping(document);
    await frame();
    await frame();
    expect(document.documentElement.hasAttribute("data-skip-offscreen")).toBe(false);
    window.dispatchEvent(new Event("load"));
    await document.fonts?.ready;
    await frame();
    await frame();
    expect(document.documentElement.hasAttribute("data-skip-offscreen")).toBe(true);
  });

  it("on a page already loaded, sets it at once (after fonts and a frame)", async () => {
    vi.spyOn(document, "readyState", "get").mockReturnValue("complete");
    enableFigureSkipping(document);
    await document.fonts?.ready;
    await frame();
    await frame();
    expect(document.documentElement.hasAttribute("data-skip-offscreen")).toBe(true);
  });
});
