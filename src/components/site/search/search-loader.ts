/**
 * The only search code in a page's initial load (a few hundred bytes): it shows the search
 * box (hidden without JavaScript, where it could not work) and imports the real search
 * (search-ui.ts, Pagefind) the first time the reader focuses, clicks or presses "/".
 */
export function installSearch(doc: Document = document): void {
  const form = doc.querySelector<HTMLFormElement>("form[data-site-search]");
  const input = form?.querySelector<HTMLInputElement>("input[type=search]");
  if (!form || !input) return;
  form.hidden = false;

  let loading = false;
  const load = () => {
    if (loading) return;
    loading = true;
    void import("./search-ui").then((ui) => ui.attachSearch(form));
  };
  input.addEventListener("focus", load);
  input.addEventListener("pointerdown", load);
  // Until the search is loaded, Enter must not reload the page with ?q=.
  form.addEventListener("submit", (event) => event.preventDefault());

  doc.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
    event.preventDefault();
    input.focus();
  });
}
