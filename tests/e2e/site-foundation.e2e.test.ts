/**
 * The site's frame in a real Chromium: theme (no flash, toggle remembered across pages),
 * section-link controls (keyboard-reachable, copy the full URL), the layout at phone and
 * desktop widths (sidebar vs inline contents, text measure, wide figures), and print.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Harness, startHarness } from "./harness.ts";

const CHAPTER = "/chapters/01-sigmoid/";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("theme", () => {
  test("a stored choice is applied before the first paint (no flash of the system theme)", async () => {
    const p = await h.openPage("/", { colorScheme: "light" });
    try {
      await p.page.evaluate(() => localStorage.setItem("vg-theme", "dark"));
      // Record when <html data-theme> is first set, to compare with the first paint.
      await p.context.addInitScript(() => {
        const w = window as unknown as { __themeSetAt?: number };
        // The init script runs before <html> exists: watch the whole document.
        new MutationObserver((_, observer) => {
          if (document.documentElement?.dataset.theme && w.__themeSetAt === undefined) {
            w.__themeSetAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-theme"] });
      });
      await p.page.goto(new URL(CHAPTER, p.url).href, { waitUntil: "load" });
      const timing = await p.page.evaluate(() => ({
        themeSetAt: (window as unknown as { __themeSetAt?: number }).__themeSetAt,
        firstPaint: performance.getEntriesByName("first-paint")[0]?.startTime,
        theme: document.documentElement.dataset.theme,
        bg: getComputedStyle(document.body).backgroundColor,
      }));
      expect(timing.theme).toBe("dark");
      expect(timing.bg).toBe("rgb(20, 22, 26)");
      expect(timing.themeSetAt).toBeTypeOf("number");
      expect(timing.firstPaint).toBeTypeOf("number");
      expect(timing.themeSetAt!).toBeLessThan(timing.firstPaint!);
      p.expectClean();
    } finally {
      await p.close();
    }
  });

  test("follows the system by default and the toggle's choice is remembered on other pages", async () => {
    const p = await h.openPage("/", { colorScheme: "dark" });
    try {
      const root = p.page.locator("html");
      expect(await root.getAttribute("data-theme")).toBe("dark");
      expect(await root.getAttribute("data-theme-preference")).toBe("system");
      const toggle = p.page.locator("[data-theme-toggle]");
      await expect.poll(() => toggle.isVisible()).toBe(true);
      expect(await toggle.getAttribute("aria-label")).toMatch(/auto.*Switch to light/i);
      await toggle.click(); // system → light
      expect(await root.getAttribute("data-theme")).toBe("light");
      expect(await p.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        "rgb(252, 251, 248)",
      );
      await p.page.goto(new URL(CHAPTER, p.url).href);
      expect(await p.page.locator("html").getAttribute("data-theme")).toBe("light");
      expect(await p.page.locator("[data-theme-label]").textContent()).toBe("Light");
      await p.page.locator("[data-theme-toggle]").click(); // light → dark
      await p.page.locator("[data-theme-toggle]").click(); // dark → system (dark here)
      expect(await p.page.evaluate(() => localStorage.getItem("vg-theme"))).toBeNull();
      expect(await p.page.locator("html").getAttribute("data-theme")).toBe("dark");
      p.expectClean();
    } finally {
      await p.close();
    }
  });

  test("without JavaScript the page still follows the system theme", async () => {
    const p = await h.openPage("/", { colorScheme: "dark", javaScriptEnabled: false });
    try {
      expect(await p.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        "rgb(20, 22, 26)",
      );
      expect(await p.page.locator("[data-theme-toggle]").isVisible()).toBe(false);
    } finally {
      await p.close();
    }
  });
});

describe("section links", () => {
  test("every h2/h3 of a chapter has a named link control reachable by keyboard that copies the full URL", async () => {
    const p = await h.openPage(CHAPTER);
    try {
      await p.context.grantPermissions(["clipboard-read", "clipboard-write"], {
        origin: new URL(p.url).origin,
      });
      const headings = await p.page.locator(".prose :is(h2, h3)").count();
      const controls = p.page.locator(".heading-wrapper > a.heading-anchor");
      expect(headings).toBeGreaterThan(2);
      expect(await controls.count()).toBe(headings);
      for (const name of await controls.evaluateAll((els) => els.map((el) => el.textContent ?? ""))) {
        expect(name).toMatch(/Link to section: \S/);
      }
      // Tab from the top of the page until focus lands on a section-link control.
      let focused = "";
      for (let i = 0; i < 80 && !focused.includes("heading-anchor"); i++) {
        await p.page.keyboard.press("Tab");
        focused = await p.page.evaluate(() => document.activeElement?.className ?? "");
      }
      expect(focused).toContain("heading-anchor");
      const href = await p.page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
      await p.page.keyboard.press("Enter");
      await expect.poll(() => p.page.evaluate(() => navigator.clipboard.readText())).toBe(href);
      expect(href).toMatch(new RegExp(`${CHAPTER}#[a-z0-9-]+$`));
      expect(p.page.url()).toBe(href);
      expect(await p.page.locator('[role="status"].anchor-status').textContent()).toContain(href);
      expect(await p.page.evaluate(() => document.activeElement?.getAttribute("data-feedback"))).toBe(
        "Copied",
      );
      p.expectClean();
    } finally {
      await p.close();
    }
  });
});

describe("layout", () => {
  test("desktop: sidebar with chapters and contents, readable measure, wider figures", async () => {
    const p = await h.openPage(CHAPTER, { viewport: { width: 1280, height: 800 } });
    try {
      expect(await p.page.locator("aside.sidebar").isVisible()).toBe(true);
      expect(await p.page.locator(".contents-inline").isVisible()).toBe(false);
      expect(await p.page.locator('aside.sidebar a[aria-current="page"]').count()).toBe(1);
      const m = await p.page.evaluate(() => {
        const para = document.querySelector<HTMLElement>(".prose > p")!;
        const probe = document.createElement("span");
        probe.textContent = "0".repeat(100);
        probe.style.font = getComputedStyle(para).font;
        probe.style.position = "absolute";
        document.body.append(probe);
        const ch = probe.getBoundingClientRect().width / 100;
        probe.remove();
        const fig = document.querySelector<HTMLElement>(".prose > figure.wide");
        return {
          chars: para.getBoundingClientRect().width / ch,
          text: para.getBoundingClientRect().width,
          figure: fig?.getBoundingClientRect().width ?? 0,
        };
      });
      // The contents mark the section being read. Scroll events belong to the rendering
      // steps, which Chrome skips for a page that is not in front.
      await p.page.bringToFront();
      const thirdId = await p.page.evaluate(() => {
        const h = document.querySelectorAll<HTMLElement>(".prose :is(h2, h3)[id]")[2]!;
        h.scrollIntoView({ block: "start", behavior: "instant" });
        return h.id;
      });
      await p.page.waitForFunction(
        (id) =>
          document.querySelector('aside.sidebar .toc a[aria-current="location"]')?.getAttribute("href") ===
          `#${id}`,
        thirdId,
        { timeout: 5000 },
      );
      expect(m.chars).toBeGreaterThanOrEqual(60);
      expect(m.chars).toBeLessThanOrEqual(75);
      expect(m.figure).toBeGreaterThan(m.text * 1.15);
      p.expectClean();
    } finally {
      await p.close();
    }
  });

  test("phone: no sidebar, a collapsible Contents block that opens and links into the page", async () => {
    const p = await h.openPage(CHAPTER, { viewport: { width: 390, height: 800 } });
    try {
      expect(await p.page.locator("aside.sidebar").isVisible()).toBe(false);
      const contents = p.page.locator(".contents-inline");
      expect(await contents.isVisible()).toBe(true);
      const firstSection = contents.locator("ol.toc a").first();
      expect(await firstSection.isVisible()).toBe(false);
      await contents.locator("summary").click();
      expect(await firstSection.isVisible()).toBe(true);
      const target = (await firstSection.getAttribute("href"))!;
      expect(await p.page.locator(target).count()).toBe(1);
      p.expectClean();
    } finally {
      await p.close();
    }
  });

  test("print: no header, navigation, contents or controls; figures and maths stay", async () => {
    const p = await h.openPage(CHAPTER);
    try {
      await p.hydrate();
      await p.page.emulateMedia({ media: "print" });
      const shown = (selector: string) =>
        p.page.evaluate(
          (s) =>
            [...document.querySelectorAll<HTMLElement>(s)].some(
              (el) => getComputedStyle(el).display !== "none" && el.getClientRects().length > 0,
            ),
          selector,
        );
      for (const hidden of [
        ".site-header",
        ".site-footer",
        "aside.sidebar",
        ".contents-inline",
        ".prev-next",
      ]) {
        expect(await shown(hidden), `${hidden} in print`).toBe(false);
      }
      expect(await shown(".heading-anchor"), "section-link controls in print").toBe(false);
      expect(await shown("figure svg"), "figure charts in print").toBe(true);
      expect(await shown(".katex-display"), "display maths in print").toBe(true);
      expect(await p.page.evaluate(() => getComputedStyle(document.body).color)).toBe("rgb(0, 0, 0)");
    } finally {
      await p.close();
    }
  });
});
