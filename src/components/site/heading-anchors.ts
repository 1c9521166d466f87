/**
 * Client side of the section-link controls made by rehype-heading-anchors.ts.
 *
 * Clicking (or pressing Enter on) an `a[data-heading-anchor]` copies the section's full URL
 * to the clipboard, puts the fragment in the address bar, and says so: the control shows
 * a "Copied" state and a polite live region announces the result. Copy uses the async
 * Clipboard API, falls back to a hidden <textarea> + execCommand("copy") (older browsers,
 * non-secure http origins), and if both fail it simply follows the link so the reader can
 * copy the URL from the address bar.
 */

const FEEDBACK_MS = 2000;

export type CopyResult = "clipboard" | "fallback" | "failed";

/** Copy `text`, trying the Clipboard API first, then a selection-based fallback. */
export async function copyText(text: string, doc: Document = document): Promise<CopyResult> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard && typeof clipboard.writeText === "function") {
    try {
      await clipboard.writeText(text);
      return "clipboard";
    } catch {
      // Permission denied or not a secure context: try the fallback below.
    }
  }
  return copyWithSelection(text, doc) ? "fallback" : "failed";
}

function copyWithSelection(text: string, doc: Document): boolean {
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "visually-hidden";
  doc.body.append(area);
  try {
    area.select();
    // execCommand is deprecated but remains the only synchronous copy path where the
    // Clipboard API is missing; it returns false (or throws) when unsupported.
    return typeof doc.execCommand === "function" && doc.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** The live region shared by all controls on the page (created once). */
function statusRegion(doc: Document): HTMLElement {
  const existing = doc.querySelector<HTMLElement>(".anchor-status");
  if (existing) return existing;
  const region = doc.createElement("p");
  region.className = "anchor-status visually-hidden";
  region.setAttribute("role", "status");
  doc.body.append(region);
  return region;
}

/** Show feedback on the control and announce it; clears itself after FEEDBACK_MS. */
function announce(link: HTMLElement, message: string, state: "copied" | "failed"): void {
  const doc = link.ownerDocument;
  statusRegion(doc).textContent = message;
  link.dataset.state = state;
  link.dataset.feedback = state === "copied" ? "Copied" : "Copy failed";
  const win = doc.defaultView;
  const timer = Number(link.dataset.timer ?? "0");
  if (win && timer) win.clearTimeout(timer);
  if (win) {
    link.dataset.timer = String(
      win.setTimeout(() => {
        delete link.dataset.state;
        delete link.dataset.feedback;
        delete link.dataset.timer;
      }, FEEDBACK_MS),
    );
  }
}

/** Handle one activation of a section link. Exported for tests. */
export async function activateHeadingAnchor(link: HTMLAnchorElement): Promise<CopyResult> {
  const doc = link.ownerDocument;
  const win = doc.defaultView;
  const url = new URL(link.getAttribute("href") ?? "", doc.location.href).href;
  const result = await copyText(url, doc);
  if (result === "failed") {
    announce(link, "Could not copy the link; it is now in the address bar.", "failed");
    if (win) win.location.hash = new URL(url).hash;
    return result;
  }
  // Reflect the section in the address bar without jumping: the reader is already there.
  win?.history.replaceState(win.history.state, "", url);
  announce(link, `Link to this section copied: ${url}`, "copied");
  return result;
}

/** Listen for activations of every section link in `doc` (one delegated listener). */
export function installHeadingAnchors(doc: Document = document): () => void {
  const onClick = (event: Event): void => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const link = target.closest<HTMLAnchorElement>("a[data-heading-anchor]");
    if (!link) return;
    const mouse = event as MouseEvent;
    // Let modified clicks (open in new tab, etc.) do what the reader asked for.
    if (mouse.button > 0 || mouse.metaKey || mouse.ctrlKey || mouse.shiftKey || mouse.altKey) return;
    event.preventDefault();
    void activateHeadingAnchor(link);
  };
  doc.addEventListener("click", onClick);
  return () => doc.removeEventListener("click", onClick);
}

/**
 * Old section links keep working: when the URL's #fragment names no element on this page
 * but tests/anchors.aliases.json declared where it went (HeadingAnchors.astro embeds this
 * page's aliases as JSON), go there — same page: swap the fragment and scroll; another
 * page: navigate. `aliases` maps "/path/#old" to "/path/#new" or "/other/#new".
 */
export function followAnchorAlias(
  doc: Document,
  aliases: Readonly<Record<string, string>>,
): string | undefined {
  const win = doc.defaultView;
  if (!win) return undefined;
  const { pathname, hash } = win.location;
  if (hash.length < 2) return undefined;
  const id = decodeURIComponent(hash.slice(1));
  if (doc.getElementById(id)) return undefined;
  const target = aliases[`${pathname}#${id}`];
  if (!target) return undefined;
  const url = new URL(target, win.location.href);
  if (url.pathname === pathname) {
    win.history.replaceState(win.history.state, "", url.href);
    doc.getElementById(decodeURIComponent(url.hash.slice(1)))?.scrollIntoView();
  } else {
    win.location.replace(url.href);
  }
  return url.href;
}

/** Read the aliases HeadingAnchors.astro embedded, follow one if needed, and on hash changes. */
export function installAnchorAliases(doc: Document = document): void {
  const data = doc.getElementById("anchor-aliases")?.textContent;
  if (!data) return;
  let aliases: Record<string, string>;
  try {
    aliases = JSON.parse(data) as Record<string, string>;
  } catch {
    return;
  }
  followAnchorAlias(doc, aliases);
  doc.defaultView?.addEventListener("hashchange", () => followAnchorAlias(doc, aliases));
}
