/**
 * Turns Pagefind results into DOM for the header search panel. Kept apart from the loading
 * code so it can be tested without a browser.
 *
 * Safety: Pagefind's excerpts are HTML (the page text, escaped, with <mark> around the
 * matched words). They are parsed inertly (DOMParser runs no script and loads nothing) and
 * only their text and <mark> elements are copied over: no other markup from the index can
 * reach the page, whatever the index holds.
 */

/** The part of a Pagefind result (`await result.data()`) the panel shows. */
export interface SearchHit {
  readonly url: string;
  readonly excerpt: string;
  readonly meta: { readonly title?: string };
  readonly sub_results?: readonly {
    readonly title: string;
    readonly url: string;
    readonly excerpt: string;
  }[];
}

/** Sub-results (sections of a page) shown under each page. */
export const MAX_SECTIONS = 3;

/** Appends `excerpt`'s text to `target`, keeping only <mark> highlighting. */
export function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const doc = target.ownerDocument;
  const win = doc.defaultView;
  if (!win) {
    target.append(doc.createTextNode(excerpt.replace(/<[^>]*>/g, "")));
    return;
  }
  const parsed = new win.DOMParser().parseFromString(`<body>${excerpt}</body>`, "text/html");
  const copy = (from: Node, to: Node) => {
    for (const child of Array.from(from.childNodes)) {
      if (child.nodeType === 3) {
        to.appendChild(doc.createTextNode(child.textContent ?? ""));
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (element.tagName.toLowerCase() === "mark") {
          const mark = doc.createElement("mark");
          mark.textContent = element.textContent ?? "";
          to.appendChild(mark);
        } else {
          copy(element, to);
        }
      }
    }
  };
  copy(parsed.body, target);
}

/** Only same-site paths are followed; anything else (javascript:, //host) is dropped. */
export function safeHref(url: string): string | null {
  return /^\/(?!\/)[^\s]*$/.test(url) ? url : null;
}

function resultLink(
  doc: Document,
  href: string,
  title: string,
  excerpt: string,
  className: string,
): HTMLLIElement {
  const item = doc.createElement("li");
  item.className = className;
  const link = doc.createElement("a");
  link.href = href;
  link.dataset.searchResult = "";
  const heading = doc.createElement("span");
  heading.className = "site-search__title";
  heading.textContent = title;
  const text = doc.createElement("span");
  text.className = "site-search__excerpt";
  appendExcerpt(text, excerpt);
  link.append(heading, text);
  item.append(link);
  return item;
}

/** Replaces `list`'s content with one item per hit (and its best sections). */
export function renderResults(list: HTMLElement, hits: readonly SearchHit[]): number {
  const doc = list.ownerDocument;
  list.replaceChildren();
  let links = 0;
  for (const hit of hits) {
    const href = safeHref(hit.url);
    if (!href) continue;
    const title = hit.meta.title?.trim() || href;
    const item = resultLink(doc, href, title, hit.excerpt, "site-search__page");
    links++;
    const sections = (hit.sub_results ?? []).filter(
      (s) => safeHref(s.url) && s.url !== hit.url && s.title !== title,
    );
    if (sections.length > 0) {
      const nested = doc.createElement("ul");
      for (const section of sections.slice(0, MAX_SECTIONS)) {
        nested.append(resultLink(doc, section.url, section.title, section.excerpt, "site-search__section"));
        links++;
      }
      item.append(nested);
    }
    list.append(item);
  }
  return links;
}

/** "3 pages match “sigmoid”." — for the live region and the panel's first line. */
export function resultSummary(query: string, pages: number): string {
  if (pages === 0) return `Nothing matches “${query}”.`;
  return `${pages} ${pages === 1 ? "page matches" : "pages match"} “${query}”.`;
}
