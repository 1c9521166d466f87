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

  describe("installScrollRegions", () => {
    /** A ResizeObserver the test fires by hand (happy-dom does no layout). */
    class FakeResizeObserver {
      static all: FakeResizeObserver[] = [];
      readonly observed = new Set<Element>();
      constructor(private readonly callback: ResizeObserverCallback) {
        FakeResizeObserver.all.push(this);
      }
      observe(el: Element) {
        this.observed.add(el);
      }
      unobserve(el: Element) {
        this.observed.delete(el);
      }
      disconnect() {
        this.observed.clear();
      }
      fire(targets: Element[]) {
        this.callback(
          targets.filter((t) => this.observed.has(t)).map((target) => ({ target }) as ResizeObserverEntry),
          this as unknown as ResizeObserver,
        );
      }
    }
    const observer = () => FakeResizeObserver.all[FakeResizeObserver.all.length - 1]!;
    /** Counts reads of a box's scrollWidth (each is a layout read in a browser). */
    function counted(el: HTMLElement, scrollWidth: () => number) {
      let reads = 0;
      Object.defineProperty(el, "scrollWidth", {
        configurable: true,
        get: () => {
          reads++;
          return scrollWidth();
        },
      });
      return () => reads;
    }

    afterEach(() => {
      FakeResizeObserver.all = [];
      vi.unstubAllGlobals();
    });

    it("rechecks a region when it or its content is resized", () => {
      vi.stubGlobal("ResizeObserver", FakeResizeObserver);
      const el = box('<span class="katex-display"><span class="katex">x</span></span>', 300, 320);
      installScrollRegions(document);
      const content = el.firstElementChild!;
      expect(observer().observed.has(el)).toBe(true);
      expect(observer().observed.has(content)).toBe(true);
      // The formula's content grows wider than its box (e.g. a web font arrived).
      Object.defineProperty(el, "scrollWidth", { configurable: true, get: () => 900 });
      observer().fire([content]);
      expect(el.getAttribute("tabindex")).toBe("0");
    });

    it("watches regions an island renders later, and content added to a region", async () => {
      vi.stubGlobal("ResizeObserver", FakeResizeObserver);
      installScrollRegions(document);
      const table = box("<div data-scroll-region><table><tr><td>1</td></tr></table></div>", 900, 320);
      await Promise.resolve(); // mutation records are delivered in a microtask
      expect(observer().observed.has(table)).toBe(true);
      expect(observer().observed.has(table.firstElementChild!)).toBe(true);
      const note = document.createElement("p");
      table.append(note);
      await Promise.resolve();
      expect(observer().observed.has(note)).toBe(true);
      observer().fire([note]);
      expect(table.getAttribute("tabindex")).toBe("0");
    });

    it("reads no layout while a training widget redraws elsewhere on the page", async () => {
      vi.stubGlobal("ResizeObserver", FakeResizeObserver);
      const el = box('<span class="katex-display">e</span>', 300, 320);
      const reads = counted(el, () => 300);
      installScrollRegions(document);
      const chart = document.createElement("div");
      document.body.append(chart);
      vi.useFakeTimers();
      try {
        // A redraw every 50 ms for 2 s.
        for (let i = 0; i < 40; i++) {
          chart.replaceChildren(document.createElementNS("http://www.w3.org/2000/svg", "svg"));
          await vi.advanceTimersByTimeAsync(50);
        }
      } finally {
        vi.useRealTimers();
      }
      expect(reads()).toBe(0);
    });

    it("without ResizeObserver, checks every region once at install", () => {
      vi.stubGlobal("ResizeObserver", undefined);
      const el = box('<span class="katex-display">wide</span>', 900, 320);
      installScrollRegions(document);
      expect(el.getAttribute("tabindex")).toBe("0");
    });
  });
});
