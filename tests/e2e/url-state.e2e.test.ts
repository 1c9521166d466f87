/**
 * URL state in Chromium, embed pages (issue 6, item 3; the round trip of every widget, item 1,
 * is url-state-roundtrip.e2e.test.ts, hostile URL states url-state-hostile.e2e.test.ts):
 * - an embed page inside an <iframe> of another origin (a host page on a second port) opens
 *   the state from the snippet the chapter's "copy embed snippet" control gives.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, type ExpectStatic, expect, test } from "vitest";
import { EMBEDDABLE_WIDGETS } from "../../src/components/widgets/common/embeddable.ts";
import { EMBED_PAGES } from "../../src/pages/embed/_embed-pages.ts";
import { type Harness, type Locator, startHarness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const arrows = async (w: Locator, control: string, key: string, n: number) => {
  const slider = w.locator(`[data-control="${control}"] input[type="range"]`);
  for (let i = 0; i < n; i += 1) await slider.press(key);
};
const pick = (w: Locator, control: string, value: string) =>
  w.locator(`[data-control="${control}"] input[value="${value}"]`).check();

/** The link of the copy control once it is up (`x`: a concurrent test's own expect). */
const shareLink = async (w: Locator, x: ExpectStatic = expect) => {
  const button = w.locator("[data-share-link]");
  await x.poll(() => button.getAttribute("data-share-link"), { timeout: 30_000 }).toMatch(/^http/);
  return (await button.getAttribute("data-share-link")) as string;
};

// ---- embed page in an iframe of another origin -----------------------------------------

describe("embed pages", () => {
  let host: Server;
  let hostUrl: string;
  let snippet = "";
  beforeAll(async () => {
    host = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><title>Course page</title><h1>Week 3</h1>${snippet}`);
    });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    // "localhost" vs the site's 127.0.0.1, and another port: a different origin on both counts.
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => host.close(resolve));
  });

  test("the chapter's embed snippet opens the same state in an iframe on another origin", {
    timeout: 300_000,
  }, async () => {
    const p = await h.openPage("/chapters/03-depth/");
    await p.hydrate();
    const w = p.page.locator('#fig-gradient-chain [data-widget="gradient-chain"]');
    await arrows(w, "depth", "ArrowRight", 3);
    await pick(w, "activation", "tanh");
    const embedButton = w.locator("[data-embed-snippet]");
    await expect
      .poll(() => embedButton.getAttribute("data-embed-snippet"))
      .toContain("/embed/gradient-chain/?state=v1.");
    snippet = (await embedButton.getAttribute("data-embed-snippet")) as string;
    const readouts = await w.locator("[data-readout]").allTextContents();
    p.expectClean();
    await p.close();

    expect(snippet).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/gradient-chain\/\?state=v1\.[A-Za-z0-9_-]+" title="[^"<>]+"/,
    );
    const context = await h.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(hostUrl);
    const frame = page.frameLocator("iframe");
    const ew = frame.locator('[data-widget="gradient-chain"]');
    await ew.scrollIntoViewIfNeeded();
    await expect.poll(() => frame.locator("astro-island[ssr]").count(), { timeout: 60_000 }).toBe(0);
    await expect
      .poll(() => ew.locator("[data-readout]").allTextContents(), { timeout: 30_000 })
      .toEqual(readouts);
    // No site chrome, a link back to the chapter's figure, and no snippet control inside an embed.
    expect(await frame.locator("header, footer, nav").count()).toBe(0);
    expect(await frame.locator('a[href="/chapters/03-depth/#fig-gradient-chain"]').count()).toBe(1);
    expect(await ew.locator("[data-embed-snippet]").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("every embed page works in an iframe on another origin: hydrated, no chrome, link back", {
    timeout: 300_000,
  }, async () => {
    // One course page with every embed (not lazy, so all load at once): one page load in all.
    snippet = EMBEDDABLE_WIDGETS.map(
      (w) =>
        `<h2>${w}</h2><iframe id="embed-${w}" src="${h.baseUrl}/embed/${w}/" title="${w}" width="900" height="700"></iframe>`,
    ).join("");
    const context = await h.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(hostUrl);
    for (const w of EMBEDDABLE_WIDGETS) {
      const frame = page.frameLocator(`#embed-${w}`);
      await page.locator(`#embed-${w}`).scrollIntoViewIfNeeded();
      const ew = frame.locator(`[data-widget="${w}"]`);
      await ew.scrollIntoViewIfNeeded({ timeout: 60_000 });
      await expect.poll(() => frame.locator("astro-island[ssr]").count(), { timeout: 60_000 }).toBe(0);
      await expect
        .poll(() => ew.locator("[data-share-link]").getAttribute("data-share-link"), { timeout: 30_000 })
        .toMatch(new RegExp(`/embed/${w}/\\?state=v1\\.`));
      expect(await frame.locator("header, footer, nav").count(), w).toBe(0);
      expect(await frame.locator(`a[href="${EMBED_PAGES[w].chapter}"]`).count(), w).toBe(1);
      expect(await ew.locator("[data-embed-snippet]").count(), w).toBe(0);
      expect(await frame.locator(".widget--failed").count(), w).toBe(0);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test.concurrent.for([...EMBEDDABLE_WIDGETS])(
    "/embed/%s/ with a bad state: defaults and a notice, clean",
    // A concurrent test must use its own expect (expect.poll refuses the global one there).
    async (widget, { expect }) => {
      const p = await h.openPage(`/embed/${widget}/?state=v1.%3Cscript%3E`);
      await p.hydrate();
      const w = p.page.locator(`[data-widget="${widget}"]`);
      await shareLink(w, expect);
      // The notice comes after the lazily loaded decoder has read the link: poll for it.
      await expect.poll(() => p.page.locator("[data-url-state-notice]").count(), { timeout: 30_000 }).toBe(1);
      p.expectClean();
      await p.close();
    },
  );
});
