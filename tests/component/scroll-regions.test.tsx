// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { installScrollRegions, updateScrollRegions } from "../../src/components/site/scroll-regions";

/** happy-dom does no layout: give each box the scroll and client widths a browser would. */
function box(html: string, scrollWidth: number, clientWidth: number): HTMLElement {
  const holder = document.createElement("div");
  holder.innerHTML = html;
  const el = holder.firstElementChild as HTMLElement;
  Object.defineProperty(el, "scrollWidth", { configurable: true, get: () => scrollWidth });
  Object.defineProperty(el, "clientWidth", { configurable: true, get: () => clientWidth });
  document.body.append(el);
  return el;
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("scroll regions", () => {
  it("make only the boxes that overflow sideways focusable", () => {
    const wide = box('<span class="katex-display">wide</span>', 900, 320);
    const fits = box('<span class="katex-display">fits</span>', 300, 320);
    const other = box('<div class="not-a-region">x</div>', 900, 320);
    expect(updateScrollRegions(document)).toBe(1);
    expect(wide.getAttribute("tabindex")).toBe("0");
    expect(fits.hasAttribute("tabindex")).toBe(false);
    expect(other.hasAttribute("tabindex")).toBe(false);
  });

  it("take focusability back when a box stops overflowing, but never an author's own tabindex", () => {
    const el = box('<span class="katex-display">e</span>', 900, 320);
    const authored = box('<pre data-scroll-region tabindex="-1">code</pre>', 300, 320);
    updateScrollRegions(document);
    Object.defineProperty(el, "scrollWidth", { configurable: true, get: () => 300 });
    expect(updateScrollRegions(document)).toBe(0);
    expect(el.hasAttribute("tabindex")).toBe(false);
    expect(authored.getAttribute("tabindex")).toBe("-1");
  });

  it("update while the page keeps changing (a training widget redraws every 50 ms)", async () => {
    vi.useFakeTimers();
    try {
      installScrollRegions(document);
      // A table that starts to overflow after the first pass (e.g. the viewport narrowed).
      const table = box('<div class="table-scroll" data-scroll-region>numbers</div>', 900, 320);
      const readout = document.createElement("output");
      document.body.append(readout);
      // Mutations every 50 ms for 2 s: a debounce of 100 ms would be postponed forever.
      for (let i = 0; i < 40; i++) {
        readout.replaceChildren(document.createTextNode(String(i)));
        await vi.advanceTimersByTimeAsync(50);
      }
      expect(table.getAttribute("tabindex")).toBe("0");
    } finally {
      vi.useRealTimers();
    }
  });
});
