/**
 * WCAG 2.1 contrast of the colour tokens (src/styles/tokens.css), in both themes, computed
 * from the file itself so a token edit that hurts legibility fails here.
 *   text tokens on --bg and --surface:          ≥ 4.5:1 (1.4.3, normal text)
 *   chart series and control outlines on --bg:  ≥ 3:1   (1.4.11, graphical objects)
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const css = readFileSync(resolve("src/styles/tokens.css"), "utf8");

/** name → [light, dark] for every `--name: light-dark(#light, #dark)` declaration. */
function readTokens(source: string): Map<string, [string, string]> {
  const tokens = new Map<string, [string, string]>();
  const re = /--([\w-]+):\s*light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)/gi;
  for (const m of source.matchAll(re)) tokens.set(m[1]!, [m[2]!, m[3]!]);
  return tokens;
}

/** Relative luminance of an sRGB hex colour (WCAG 2.1 definition). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const tokens = readTokens(css);
const THEMES = [
  ["light", 0],
  ["dark", 1],
] as const;

const TEXT = ["fg", "muted", "accent", "danger", "ok", "warn"];
const GRAPHICS = [
  "series-1",
  "series-2",
  "series-3",
  "series-4",
  "series-5",
  "series-6",
  "border-strong",
  "focus",
];

describe("colour tokens meet WCAG AA contrast in both themes", () => {
  it("computes contrast the WCAG way", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("defines every token it promises", () => {
    for (const name of [...TEXT, ...GRAPHICS, "bg", "surface", "accent", "on-accent"]) {
      expect(tokens.has(name), `--${name} missing from tokens.css`).toBe(true);
    }
  });

  for (const [theme, i] of THEMES) {
    it(`${theme}: text tokens ≥ 4.5:1 on --bg and --surface`, () => {
      for (const name of TEXT) {
        for (const ground of ["bg", "surface"]) {
          const ratio = contrast(tokens.get(name)![i], tokens.get(ground)![i]);
          expect(ratio, `--${name} on --${ground} (${theme})`).toBeGreaterThanOrEqual(4.5);
        }
      }
      expect(contrast(tokens.get("on-accent")![i], tokens.get("accent")![i])).toBeGreaterThanOrEqual(4.5);
      expect(contrast(tokens.get("accent")![i], tokens.get("accent-soft")![i])).toBeGreaterThanOrEqual(4.5);
    });

    it(`${theme}: chart series and control outlines ≥ 3:1 on --bg and --surface`, () => {
      for (const name of GRAPHICS) {
        for (const ground of ["bg", "surface"]) {
          const ratio = contrast(tokens.get(name)![i], tokens.get(ground)![i]);
          expect(ratio, `--${name} on --${ground} (${theme})`).toBeGreaterThanOrEqual(3);
        }
      }
    });

    it(`${theme}: chart series ≥ 4.5:1 on --bg and --surface (they also colour chart text labels)`, () => {
      for (const name of GRAPHICS.filter((g) => g.startsWith("series-"))) {
        for (const ground of ["bg", "surface"]) {
          const ratio = contrast(tokens.get(name)![i], tokens.get(ground)![i]);
          expect(ratio, `--${name} on --${ground} (${theme})`).toBeGreaterThanOrEqual(4.5);
        }
      }
    });
  }
});
