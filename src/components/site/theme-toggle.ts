import {
  isThemePreference,
  nextPreference,
  resolveTheme,
  THEME_STORAGE_KEY,
  type ThemePreference,
} from "./theme";

/**
 * The theme toggle button (ThemeToggle.astro). Each press moves to the next preference,
 * stores it, and applies it to <html>. In "system" mode the page follows changes of the
 * operating system's setting live; a change made in another tab is picked up too.
 */

const LABELS: Record<ThemePreference, string> = { system: "Auto", light: "Light", dark: "Dark" };

function readPreference(doc: Document): ThemePreference {
  const value = doc.documentElement.dataset.themePreference;
  return isThemePreference(value) ? value : "system";
}

function store(win: Window, preference: ThemePreference): void {
  try {
    if (preference === "system") win.localStorage.removeItem(THEME_STORAGE_KEY);
    else win.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
}

export function applyPreference(doc: Document, preference: ThemePreference): void {
  const win = doc.defaultView;
  const dark = win?.matchMedia("(prefers-color-scheme: dark)").matches ?? false;
  const root = doc.documentElement;
  root.dataset.themePreference = preference;
  root.dataset.theme = resolveTheme(preference, dark);
  for (const button of doc.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
    const next = nextPreference(preference);
    const label = button.querySelector("[data-theme-label]");
    if (label) label.textContent = LABELS[preference];
    button.setAttribute(
      "aria-label",
      `Colour theme: ${LABELS[preference].toLowerCase()}. Switch to ${LABELS[next].toLowerCase()}.`,
    );
  }
}

export function installThemeToggle(doc: Document = document): void {
  const win = doc.defaultView;
  if (!win) return;
  applyPreference(doc, readPreference(doc));
  for (const button of doc.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const preference = nextPreference(readPreference(doc));
      store(win, preference);
      applyPreference(doc, preference);
    });
  }
  win.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
    applyPreference(doc, readPreference(doc));
  });
  win.addEventListener("storage", (event) => {
    if (event.key !== THEME_STORAGE_KEY) return;
    applyPreference(doc, isThemePreference(event.newValue) ? event.newValue : "system");
  });
}
