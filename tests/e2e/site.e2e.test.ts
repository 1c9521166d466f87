/**
 * Site-wide end-to-end sweep over every page of the built site (every *.html in dist/):
 * - with JavaScript, light at 1280 px and dark at 360 px: no console error, page error, CSP violation, failed
 *   local request or off-site request, even after every island hydrated;
 * - maths: chapter pages carry inline (.katex) and display (.katex-display) KaTeX, set in
 *   KaTeX's fonts, and no page shows a KaTeX error or raw TeX;
 * - without JavaScript: a heading, the text, the maths and each widget's build-time figure;
 * - axe (WCAG 2.0 A/AA, 2.1 AA) in light and dark: no serious or critical violation;
 * - at 360 px wide (the narrowest phone we support) the page does not scroll sideways.
 * tests/e2e/gates.e2e.test.ts shows each of these checks failing on a broken fixture page.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listPages } from "../../scripts/dist-pages.ts";
import { formatViolation, runAxe } from "./axe.ts";
import { type Harness, type OpenedPage, startHarness } from "./harness.ts";
import { mathsProblems, sidewaysScrollProblems, staticContentProblems } from "./page-checks.ts";

const DIST = resolve(import.meta.dirname, "../../dist");
const pages = existsSync(DIST) ? await listPages(DIST) : [];

/** Chapter pages must show maths and a chapter's worth of text; home and 404 need not. */
const isChapter = (path: string) => path.startsWith("/chapters/");

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function expectAxeClean(p: OpenedPage, label: string): Promise<void> {
  const result = await runAxe(p.page);
  if (result.advisory.length > 0) {
    console.info(
      `axe advisory (minor/moderate) on ${label}:\n${result.advisory.map(formatViolation).join("\n")}`,
    );
  }
  if (result.excepted.length > 0) {
    console.info(
      `axe exceptions applied on ${label}: ${result.excepted.length} nodes (${result.excepted[0]} ...)`,
    );
  }
  expect(result.blocking.map(formatViolation), `axe serious/critical on ${label}`).toEqual([]);
}

test("dist has pages to test", () => {
  expect(pages.length, "run `npm run build` first").toBeGreaterThan(0);
  expect(pages.map((p) => p.path)).toContain("/");
});

describe.each(pages.map((p) => p.path))("%s", (path) => {
  test.concurrent("light: loads clean, hydrates, maths typeset, axe clean", async () => {
    const p = await h.openPage(path, { colorScheme: "light" });
    try {
      expect(p.status).toBe(200);
      await p.hydrate();
      expect(await mathsProblems(p.page, { requireMaths: isChapter(path), requireKatexCss: true })).toEqual(
        [],
      );
      await expectAxeClean(p, `${path} (light)`);
      p.expectClean();
    } finally {
      await p.close();
    }
  });

  test.concurrent("dark, 360 px wide: loads clean, axe clean, no sideways scroll", async () => {
    const p = await h.openPage(path, { colorScheme: "dark", viewport: { width: 360, height: 740 } });
    try {
      await p.hydrate();
      expect(await sidewaysScrollProblems(p.page)).toEqual([]);
      await expectAxeClean(p, `${path} (dark)`);
      p.expectClean();
    } finally {
      await p.close();
    }
  });

  test.concurrent("without JavaScript: text, maths and static figures are there", async () => {
    const p = await h.openPage(path, { javaScriptEnabled: false });
    try {
      expect(await staticContentProblems(p.page, { minTextLength: isChapter(path) ? 1500 : 40 })).toEqual([]);
      expect(await mathsProblems(p.page, { requireMaths: isChapter(path), requireKatexCss: true })).toEqual(
        [],
      );
      p.expectClean();
    } finally {
      await p.close();
    }
  });
});
