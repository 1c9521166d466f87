/**
 * Site search and citation in Chromium, on the built site:
 * - the header search finds a known phrase by keyboard alone ("/" to focus, type, ArrowDown,
 *   Enter) and lands on the chapter; Pagefind (and its WebAssembly, under the CSP) loads only
 *   once the reader starts a search, never with the page;
 * - Escape closes the results and returns to the input;
 * - the cite-this-page block copies its BibTeX to the clipboard.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Harness, startHarness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe("header search", () => {
  test("finds a known phrase by keyboard and opens the chapter; loads Pagefind only on use", async () => {
    const p = await h.openPage("/references/");
    try {
      const pagefindRequests: string[] = [];
      p.page.on("request", (r) => {
        if (r.url().includes("/pagefind/") || r.url().includes("search-ui")) pagefindRequests.push(r.url());
      });
      await p.page.waitForLoadState("networkidle");
      expect(pagefindRequests, "nothing of the search loads with the page").toEqual([]);

      const input = p.page.getByRole("searchbox", { name: "Search this site" });
      await expect.poll(() => input.isVisible()).toBe(true);
      await p.page.locator("body").press("/");
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);

      await p.page.keyboard.type("logistic function");
      const first = p.page.locator("a[data-search-result]").first();
      await expect
        .poll(() => first.getAttribute("href"), { timeout: 30_000 })
        .toMatch(/^\/chapters\/01-sigmoid\//);
      expect(pagefindRequests.some((u) => u.endsWith("/pagefind/pagefind.js"))).toBe(true);
      expect(await p.page.locator("[data-search-status]").textContent()).toMatch(
        /match(es)? “logistic function”/,
      );
      expect(await first.locator("mark").count()).toBeGreaterThan(0);
      p.expectClean(); // no CSP violation from Pagefind's WebAssembly, no console error

      // Escape closes the list and keeps focus in the input; typing reopens it.
      await p.page.keyboard.press("Escape");
      await expect.poll(() => p.page.locator("[data-search-panel]").isHidden()).toBe(true);
      expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
      await p.page.keyboard.type(" ");
      await expect.poll(() => p.page.locator("[data-search-panel]").isVisible()).toBe(true);

      await p.page.keyboard.press("ArrowDown");
      const focusedHref = await p.page.evaluate(() => document.activeElement?.getAttribute("href"));
      expect(focusedHref).toMatch(/^\/chapters\/01-sigmoid\//);
      await Promise.all([p.page.waitForURL(/\/chapters\/01-sigmoid\//), p.page.keyboard.press("Enter")]);
      expect(await p.page.locator("h1").textContent()).toMatch(/sigmoid/i);
      p.expectClean();
    } finally {
      await p.close();
    }
  });

  test("a phrase that is nowhere says so", async () => {
    const p = await h.openPage("/");
    try {
      const input = p.page.getByRole("searchbox", { name: "Search this site" });
      await input.focus();
      await p.page.keyboard.type("qwzxv");
      await expect
        .poll(() => p.page.locator("[data-search-summary]").textContent(), { timeout: 30_000 })
        .toBe("Nothing matches “qwzxv”.");
      expect(await p.page.locator("a[data-search-result]").count()).toBe(0);
      p.expectClean();
    } finally {
      await p.close();
    }
  });
});

describe("cite this page", () => {
  test("the copy button puts the chapter's BibTeX on the clipboard", async () => {
    const p = await h.openPage("/chapters/02-one-neuron/");
    try {
      await p.context.grantPermissions(["clipboard-read", "clipboard-write"], {
        origin: new URL(p.url).origin,
      });
      const button = p.page.getByRole("button", { name: "Copy BibTeX" });
      await button.scrollIntoViewIfNeeded();
      await button.click();
      await expect.poll(() => p.page.locator("#cite-status").textContent()).toBe("BibTeX copied.");
      const copied = await p.page.evaluate(() => navigator.clipboard.readText());
      const shown = await p.page.locator("#cite-bibtex").textContent();
      expect(copied).toBe(shown);
      expect(copied).toMatch(/^@misc\{vanishing-gradients-explorable-02-one-neuron,\n/);
      expect(copied).toContain("title        = {{One neuron, one update}}");
      p.expectClean();
    } finally {
      await p.close();
    }
  });
});
