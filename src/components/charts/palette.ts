/**
 * Chart colours as CSS custom-property references, e.g. `var(--chart-1, #2563eb)`.
 *
 * Why `var()` strings rather than colours read with getComputedStyle: Plot accepts them as
 * constant colours (its isColor() recognises `var(...)`), browsers resolve them in SVG
 * presentation attributes, and so the same SVG — the build-time static one and the live one —
 * follows light/dark mode the moment the theme flips, with no redraw and no JS. The fallback
 * after the comma keeps charts legible if the token sheet (src/styles/tokens.css) is missing. Token values there are light-dark(...) pairs, which
 * browsers also resolve inside SVG attributes.
 */

/** The one list of chart colour roles. Light-mode fallbacks; tokens.css overrides per theme. */
const ROLES = {
  ink: ["--fg", "#1c1e22"],
  muted: ["--muted", "#545a66"],
  grid: ["--grid", "#e6e2da"],
  band: ["--warn", "#8a5300"],
  accent: ["--accent", "#1d5bb8"],
  series1: ["--series-1", "#1f66cc"],
  series2: ["--series-2", "#b8401a"],
  series3: ["--series-3", "#207a46"],
  series4: ["--series-4", "#b02f79"],
  series5: ["--series-5", "#6a4fc4"],
  series6: ["--series-6", "#7d6400"],
} as const;

export type ColourRole = keyof typeof ROLES;

/** `var(--token, fallback)` for a role. */
export function colour(role: ColourRole): string {
  const [token, fallback] = ROLES[role];
  return `var(${token}, ${fallback})`;
}

/** Series colours in a fixed order, so a given activation keeps its colour on every chart. */
export const SERIES_ROLES = ["series1", "series2", "series3", "series4", "series5", "series6"] as const;
