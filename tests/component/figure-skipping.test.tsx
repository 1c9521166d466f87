// @vitest-environment happy-dom
/**
 * enableFigureSkipping (site/figure-skipping.ts): the root gets data-skip-offscreen only after
 * the page has loaded and its fonts are ready, so every figure is laid out once before the
 * browser may skip it.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  enableFigureSkipping,
  recheckSkippedRegions,
  SKIPPED_RECHECK_MS,
} from "../../src/components/site/figure-skipping";

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

describe("recheckSkippedRegions", () => {
  it("measures a region whose content changed while its figure was skipped, and only then", async () => {
    const figure = document.createElement("figure");
    document.body.append(figure);
    figure.innerHTML = "<div data-scroll-region><table><tr><td>1</td></tr></table></div>";
    const region = figure.firstElementChild as HTMLElement;
    // happy-dom does no layout: the widths a browser would give, counting the reads.
    let width = 300;
    let reads = 0;
    Object.defineProperty(region, "scrollWidth", {
      configurable: true,
      get: () => {
        reads++;
        return width;
      },
    });
    Object.defineProperty(region, "clientWidth", { configurable: true, get: () => 320 });
    recheckSkippedRegions(document);
    const cell = region.querySelector("td")?.firstChild as Text;
    const skip = (skipped: boolean) =>
      figure.dispatchEvent(Object.assign(new Event("contentvisibilityautostatechange"), { skipped }));
    vi.useFakeTimers();
    try {
      // On screen: a training widget's table updates; nothing is measured (ResizeObserver's job).
      cell.data = "2";
      await vi.advanceTimersByTimeAsync(SKIPPED_RECHECK_MS * 2);
      expect(reads).toBe(0);
      // Scrolled past: the browser skips the figure; the table then fills in, wider.
      skip(true);
      width = 900;
      cell.data = "0.000123456";
      await vi.advanceTimersByTimeAsync(SKIPPED_RECHECK_MS * 2);
      // (enableFigureSkipping in the tests above installed it on this document too: count
      // whether reads happen, not how many.)
      const afterSkipped = reads;
      expect(afterSkipped).toBeGreaterThan(0);
      expect(region.getAttribute("tabindex")).toBe("0");
      // Back on screen: text changes are measured no more.
      skip(false);
      cell.data = "3";
      await vi.advanceTimersByTimeAsync(SKIPPED_RECHECK_MS * 2);
      expect(reads).toBe(afterSkipped);
    } finally {
      vi.useRealTimers();
      figure.remove();
    }
  });
});
