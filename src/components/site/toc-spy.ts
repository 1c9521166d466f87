/**
 * "You are here" in the table of contents: the section whose heading was last scrolled past
 * (the top 30 % of the window counts as "reading") gets aria-current="location" on its
 * contents link(s), which TableOfContents.astro styles. One passive scroll listener,
 * throttled to one update per THROTTLE_MS (a timer, not requestAnimationFrame, which a
 * background tab never runs).
 */
const READING_LINE = 0.3;
const THROTTLE_MS = 60;

/** The id of the section being read: the last heading above the reading line. */
export function currentSectionId(
  headings: readonly HTMLElement[],
  viewportHeight: number,
): string | undefined {
  let current: string | undefined;
  for (const h of headings) {
    if (h.getBoundingClientRect().top <= viewportHeight * READING_LINE) current = h.id;
    else break;
  }
  return current;
}

export function markCurrent(links: readonly HTMLAnchorElement[], id: string | undefined): void {
  for (const link of links) {
    if (id !== undefined && link.getAttribute("href") === `#${id}`)
      link.setAttribute("aria-current", "location");
    else link.removeAttribute("aria-current");
  }
}

export function installTocSpy(doc: Document = document): void {
  const win = doc.defaultView;
  if (!win) return;
  const headings = [...doc.querySelectorAll<HTMLElement>(".prose :is(h2, h3)[id]")];
  const links = [...doc.querySelectorAll<HTMLAnchorElement>(".toc a[href^='#']")];
  if (headings.length === 0 || links.length === 0) return;
  let timer = 0;
  const update = () => {
    timer = 0;
    markCurrent(links, currentSectionId(headings, win.innerHeight));
  };
  win.addEventListener(
    "scroll",
    () => {
      if (timer === 0) timer = win.setTimeout(update, THROTTLE_MS);
    },
    { passive: true },
  );
  update();
}
