/**
 * Chapter 2 in real Chromium: the neuron stepper steps with the mouse and the keyboard, its
 * readouts, factor table and both charts change, reset restores them; the saturated preset
 * crawls under squared error and cross-entropy fixes it; without JavaScript both charts and
 * the factor table are there. (Site-wide axe, overflow and maths checks: site.e2e.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatViolation, runAxe } from "./axe.ts";
import { type Harness, type Locator, type Page, startHarness } from "./harness.ts";

const PATH = "/chapters/02-one-neuron/";
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const stepper = (page: Page, fig: string) => page.locator(`#${fig} [data-widget="neuron-stepper"]`);
const readout = (w: Locator, name: string) => w.locator(`[data-readout="${name}"] dd`).textContent();
const factor = (w: Locator, name: string) => w.locator(`[data-factor="${name}"] td`).last().textContent();
const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** Parses the widgets' number text back: "−0.25", "32,571", "6.14 × 10⁻⁶". */
const num = (text: string | null): number => {
  const [mantissa = "", exponent] = (text ?? "").replace(/−/g, "-").replace(/,/g, "").split(" × 10");
  if (exponent === undefined) return Number(mantissa);
  const e = [...exponent].map((c) => (c === "⁻" ? "-" : String(SUPERSCRIPTS.indexOf(c)))).join("");
  return Number(`${mantissa}e${e}`);
};
const state = async (w: Locator) =>
  [
    ...(await w.locator("[data-readout] dd").allTextContents()),
    ...(await w.locator("[data-factor] td:last-child").allTextContents()),
    await w.locator('[data-chart="loss-trace"] .chart-live svg').getAttribute("aria-label"),
    await w.locator('[data-chart="loss-surface"] .chart-live svg').getAttribute("aria-label"),
  ].join(" | ");

describe("chapter 2: neuron stepper", () => {
  test("mouse and keyboard step it; readouts, table and charts change; reset restores", async () => {
    const p = await h.openPage(PATH);
    await p.hydrate();
    const w = stepper(p.page, "fig-neuron-stepper");
    await expect.poll(() => w.locator('[data-chart="loss-trace"]').getAttribute("data-drawn")).toBe("true");
    await expect.poll(() => w.locator('[data-chart="loss-surface"]').getAttribute("data-drawn")).toBe("true");
    expect(await w.locator(".chart-static").count()).toBe(0);
    const initial = await state(w);
    expect(await readout(w, "steps")).toBe("0");
    // The worked example of the text: dL/dw = 0.731 × 0.197 × 2 = 0.2875
    expect(await factor(w, "dLdw")).toBe("0.2875");
    const wNext = await factor(w, "wNext");

    // Mouse: one step moves w to the table's "new w" and redraws both charts.
    const traceBefore = await w.locator('[data-chart="loss-trace"] svg').getAttribute("aria-label");
    await w.locator('[data-action="step"]').click();
    await expect.poll(() => readout(w, "steps")).toBe("1");
    expect(await readout(w, "w")).toBe(wNext);
    expect(await w.locator('[data-chart="loss-trace"] svg').getAttribute("aria-label")).not.toBe(traceBefore);

    // Keyboard: the step button answers Enter and Space.
    await w.locator('[data-action="step"]').focus();
    await p.page.keyboard.press("Enter");
    await p.page.keyboard.press("Space");
    await expect.poll(() => readout(w, "steps")).toBe("3");

    // Keyboard on a slider: η up by three steps restarts the run from the start with the new η.
    const eta = w.locator('[data-control="eta"] input[type="range"]');
    await eta.focus();
    await eta.press("ArrowRight");
    await eta.press("ArrowRight");
    await eta.press("ArrowRight");
    await expect.poll(() => w.locator('[data-control="eta"] input[type="number"]').inputValue()).toBe("1.03");
    expect(await readout(w, "steps")).toBe("0");
    expect(await eta.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");

    // Play runs on its own until paused.
    await w.locator('[data-action="play"]').click();
    await expect.poll(async () => num(await readout(w, "steps")), { timeout: 10_000 }).toBeGreaterThan(3);
    await w.locator('[data-action="play"]').click();
    const paused = await readout(w, "steps");
    await p.page.waitForTimeout(400);
    expect(await readout(w, "steps")).toBe(paused);

    await w.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => state(w)).toBe(initial);
    p.expectClean();
    await p.close();
  });

  test("the saturated start crawls under squared error; cross-entropy, chosen by keyboard, learns in a few steps", async () => {
    const p = await h.openPage(PATH);
    await p.hydrate();
    const w = stepper(p.page, "fig-saturated-neuron");
    await w.scrollIntoViewIfNeeded();
    expect(num(await factor(w, "sigmaPrime"))).toBeLessThan(1e-5);
    await w.locator('[data-control="speed"] input[value="1000"]').click();
    await w.locator('[data-action="play"]').click();
    await expect
      .poll(async () => num(await readout(w, "steps")), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(3000);
    await w.locator('[data-action="play"]').click();
    // Thousands of steps and the loss has barely moved from 0.5.
    expect(num(await readout(w, "loss"))).toBeGreaterThan(0.45);

    // Switch the loss with the keyboard: arrow keys move within the radio group (restarts the run).
    await w.locator('[data-control="loss"] input[value="squared"]').focus();
    await p.page.keyboard.press("ArrowRight");
    await expect
      .poll(() => w.locator('[data-control="loss"] input[value="crossEntropy"]').isChecked())
      .toBe(true);
    expect(await readout(w, "steps")).toBe("0");
    expect(num(await factor(w, "dLdw"))).toBeGreaterThan(1.9);
    const step = w.locator('[data-action="step"]');
    for (let i = 0; i < 25; i++) await step.click();
    expect(num(await readout(w, "loss"))).toBeLessThan(0.01);
    const axe = await runAxe(p.page);
    expect(axe.blocking.map(formatViolation)).toEqual([]);
    p.expectClean();
    await p.close();
  });

  test("at 390 px in dark mode the equations wrap inside the widget and the charts fit", async () => {
    const p = await h.openPage(PATH, { viewport: { width: 390, height: 844 }, colorScheme: "dark" });
    await p.hydrate();
    const w = stepper(p.page, "fig-neuron-stepper");
    const overflow = await w.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    const svgWidth = await w
      .locator('[data-chart="loss-surface"] .chart-live svg')
      .evaluate((el) => el.getBoundingClientRect().width);
    expect(svgWidth).toBeLessThanOrEqual(390);
    p.expectClean();
    await p.close();
  });
});

describe("chapter 2 without JavaScript", () => {
  test("both steppers show their build-time charts, the next update's numbers and disabled controls", async () => {
    const p = await h.openPage(PATH, { javaScriptEnabled: false });
    expect(await p.page.locator('[data-widget="neuron-stepper"]').count()).toBe(2);
    const w = stepper(p.page, "fig-neuron-stepper");
    expect(await w.locator('[data-chart="loss-trace"] .chart-static svg').count()).toBe(1);
    expect(await w.locator('[data-chart="loss-surface"] .chart-static svg').isVisible()).toBe(true);
    expect(await factor(w, "dLdw")).toBe("0.2875");
    expect(await w.locator('[data-action="step"]').isDisabled()).toBe(true);
    expect(await p.page.locator("[data-exercise]").count()).toBe(3);
    p.expectClean();
    await p.close();
  });
});
