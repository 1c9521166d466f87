/**
 * The header search, loaded on first use by search-loader.ts (never part of a page's
 * initial JS). It loads Pagefind's own script from /pagefind/ (written by
 * scripts/search-index.ts after the build), searches as the reader types, and lists the
 * matching pages and sections as ordinary links.
 *
 * Keyboard: type to search; Enter opens the first result; ArrowDown / ArrowUp move between
 * the input and the results; Escape closes the list (a second Escape clears the input);
 * "/" anywhere on the page focuses the input (search-loader.ts).
 *
 * Pagefind runs its search in WebAssembly, which the CSP allows by 'wasm-unsafe-eval'
 * (astro.config.mjs) — that permits compiling WebAssembly only, not eval() of JavaScript.
 */
import { renderResults, resultSummary, type SearchHit } from "./render-results";

interface PagefindResult {
  data(): Promise<SearchHit>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}

/** Pages listed at most; Pagefind ranks them. */
export const MAX_PAGES = 6;
const DEBOUNCE_MS = 120;
/** A variable, not a literal: the bundler must leave this import to the browser. */
const PAGEFIND_URL = "/pagefind/pagefind.js";

let pagefindModule: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefindModule ??= (import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>).then(async (pf) => {
    await pf.options({ excerptLength: 18 });
    await pf.init();
    return pf;
  });
  return pagefindModule;
}

function parts(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>("input[type=search]");
  const panel = form.querySelector<HTMLElement>("[data-search-panel]");
  const list = form.querySelector<HTMLElement>("[data-search-results]");
  const summary = form.querySelector<HTMLElement>("[data-search-summary]");
  const status = form.querySelector<HTMLElement>("[data-search-status]");
  if (!input || !panel || !list || !summary || !status) throw new Error("site search: markup incomplete");
  return { input, panel, list, summary, status };
}

export function attachSearch(form: HTMLFormElement): void {
  const { input, panel, list, summary, status } = parts(form);
  let sequence = 0;
  let timer: number | undefined;

  const links = () => Array.from(list.querySelectorAll<HTMLAnchorElement>("a[data-search-result]"));
  // No aria-expanded: it is not allowed on a searchbox; the status region announces results.
  const open = (isOpen: boolean) => {
    panel.hidden = !isOpen;
  };

  async function run(query: string): Promise<void> {
    const mine = ++sequence;
    if (query.trim() === "") {
      list.replaceChildren();
      summary.textContent = "";
      status.textContent = "";
      open(false);
      return;
    }
    form.setAttribute("aria-busy", "true");
    try {
      const pf = await loadPagefind();
      const found = await pf.search(query);
      if (mine !== sequence || !found) return;
      const hits = await Promise.all(found.results.slice(0, MAX_PAGES).map((r) => r.data()));
      if (mine !== sequence) return;
      renderResults(list, hits);
      const text = resultSummary(query.trim(), hits.length);
      summary.textContent = text;
      status.textContent = text;
      open(true);
    } catch (error) {
      if (mine !== sequence) return;
      list.replaceChildren();
      summary.textContent = "Search is unavailable on this copy of the site.";
      status.textContent = summary.textContent;
      open(true);
      // Not console.error: a missing index (e.g. `astro dev`) is expected, not a fault.
      console.warn("site search:", error);
    } finally {
      if (mine === sequence) form.removeAttribute("aria-busy");
    }
  }

  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(input.value), DEBOUNCE_MS);
  };

  input.addEventListener("input", schedule);
  input.addEventListener("focus", () => {
    if (input.value.trim() !== "" && list.childElementCount > 0) open(true);
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
    else void run(input.value);
  });

  form.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === "ArrowDown" && all.length > 0 && !panel.hidden) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)]?.focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus();
      else all[at - 1]?.focus();
    } else if (event.key === "Escape") {
      if (!panel.hidden) {
        event.preventDefault();
        open(false);
        input.focus();
      } else if (input.value !== "") {
        event.preventDefault();
        input.value = "";
        void run("");
      }
    }
  });

  // Close the list when focus or a click leaves the search.
  form.addEventListener("focusout", (event) => {
    const next = event.relatedTarget as Node | null;
    if (next && !form.contains(next)) open(false);
  });
  document.addEventListener("pointerdown", (event) => {
    if (!form.contains(event.target as Node)) open(false);
  });

  // The reader may have typed before this module arrived.
  if (input.value.trim() !== "") void run(input.value);
}
