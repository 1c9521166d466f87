/**
 * URL state in Chromium (issue 6, items 1 and 3):
 * - for every widget in the registry: change its controls by keyboard/mouse, take the link from the
 *   copy control (`data-share-link`), open it in a fresh page, and find the same config (the
 *   re-encoded link is identical), the same control values and the same readouts and tables;
 *   widgets that train are also trained a few steps and shared with "include the current step",
 *   so the fresh page must train the same seed to exactly that step and show the same numbers;
 * - 210 hostile URL states (5 figures x 42 loads): no page error, no CSP violation, nothing
 *   injected, defaults where the value was bad;
 * - an embed page inside an <iframe> of another origin (a host page on a second port) opens
 *   the state from the snippet the chapter's "copy embed snippet" control gives.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EMBEDDABLE_WIDGETS } from "../../src/components/widgets/common/embeddable.ts";
import { URL_STATE_WIDGETS } from "../../src/components/widgets/common/url-state-widgets.ts";
import { EMBED_PAGES } from "../../src/pages/embed/_embed-pages.ts";
import { type Harness, type Locator, startHarness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Case {
  readonly widget: string;
  readonly path: string;
  readonly figure: string;
  /** Changes some controls the way a reader would. */
  readonly change: (w: Locator) => Promise<void>;
  /** A widget that trains: press its step button once; the link then carries this step. */
  readonly trainTo?: number;
  /** Steps such a widget trains by itself after a change (its warm-up). */
  readonly warmup?: number;
}

const arrows = async (w: Locator, control: string, key: string, n: number) => {
  const slider = w.locator(`[data-control="${control}"] input[type="range"]`);
  for (let i = 0; i < n; i += 1) await slider.press(key);
};
const pick = (w: Locator, control: string, value: string) =>
  w.locator(`[data-control="${control}"] input[value="${value}"]`).check();

/** Every widget on the site's chapters, with the figure it is tested in. */
const CASES: readonly Case[] = [
  {
    widget: "activation-explorer",
    path: "/chapters/01-sigmoid/",
    figure: "fig-sigmoid",
    change: async (w) => {
      await pick(w, "activation", "tanh");
      await arrows(w, "x", "ArrowRight", 7);
      await arrows(w, "threshold", "ArrowLeft", 12);
    },
  },
  {
    widget: "derivative-compare",
    path: "/chapters/01-sigmoid/",
    figure: "fig-derivatives",
    change: async (w) => {
      await w.locator('[data-control="shown"] input[type="checkbox"]').first().uncheck();
    },
  },
  {
    widget: "neuron-stepper",
    path: "/chapters/02-one-neuron/",
    figure: "fig-neuron-stepper",
    change: async (w) => {
      await arrows(w, "w0", "ArrowRight", 9);
      await arrows(w, "eta", "ArrowRight", 30);
      await pick(w, "loss", "crossEntropy");
    },
  },
  {
    widget: "gradient-chain",
    path: "/chapters/03-depth/",
    figure: "fig-gradient-chain",
    change: async (w) => {
      await arrows(w, "depth", "ArrowRight", 5);
      await arrows(w, "w", "ArrowLeft", 4);
      await pick(w, "activation", "tanh");
    },
  },
  {
    widget: "layer-speed",
    path: "/chapters/03-depth/",
    figure: "fig-layer-speed",
    change: async (w) => {
      await pick(w, "dataset", "circles");
      await pick(w, "activation", "tanh");
      await arrows(w, "depth", "ArrowLeft", 2);
    },
    // One warm-up step and one press of "10 steps".
    warmup: 1,
    trainTo: 11,
  },
  {
    widget: "training-dashboard",
    path: "/chapters/04-spotting/",
    figure: "fig-dashboard",
    change: async (w) => {
      // The knobs sit in a <details> that is closed while a preset is chosen.
      await w.locator("details.td-knobs > summary").click();
      await pick(w, "activation", "tanh");
      await arrows(w, "depth", "ArrowLeft", 3);
      await arrows(w, "seed", "ArrowRight", 41);
    },
    // The warm-up (100 steps) and one press of "10 steps".
    warmup: 100,
    trainTo: 110,
  },
  {
    widget: "remedy-compare",
    path: "/chapters/05-remedies/",
    figure: "fig-he-init",
    change: async (w) => {
      await pick(w, "comparison", "glorot");
    },
    trainTo: 50,
  },
  {
    widget: "bn-percentiles",
    path: "/chapters/05-remedies/",
    figure: "fig-bn-percentiles",
    change: async (w) => {
      await arrows(w, "unit", "ArrowRight", 6);
    },
  },
  {
    widget: "init-variance",
    path: "/chapters/05-remedies/",
    figure: "fig-init-variance",
    change: async (w) => {
      await pick(w, "activation", "relu");
      await arrows(w, "width", "ArrowLeft", 4);
      await arrows(w, "depth", "ArrowLeft", 8);
    },
  },
  {
    widget: "rnn-gradients",
    path: "/chapters/06-remedies-architecture/",
    figure: "fig-rnn-gradients",
    change: async (w) => {
      await arrows(w, "T", "ArrowLeft", 2);
    },
    trainTo: 50,
  },
  {
    widget: "clipping",
    path: "/chapters/06-remedies-architecture/",
    figure: "fig-clipping",
    change: async (w) => {
      await pick(w, "kind", "value");
      await arrows(w, "c", "ArrowRight", 5);
      await arrows(w, "g1", "ArrowLeft", 13);
    },
    trainTo: 25,
  },
];

/** Widgets with URL state that have a page of their own, and where their round trip is tested. */
const TESTED_ELSEWHERE: Readonly<Record<string, string>> = {
  playground: "tests/e2e/playground.e2e.test.ts (the playground page)",
};

