/**
 * Hostile URL states in Chromium (issue 6, item 3): 120 states (5 figures x 24 loads of
 * chapter 1): no page error, no CSP violation, nothing injected, defaults where the value was
 * bad. (A file of its own so that the two e2e workers share the url-state work evenly; the round
 * trips are url-state-roundtrip.e2e.test.ts, embed pages url-state.e2e.test.ts.)
 */
import fc from "fast-check";
import { afterAll, beforeAll, type ExpectStatic, expect, test } from "vitest";
import { type Harness, hydrateFigure, type Locator, startHarness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The link of the copy control once it is up (`x`: a concurrent test's own expect). */
const shareLink = async (w: Locator, x: ExpectStatic = expect) => {
  const button = w.locator("[data-share-link]");
  await x.poll(() => button.getAttribute("data-share-link"), { timeout: 30_000 }).toMatch(/^http/);
  return (await button.getAttribute("data-share-link")) as string;
};

// ---- hostile URLs in the browser ---------------------------------------------------------

const CH1_FIGURES = [
  "fig-sigmoid",
  "fig-sigmoid-peak",
  "fig-sigmoid-saturation",
  "fig-tanh",
  "fig-derivatives",
];
const PROBE = "h11pwn";
const HOSTILE = [
  `<img id="${PROBE}" src=x onerror="window.${PROBE}=1">`,
  `"><script id="${PROBE}">window.${PROBE}=1</script>`,
  "NaN",
  "1e308",
  "javascript:alert(1)",
  "x".repeat(3000),
];
const b64u = (s: string) => Buffer.from(s, "utf8").toString("base64url");
const hostileValue = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc
    .constantFrom(...HOSTILE)
    .map((s) => `v1.${b64u(JSON.stringify({ activation: s, x: s, threshold: s, shown: [s] }))}`),
  fc
    .record({ activation: fc.constantFrom("tanh", ...HOSTILE), x: fc.double(), threshold: fc.double() })
    .map((o) => `v1.${b64u(JSON.stringify(o))}`),
  fc.constantFrom(...HOSTILE).map((s) => `v1.${b64u(s)}`),
  fc.string().map((s) => `v${s.length}.${s}`),
);
const LOADS = 24; // a multiple of 3: pages open three at a time

test("120 hostile URL states in Chromium: no error, nothing injected", { timeout: 900_000 }, async () => {
  const values = fc.sample(hostileValue, { numRuns: LOADS * CH1_FIGURES.length, seed: 6 });
  let notices = 0;
  for (let i = 0; i < LOADS; i += 3) {
    const batch = [0, 1, 2].map(async (j) => {
      const q = new URLSearchParams();
      CH1_FIGURES.forEach((f, k) => {
        q.set(f, values[(i + j) * CH1_FIGURES.length + k] as string);
      });
      const p = await h.openPage(`/chapters/01-sigmoid/?${q}`);
      // Each figure under test hydrated in turn (the rest of the chapter is not needed).
      for (const f of CH1_FIGURES) await hydrateFigure(p.page, f);
      // Every figure's share control came up (the widget survived), and nothing was injected.
      for (const f of CH1_FIGURES) await shareLink(p.page.locator(`#${f} .widget`));
      expect(await p.page.locator(`#${PROBE}, [onerror]`).count()).toBe(0);
      expect(
        await p.page.evaluate((k) => (window as unknown as Record<string, unknown>)[k], PROBE),
      ).toBeUndefined();
      expect(await p.page.locator(".widget--failed").count()).toBe(0);
      notices += await p.page.locator("[data-url-state-notice]").count();
      p.expectClean();
      await p.close();
    });
    await Promise.all(batch);
  }
  // The fuzz really hit the fallbacks: most figures said they ignored something.
  expect(notices).toBeGreaterThan(LOADS * 2);
});
