import { SCROLL_REGION_SELECTOR, updateScrollRegion } from "./scroll-regions";

/**
 * Lets the browser skip off-screen figures once the page has loaded (global.css: with
 * data-skip-offscreen on the root, `.prose > figure` gets content-visibility: auto).
 *
 * Why only after load: a figure skipped before it was ever laid out takes a placeholder height
 * (28rem), and when the figures above a link's target then render at their own heights the
 * target slides away (measured: a link to chapter 5's figure 6 landed 500 px above it). After
 * load every figure has been laid out once, its size is remembered
 * (contain-intrinsic-size: auto), and skipping it changes no position.
 */
export function enableFigureSkipping(doc: Document = document): void {
  const win = doc.defaultView;
  if (!win) return;
  const enable = () => {
    // Web fonts change heights too: wait for them (the fonts promise settles either way).
    const fonts = doc.fonts?.ready ?? Promise.resolve();
    void fonts.then(() =>
      win.requestAnimationFrame(() => doc.documentElement.setAttribute("data-skip-offscreen", "")),
    );
  };
  if (doc.readyState === "complete") enable();
  else win.addEventListener("load", enable, { once: true });
  recheckSkippedRegions(doc);
}

/** Quiet time after the last change inside a skipped region before it is measured. */
export const SKIPPED_RECHECK_MS = 250;

/**
 * Keeps the keyboard access of sideways-scrolling regions (scroll-regions.ts) right inside
 * skipped figures. The browser does not lay out skipped content, so no ResizeObserver entry
 * comes when a region in it changes, e.g. a widget's table filling in after the reader scrolled
 * past (an overflowing table then had no tabindex: axe scrollable-region-focusable at 360 px).
 * A region whose content changes while its figure is skipped is measured once the changes
 * settle: a layout of that figure alone, and never while a widget on screen redraws.
 */
export function recheckSkippedRegions(doc: Document): void {
  const win = doc.defaultView;
  if (!win) return;
  // Elements whose content the browser currently skips (the event fires on each change).
  const skipped = new WeakSet<Element>();
  doc.addEventListener(
    "contentvisibilityautostatechange",
    (e) => {
      const target = e.target as Element;
      if ((e as Event & { skipped?: boolean }).skipped) skipped.add(target);
      else skipped.delete(target);
    },
    { capture: true },
  );
  const isSkipped = (el: Element): boolean => {
    for (let a = el.parentElement; a; a = a.parentElement) if (skipped.has(a)) return true;
    return false;
  };
  const stale = new Set<HTMLElement>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  new win.MutationObserver((records) => {
    for (const record of records) {
      const changed =
        record.type === "characterData" ? record.target.parentElement : (record.target as Element);
      const region = changed?.closest<HTMLElement>(SCROLL_REGION_SELECTOR);
      if (!region || stale.has(region) || !isSkipped(region)) continue;
      stale.add(region);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        for (const r of stale) if (r.isConnected) updateScrollRegion(r);
        stale.clear();
      }, SKIPPED_RECHECK_MS);
    }
  }).observe(doc.body, { childList: true, characterData: true, subtree: true });
}
