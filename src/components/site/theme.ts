/**
 * Colour theme: the reader's preference ("system", "light" or "dark"), remembered in
 * localStorage, and the theme it resolves to. One `as const` list is the source of the
 * type, the runtime check and the toggle's cycle order.
 *
 * <html data-theme="light|dark"> carries the resolved theme (tokens.css switches on it)
 * and data-theme-preference the reader's choice, which the toggle button displays.
 */
export const THEME_PREFERENCES = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];
export type Theme = Exclude<ThemePreference, "system">;

export const THEME_STORAGE_KEY = "vg-theme";

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === "string" && (THEME_PREFERENCES as readonly string[]).includes(value);
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === "system") return systemPrefersDark ? "dark" : "light";
  return preference;
}

/** The toggle cycles system → light → dark → system. */
export function nextPreference(current: ThemePreference): ThemePreference {
  const i = THEME_PREFERENCES.indexOf(current);
  return THEME_PREFERENCES[(i + 1) % THEME_PREFERENCES.length]!;
}

/**
 * The blocking script inlined at the top of <head>: it runs before the first paint and sets
 * data-theme, so the page never flashes the wrong theme. It must stay tiny and
 * self-contained (no imports), and it is allowed by the CSP through its SHA-256 hash, which
 * BaseLayout computes from this exact string — edit it here and the hash follows.
 * localStorage can throw (privacy modes, sandboxed frames): then the system theme applies.
 */
export const THEME_INIT_SCRIPT = `(function(){var p="system";try{var s=localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)});if(s==="light"||s==="dark")p=s}catch(e){}var d=document.documentElement;d.dataset.themePreference=p;d.dataset.theme=p==="system"?(matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"):p})();`;
