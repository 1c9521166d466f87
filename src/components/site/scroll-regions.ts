/**
 * Keyboard access to content that scrolls sideways.
 *
 * On a narrow screen a long display equation, a code block or a wide table scrolls
 * horizontally (global.css gives them overflow-x: auto). A keyboard user can only scroll
 * such a box if it can take focus (WCAG 2.1.1; axe "scrollable-region-focusable"). Making
 * every equation a tab stop would add a dozen useless stops per chapter, so we add
 * tabindex="0" only to boxes that actually overflow, and update that as the layout changes
 * (resize, late web fonts, islands rendering). Focus is visible through the global
 * :focus-visible outline. A widget with its own scrolling box marks it
 * `data-scroll-region` (or gives it tabindex="0" itself).
 */
export const SCROLL_REGION_SELECTOR = ".katex-display, .prose pre, .prose > table, [data-scroll-region]";

/** Whether the box currently scrolls sideways (1 px slack for sub-pixel rounding). */
export function overflowsSideways(el: Element): boolean {
  return el.scrollWidth > el.clientWidth + 1;
}

/** Give focusability to the boxes that overflow and take it back from those that no longer do. */
export function updateScrollRegions(root: ParentNode): number {
  let focusable = 0;
  for (const el of root.querySelectorAll<HTMLElement>(SCROLL_REGION_SELECTOR)) {
    const managed = el.dataset.scrollFocus === "auto";
    if (overflowsSideways(el)) {
      if (!el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        el.dataset.scrollFocus = "auto";
      }
      focusable++;
    } else if (managed) {
      el.removeAttribute("tabindex");
      delete el.dataset.scrollFocus;
    }
  }
  return focusable;
}

export function installScrollRegions(doc: Document = document): void {
  const win = doc.defaultView;
  if (!win) return;
  let timer = 0;
  // One pass 100 ms after the first change of a burst, however many follow (a timer rather
  // than requestAnimationFrame, which never runs in a background tab). Not postponed by later
  // changes: a training widget mutates the page several times a second, and a debounce would
  // then never run — a table that started to overflow after a resize stayed out of reach.
  const schedule = () => {
    if (timer !== 0) return;
    timer = win.setTimeout(() => {
      timer = 0;
      updateScrollRegions(doc);
    }, 100);
  };
  updateScrollRegions(doc);
  win.addEventListener("resize", schedule);
  win.addEventListener("load", schedule);
  void doc.fonts?.ready.then(schedule);
  // Islands hydrate later (client:visible) and may render a scrolling table of their own:
  // mark it data-scroll-region and it is handled when it appears.
  new win.MutationObserver(schedule).observe(doc.body, { childList: true, subtree: true });
}
