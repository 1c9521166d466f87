/**
 * Keyboard access to content that scrolls sideways.
 *
 * On a narrow screen a long display equation, a code block or a wide table scrolls
 * horizontally (global.css gives them overflow-x: auto). A keyboard user can only scroll
 * such a box if it can take focus (WCAG 2.1.1; axe "scrollable-region-focusable"). Making
 * every equation a tab stop would add a dozen useless stops per chapter, so we add
 * tabindex="0" only to boxes that actually overflow, and update that as the layout changes
 * (resize, late web fonts, islands rendering: see installScrollRegions). Focus is visible through the global
 * :focus-visible outline. A widget with its own scrolling box marks it
 * `data-scroll-region` (or gives it tabindex="0" itself).
 */
export const SCROLL_REGION_SELECTOR = ".katex-display, .prose pre, .prose > table, [data-scroll-region]";

/** Whether the box currently scrolls sideways (1 px slack for sub-pixel rounding). */
export function overflowsSideways(el: Element): boolean {
  return el.scrollWidth > el.clientWidth + 1;
}

/**
 * Gives one box focusability if it overflows, and takes it back (only if this module gave it)
 * when it no longer does. Returns whether the box is now a focusable scroll region.
 */
export function updateScrollRegion(el: HTMLElement): boolean {
  const managed = el.dataset.scrollFocus === "auto";
  if (overflowsSideways(el)) {
    if (!el.hasAttribute("tabindex")) {
      el.setAttribute("tabindex", "0");
      el.dataset.scrollFocus = "auto";
    }
    return true;
  }
  if (managed) {
    el.removeAttribute("tabindex");
    delete el.dataset.scrollFocus;
  }
  return false;
}

/** Give focusability to the boxes that overflow and take it back from those that no longer do. */
export function updateScrollRegions(root: ParentNode): number {
  let focusable = 0;
  for (const el of root.querySelectorAll<HTMLElement>(SCROLL_REGION_SELECTOR)) {
    if (updateScrollRegion(el)) focusable++;
  }
  return focusable;
}

/**
 * Keeps the regions' focusability right as the page changes, reading layout only for boxes that
 * changed size. A ResizeObserver watches every region and its children (content growing inside
 * a box of fixed width changes the children's size, not the box's), so a region is rechecked
 * when it or its content is resized: after fonts load, on rotation, when a table gains a column.
 * A MutationObserver only finds regions added later (islands render theirs after hydration); it
 * reads no layout. Why not recheck every region on every mutation: a training widget redraws
 * its charts several times a second, and each pass read the width of every region on the page,
 * forcing a layout of the whole chapter inside a redraw (measured: 10-15 ms tasks, most of it
 * forced layout, on the long-task gate's chapters). Content the browser skips gets no
 * ResizeObserver entries: figure-skipping.ts rechecks the regions of skipped figures.
 */
export function installScrollRegions(doc: Document = document): void {
  const win = doc.defaultView;
  if (!win) return;
  if (typeof win.ResizeObserver === "undefined") {
    // No ResizeObserver (very old browsers): one pass at load and on resize.
    const pass = () => updateScrollRegions(doc);
    pass();
    win.addEventListener("resize", pass);
    win.addEventListener("load", pass);
    return;
  }
  /** Region of each observed element (a region maps to itself). */
  const regionOf = new WeakMap<Element, HTMLElement>();
  const ro = new win.ResizeObserver((entries) => {
    const changed = new Set<HTMLElement>();
    for (const e of entries) {
      const region = regionOf.get(e.target);
      if (region?.isConnected) changed.add(region);
    }
    for (const region of changed) updateScrollRegion(region);
  });
  const watchChild = (region: HTMLElement, child: Element) => {
    if (regionOf.has(child)) return;
    regionOf.set(child, region);
    ro.observe(child);
  };
  const watch = (region: HTMLElement) => {
    if (regionOf.get(region) === region) return;
    regionOf.set(region, region);
    ro.observe(region);
    for (const child of region.children) watchChild(region, child);
  };
  for (const el of doc.querySelectorAll<HTMLElement>(SCROLL_REGION_SELECTOR)) watch(el);
  new win.MutationObserver((records) => {
    for (const record of records) {
      const region = regionOf.get(record.target as Element);
      for (const node of record.addedNodes) {
        if (!(node instanceof win.Element)) continue;
        // New content of a watched region: watch it too.
        if (region === record.target) watchChild(region, node);
        if (node instanceof win.HTMLElement && node.matches(SCROLL_REGION_SELECTOR)) watch(node);
        for (const el of node.querySelectorAll<HTMLElement>(SCROLL_REGION_SELECTOR)) watch(el);
      }
    }
  }).observe(doc.body, { childList: true, subtree: true });
}
