/**
 * URL state round trip in Chromium (issue 6, item 1), for every widget in the registry: change
 * its controls by keyboard/mouse, take the link from the copy control (`data-share-link`), open
 * it in a fresh page (a new browser context), and find the same config (the re-encoded link is
 * identical), the same control values and the same readouts and tables; widgets that train are
 * also trained a few steps and shared with "include the current step", so the fresh page must
 * train the same seed to exactly that step and show the same numbers.
 *
 * Only the figure under test is scrolled into view and hydrated (islands hydrate
 * `client:visible`): a chapter's other training widgets would otherwise train alongside and
 * take the CPU, and the whole-page checks are the site sweep's job (site.e2e.test.ts). The
 * cases run three at a time. Hostile URL states: url-state-hostile.e2e.test.ts; embed pages:
 * url-state.e2e.test.ts.
 */
import { afterAll, beforeAll, describe, type ExpectStatic, expect, test } from "vitest";
import { EMBEDDABLE_WIDGETS } from "../../src/components/widgets/common/embeddable.ts";
import { URL_STATE_WIDGETS } from "../../src/components/widgets/common/url-state-widgets.ts";
import { type Harness, hydrateFigure, type Locator, startHarness } from "./harness.ts";

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

/** The link of the copy control once it is up (`x`: a concurrent test's own expect). */
const shareLink = async (w: Locator, x: ExpectStatic = expect) => {
  const button = w.locator("[data-share-link]");
  await x.poll(() => button.getAttribute("data-share-link"), { timeout: 30_000 }).toMatch(/^http/);
  return (await button.getAttribute("data-share-link")) as string;
};

test("every widget of the chapters has an embed page", () => {
  for (const c of CASES) expect(EMBEDDABLE_WIDGETS as readonly string[]).toContain(c.widget);
});

describe("URL state round trip, every widget", () => {
  test.concurrent.for(CASES)(
    "$widget ($figure): change, copy the link, open it fresh",
    { timeout: 300_000 },
    // A concurrent test must use its own expect (expect.poll refuses the global one there).
    async (c, { expect }) => {
      const p = await h.openPage(c.path);
      await hydrateFigure(p.page, c.figure);
      const w = p.page.locator(`#${c.figure} [data-widget="${c.widget}"]`);
      const before = await shareLink(w, expect);
      await c.change(w);
      await expect.poll(() => shareLink(w, expect)).not.toBe(before);
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
        await expect.poll(() => shareLink(w, expect)).toMatch(new RegExp(`\\.s${c.trainTo}#`));
      }
      // The copy control: keyboard-operable, says what it did (clipboard granted in this context).
      await p.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.baseUrl });
      await w.locator("[data-share-link]").focus();
      await p.page.keyboard.press("Enter");
      await expect.poll(() => w.locator(".share-state-feedback").textContent()).toMatch(/copied|clipboard/);
      const seen = await settled(w, c.widget);
      const link = await shareLink(w, expect);
      p.expectClean();
      await p.close();

      const url = new URL(link);
      expect(url.hash).toBe(`#${c.figure}`);
      const q = await h.openPage(url.pathname + url.search + url.hash);
      await hydrateFigure(q.page, c.figure);
      const v = q.page.locator(`#${c.figure} [data-widget="${c.widget}"]`);
      await expect.poll(() => shareLink(v, expect), { timeout: 60_000 }).toBe(link);
      // Same controls, readouts and tables (a training widget: once it has trained to the step).
      await expect.poll(() => snapshot(v), { timeout: 120_000 }).toEqual(seen);
      expect(await v.locator("[data-url-state-notice]").count()).toBe(0);
      q.expectClean();
      await q.close();
    },
  );
});
