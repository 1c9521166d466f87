/**
 * Chapter 3 in real Chromium: the gradient chain answers the keyboard (depth slider, activation
 * radios) and the mouse (presets, number boxes); its readouts, per-layer table and log-scale
 * chart change; reset restores them. Without JavaScript the build-time chart and the full
 * table are there. The layer-speed figure trains in the page's worker, on the moons and on the
 * MNIST subset the worker downloads. (Site-wide axe, overflow and maths checks: site.e2e.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { speedNumbers } from "../../src/components/widgets/layer-speed/chapter-numbers.ts";
import { fmt } from "../../src/components/widgets/neuron-stepper/format.ts";
import { formatViolation, runAxe } from "./axe.ts";
import { type Harness, type Locator, type Page, startHarness } from "./harness.ts";

const PATH = "/chapters/03-depth/";
let h: Harness;
beforeAll(async () => {
  // E2E_DIST=/path/to/dist tests another build than dist/ (a private one while others rebuild).
  const root = process.env.E2E_DIST;
  h = await startHarness(root ? { root } : {});
});
afterAll(async () => {
  await h?.close();
});

const chain = (page: Page, fig: string) => page.locator(`#${fig} [data-widget="gradient-chain"]`);
const readout = (w: Locator, name: string) => w.locator(`[data-readout="${name}"] dd`).textContent();
const regime = (w: Locator) => w.locator('[data-readout="regime"]').getAttribute("data-regime");
const rows = (w: Locator) => w.locator('[data-readout="factors"] tbody tr').count();
const chartLabel = (w: Locator) =>
  w.locator('[data-chart="gradient-chain"] .chart-live svg').getAttribute("aria-label");
const state = async (w: Locator) =>
  [
    ...(await w.locator("[data-readout] dd").allTextContents()),
    ...(await w.locator('[data-readout="factors"] td').allTextContents()),
    await chartLabel(w),
  ].join(" | ");

describe("chapter 3: gradient chain", () => {
  test("keyboard and mouse change depth, weight and activation; table and chart follow; reset restores", async () => {
    const p = await h.openPage(PATH);
    await p.hydrate();
    const w = chain(p.page, "fig-gradient-chain");
    await expect
      .poll(() => w.locator('[data-chart="gradient-chain"]').getAttribute("data-drawn"))
      .toBe("true");
    const initial = await state(w);
    expect(await rows(w)).toBe(10);
    expect(await regime(w)).toBe("vanishing");
    // The ratio the text quotes for ten layers.
    expect(await readout(w, "ratio")).toBe("1.24 × 10⁻⁶");

    // Keyboard: depth up five layers with the arrow keys.
    const depth = w.locator('[data-control="depth"] input[type="range"]');
    await depth.focus();
    for (let i = 0; i < 5; i++) await depth.press("ArrowRight");
    await expect.poll(() => rows(w)).toBe(15);
    expect(await chartLabel(w)).toContain("15 layers");
    expect(await readout(w, "ratio")).not.toBe("1.24 × 10⁻⁶");

    // Keyboard: switch to tanh within the radio group; it vanishes far more slowly.
    await w.locator('[data-control="activation"] input[value="sigmoid"]').focus();
    await p.page.keyboard.press("ArrowRight");
    await expect
      .poll(() => w.locator('[data-control="activation"] input[value="tanh"]').isChecked())
      .toBe(true);
    expect(await w.locator("thead").textContent()).toContain("tanh′(zl)");

    // Mouse: type a weight into the number box.
    await w.locator('[data-control="w"] input[type="number"]').fill("0");
    await w.locator('[data-control="w"] input[type="number"]').press("Tab");
    await expect.poll(() => regime(w)).toBe("cut");
    expect(await w.locator('[data-readout="regime"]').textContent()).toContain("cuts the chain");

    // Mouse: the exploding preset.
    await w.locator('[data-preset="exploding"]').click();
    await expect.poll(() => regime(w)).toBe("exploding");
    expect(await readout(w, "ratio")).toBe("2048");
    expect(await w.locator('[data-layer="4"] [data-col="factor"]').textContent()).toBe("2");

    await w.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => state(w)).toBe(initial);
    const axe = await runAxe(p.page);
    expect(axe.blocking.map(formatViolation)).toEqual([]);
    p.expectClean();
    await p.close();
  });

  test("Figure 2 starts on the exploding side; nudging the bias collapses the explosion", async () => {
    const p = await h.openPage(PATH);
    await p.hydrate();
    const w = chain(p.page, "fig-gradient-chain-exploding");
    await w.scrollIntoViewIfNeeded();
    expect(await readout(w, "ratio")).toBe("2048");
    const b = w.locator('[data-control="b"] input[type="range"]');
    await b.focus();
    for (let i = 0; i < 20; i++) await b.press("ArrowRight"); // b from −4 to −2
    await expect.poll(() => regime(w)).toBe("vanishing");
    p.expectClean();
    await p.close();
  });

  test("at 390 px in dark mode the table scrolls inside the widget, not the page", async () => {
    const p = await h.openPage(PATH, { viewport: { width: 390, height: 844 }, colorScheme: "dark" });
    await p.hydrate();
    const w = chain(p.page, "fig-gradient-chain");
    expect(await w.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    const svgWidth = await w.locator(".chart-live svg").evaluate((el) => el.getBoundingClientRect().width);
    expect(svgWidth).toBeLessThanOrEqual(390);
    p.expectClean();
    await p.close();
  });
});

describe("chapter 3: a real network's per-layer speed of learning", () => {
  test("trains in the browser; play, pause, a keyboard-chosen activation and reset", async () => {
    const p = await h.openPage(PATH);
    await p.hydrate();
    const w = p.page.locator('#fig-layer-speed [data-widget="layer-speed"]');
    await w.scrollIntoViewIfNeeded();
    const ratioFirst = await readout(w, "ratio-first");
    // The build-time first step and the browser's agree (same core, same seed).
    await expect.poll(() => readout(w, "steps"), { timeout: 30_000 }).toBe("1 of 300");
    expect(await readout(w, "ratio-first")).toBe(ratioFirst);
    const seriesSvg = () =>
      w.locator('[data-chart="layer-series"] .chart-live svg').evaluate((el) => el.innerHTML);
    const series = await seriesSvg();

    await w.locator('[data-action="play"]').click();
    await expect
      .poll(async () => Number((await readout(w, "steps"))?.split(" ")[0]), { timeout: 60_000 })
      .toBeGreaterThan(30);
    await w.locator('[data-action="play"]').click();
    expect(await w.locator('[data-chart="layer-series"] svg').last().getAttribute("aria-label")).not.toBe(
      series,
    );
    expect(await readout(w, "ratio-now")).not.toBe(ratioFirst);

    // Keyboard: tanh restarts the run with a much larger first-to-last ratio.
    await w.locator('[data-control="activation"] input[value="sigmoid"]').focus();
    await p.page.keyboard.press("ArrowRight");
    await expect.poll(() => readout(w, "steps"), { timeout: 30_000 }).toBe("1 of 300");
    expect(await readout(w, "ratio-first")).not.toBe(ratioFirst);

    await w.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => readout(w, "ratio-first"), { timeout: 30_000 }).toBe(ratioFirst);
    p.expectClean();
    await p.close();
  });
});

describe("chapter 3: the per-layer speed of learning on MNIST", () => {
  test("MNIST chosen by keyboard: the worker loads the subset and trains; ratio and chart change; 10 steps by mouse; reset restores the moons", async () => {
    // The number the prose quotes, computed by the core in Node: the browser must agree.
    const mnistRatio = fmt(speedNumbers({ dataset: "mnist" }, { steps: 1 }).ratioFirst);
    const p = await h.openPage(PATH);
    await p.hydrate();
    const w = p.page.locator('#fig-layer-speed [data-widget="layer-speed"]');
    await w.scrollIntoViewIfNeeded();
    await expect.poll(() => readout(w, "steps"), { timeout: 30_000 }).toBe("1 of 300");
    const profile = () =>
      w.locator('[data-chart="layer-profile"] .chart-live svg').getAttribute("aria-label");
    const moons = {
      ratio: await readout(w, "ratio-first"),
      accuracy: await readout(w, "accuracy"),
      profile: await profile(),
    };
    expect(moons.ratio).not.toBe(mnistRatio);
    // The "Loading the MNIST subset" notice may last a moment only: watch for it from now on.
    await w.evaluate((el) => {
      const seen = (): void => {
        const note = el.querySelector('[data-readout="loading"]');
        if (note) el.setAttribute("data-test-loading-seen", note.textContent ?? "");
      };
      new MutationObserver(seen).observe(el, { childList: true, subtree: true });
    });

    // Keyboard: from "moons", ArrowLeft wraps round the radio group to the last choice, MNIST.
    await w.locator('[data-control="dataset"] input[value="moons"]').focus();
    await p.page.keyboard.press("ArrowLeft");
    await expect
      .poll(() => w.locator('[data-control="dataset"] input[value="mnist"]').isChecked())
      .toBe(true);
    await expect
      .poll(() => w.getAttribute("data-test-loading-seen"), { timeout: 30_000 })
      .toBe("Loading the MNIST subset (0.5 MB)…");
    await expect.poll(() => readout(w, "ratio-first"), { timeout: 60_000 }).toBe(mnistRatio);
    expect(await readout(w, "steps")).toBe("1 of 300");
    expect(await w.locator('[data-readout="loading"]').count()).toBe(0);
    expect(await w.locator('[data-readout="status"]').count()).toBe(0);
    expect(await readout(w, "accuracy")).toMatch(/^\d+\.\d%$/);
    await expect.poll(profile).not.toBe(moons.profile);
    const afterOne = { now: await readout(w, "ratio-now"), profile: await profile() };

    // Mouse: ten more steps on the digits; the latest-step ratio and the profile move.
    await w.locator('[data-action="step"]').click();
    await expect.poll(() => readout(w, "steps"), { timeout: 60_000 }).toBe("11 of 300");
    await expect.poll(() => readout(w, "ratio-now")).not.toBe(afterOne.now);
    await expect.poll(profile).not.toBe(afterOne.profile);

    // Reset: back to the figure as it loaded (the moons), same seed, same numbers.
    await w.getByRole("button", { name: "Reset" }).click();
    await expect
      .poll(() => w.locator('[data-control="dataset"] input[value="moons"]').isChecked())
      .toBe(true);
    await expect.poll(() => readout(w, "ratio-first"), { timeout: 30_000 }).toBe(moons.ratio);
    await expect.poll(() => readout(w, "steps"), { timeout: 30_000 }).toBe("1 of 300");
    expect(await readout(w, "accuracy")).toBe(moons.accuracy);
    await expect.poll(profile).toBe(moons.profile);
    p.expectClean();
    await p.close();
  });
});

describe("chapter 3 without JavaScript", () => {
  test("the build-time chart and the per-layer table are there, controls disabled", async () => {
    const p = await h.openPage(PATH, { javaScriptEnabled: false });
    const w = chain(p.page, "fig-gradient-chain");
    expect(await w.locator(".chart-static svg").isVisible()).toBe(true);
    expect(await rows(w)).toBe(10);
    expect(await readout(w, "ratio")).toBe("1.24 × 10⁻⁶");
    expect(await w.locator('[data-control="depth"] input[type="range"]').isDisabled()).toBe(true);
    expect(await p.page.locator("[data-exercise]").count()).toBe(3);
    const speed = p.page.locator('#fig-layer-speed [data-widget="layer-speed"]');
    expect(await speed.locator('[data-chart="layer-profile"] .chart-static svg').isVisible()).toBe(true);
    expect(await readout(speed, "ratio-first")).toMatch(/^\d/);
    p.expectClean();
    await p.close();
  });
});
