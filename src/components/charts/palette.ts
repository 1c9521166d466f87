/**
 * Chart colours as CSS custom-property references, e.g. `var(--chart-1, #2563eb)`.
 *
 * Why `var()` strings rather than colours read with getComputedStyle: Plot accepts them as
 * constant colours (its isColor() recognises `var(...)`), browsers resolve them in SVG
 * presentation attributes, and so the same SVG — the build-time static one and the live one —
 * follows light/dark mode the moment the theme flips, with no redraw and no JS. The fallback
 * after the comma keeps charts legible if the token sheet (src/styles/tokens.css) is missing.
 */

/** The one list of chart colour roles. Light-mode fallbacks; tokens.css overrides per theme. */
const ROLES = {
  ink: ["--color-text", "#1f2328"],
  muted: ["--color-text-muted", "#59636e"],
  grid: ["--color-border", "#d1d9e0"],
  band: ["--chart-band", "rgba(217, 119, 6, 0.16)"],
  bandEdge: ["--chart-band-edge", "#b45309"],
  accent: ["--color-accent", "#0b63c4"],
  series1: ["--chart-1", "#2563eb"],
  series2: ["--chart-2", "#c2410c"],
  series3: ["--chart-3", "#15803d"],
  series4: ["--chart-4", "#7e22ce"],
  series5: ["--chart-5", "#a16207"],
  series6: ["--chart-6", "#0e7490"],
} as const;

export type ColourRole = keyof typeof ROLES;

/** `var(--token, fallback)` for a role. */
export function colour(role: ColourRole): string {
  const [token, fallback] = ROLES[role];
  return `var(${token}, ${fallback})`;
}

/** Series colours in a fixed order, so a given activation keeps its colour on every chart. */
export const SERIES_ROLES = ["series1", "series2", "series3", "series4", "series5", "series6"] as const;