test("the round trip covers every widget with URL state", () => {
  const widgets = Object.keys(URL_STATE_WIDGETS).filter((w) => !(w in TESTED_ELSEWHERE));
  expect(CASES.map((c) => c.widget).sort()).toEqual(widgets.sort());
});

/** What the reader sees of a widget's state: control values and the config-derived readouts. */
async function snapshot(w: Locator) {
  const controls = await w.locator("input").evaluateAll((els) =>
    (els as HTMLInputElement[])
      // The dashboard's "inspect step" follows the run, not the config.
      .filter((e) => !e.closest('[data-control="scrub"]'))
      .map((e) =>
        e.type === "radio" || e.type === "checkbox"
          ? `${e.name}=${e.value}:${e.checked}`
          : `${e.name}=${e.value}`,
      ),
  );
  const readouts = await w.locator("[data-readout]").allTextContents();
  const tables = await w.locator("table").allTextContents();
  return { controls, readouts, tables };
}

/** The snapshot once it holds still (a training widget's runs have all stopped). */
async function settled(w: Locator, widget: string) {
  let last = JSON.stringify(await snapshot(w));
  for (let i = 0; i < 60; i += 1) {
    await new Promise((r) => setTimeout(r, 750));
    const now = JSON.stringify(await snapshot(w));
    if (now === last) return JSON.parse(now) as Awaited<ReturnType<typeof snapshot>>;
    last = now;
  }
  throw new Error(`${widget}: the widget never settled`);
}

const shareLink = async (w: Locator) => {
  const button = w.locator("[data-share-link]");
  await expect.poll(() => button.getAttribute("data-share-link"), { timeout: 30_000 }).toMatch(/^http/);
  return (await button.getAttribute("data-share-link")) as string;
};

describe("URL state round trip, every widget", () => {
  test.each(CASES)(
    "$widget ($figure): change, copy the link, open it fresh",
    { timeout: 300_000 },
    async (c) => {
      const p = await h.openPage(c.path);
      // Chapters 5 and 6 hydrate several training islands: allow a loaded machine its time.
      await p.hydrate(90_000);
      const w = p.page.locator(`#${c.figure} [data-widget="${c.widget}"]`);
      const before = await shareLink(w);
      await c.change(w);
      await expect.poll(() => shareLink(w)).not.toBe(before);
      if (c.trainTo !== undefined) {
        // Train, then ask for the step in the link: "Include the current step (N)".
        const box = w.locator("[data-share-step]");
        await expect
          .poll(() => w.locator(".share-state-step").textContent(), { timeout: 60_000 })
          .toContain(`(${c.warmup ?? 0})`);
        await w.locator('[data-action="step"]').click();
        await expect
          .poll(() => w.locator(".share-state-step").textContent(), { timeout: 120_000 })
          .toContain(`(${c.trainTo})`);
        await box.check();
        await expect.poll(() => shareLink(w)).toMatch(new RegExp(`\\.s${c.trainTo}#`));
      }
      // The copy control: keyboard-operable, says what it did (clipboard granted in this context).
      await p.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.baseUrl });
      await w.locator("[data-share-link]").focus();
      await p.page.keyboard.press("Enter");
      await expect.poll(() => w.locator(".share-state-feedback").textContent()).toMatch(/copied|clipboard/);
      const seen = await settled(w, c.widget);
      const link = await shareLink(w);
      p.expectClean();
      await p.close();

      const url = new URL(link);
      expect(url.hash).toBe(`#${c.figure}`);
      const q = await h.openPage(url.pathname + url.search + url.hash);
      await q.hydrate(90_000);
      const v = q.page.locator(`#${c.figure} [data-widget="${c.widget}"]`);
      await expect.poll(() => shareLink(v), { timeout: 60_000 }).toBe(link);
      // Same controls, readouts and tables (a training widget: once it has trained to the step).
      await expect.poll(() => snapshot(v), { timeout: 120_000 }).toEqual(seen);
      expect(await v.locator("[data-url-state-notice]").count()).toBe(0);
      q.expectClean();
      await q.close();
    },
  );
});

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
const LOADS = 42; // a multiple of 3: pages open three at a time

test("210 hostile URL states in Chromium: no error, nothing injected", { timeout: 900_000 }, async () => {
  const values = fc.sample(hostileValue, { numRuns: LOADS * CH1_FIGURES.length, seed: 6 });
  let notices = 0;
  for (let i = 0; i < LOADS; i += 3) {
    const batch = [0, 1, 2].map(async (j) => {
      const q = new URLSearchParams();
      CH1_FIGURES.forEach((f, k) => {
        q.set(f, values[(i + j) * CH1_FIGURES.length + k] as string);
      });
      const p = await h.openPage(`/chapters/01-sigmoid/?${q}`);
      await p.hydrate();
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

  test("every widget of the chapters has an embed page", () => {
    for (const c of CASES) expect(EMBEDDABLE_WIDGETS as readonly string[]).toContain(c.widget);
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

  test.each([...EMBEDDABLE_WIDGETS])(
    "/embed/%s/ with a bad state: defaults and a notice, clean",
    async (widget) => {
      const p = await h.openPage(`/embed/${widget}/?state=v1.%3Cscript%3E`);
      await p.hydrate();
      const w = p.page.locator(`[data-widget="${widget}"]`);
      await shareLink(w);
      // The notice comes after the lazily loaded decoder has read the link: poll for it.
      await expect.poll(() => p.page.locator("[data-url-state-notice]").count(), { timeout: 30_000 }).toBe(1);
      p.expectClean();
      await p.close();
    },
  );
});
