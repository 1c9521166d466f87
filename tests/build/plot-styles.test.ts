/**
 * Plot's chart rules live once per built page (site/PlotStyles.astro), not inside the figures:
 * a <style> inside a build-time figure is a stylesheet that leaves the page when the island
 * swaps in its live chart, and that restyles the whole page (measured: 7 ms of a 34 ms task on
 * chapter 6). Every page carries each text Plot emits exactly once, and no static chart carries
 * one of those texts again.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { listPages } from "../../scripts/dist-pages.ts";
import { plotStyleSources } from "../../src/components/site/csp-hashes";

const DIST = resolve("dist");

describe("Plot's chart styles in the built site", () => {
  it("are in every page once, and in no figure", async () => {
    expect(
      existsSync(resolve(DIST, "index.html")),
      "dist/index.html missing: run `npm run build` first",
    ).toBe(true);
    const texts = plotStyleSources();
    expect(texts.length).toBeGreaterThan(0);
    const problems: string[] = [];
    let charts = 0;
    for (const page of await listPages(DIST)) {
      const { document } = parseHTML(await readFile(page.file, "utf8"));
      const shared = [...document.querySelectorAll("style[data-chart-styles]")].map((s) => s.textContent);
      for (const text of texts) {
        const n = shared.filter((t) => t === text).length;
        if (n !== 1) problems.push(`${page.path}: ${n} copies of ${text.slice(0, 40)}`);
      }
      for (const svg of document.querySelectorAll("svg[class*='plot-']")) {
        charts += 1;
        for (const style of svg.querySelectorAll("style")) {
          if (texts.includes(style.textContent ?? ""))
            problems.push(`${page.path}: a figure carries Plot's <style>`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The check looked at real figures (chapters render dozens of Plot charts at build time).
    expect(charts).toBeGreaterThan(20);
  });
});
