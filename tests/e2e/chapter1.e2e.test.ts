/**
 * Chapter 1 in real Chromium: the activation explorer answers mouse drags on its chart,
 * arrow keys on its slider and the activation switch; reset restores the readouts; without
 * JavaScript the static figure, the text and the maths are there.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Harness, type Page, startHarness } from "./harness.ts";

const PATH = "/chapters/01-sigmoid/";
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** Figure 1's explorer (the chapter has several, each starting from a different state). */
const explorer = (page: Page) => page.locator('#fig-sigmoid [data-widget="activation-explorer"]');
const readouts = (page: Page) =>
  explorer(page)
    .locator("[data-readout] dd")
    .allTextContents()
    .then((t) => t.join(" | "));
const readout = (page: Page, name: string) =>
  explorer(page).locator(`[data-readout="${name}"] dd`).textContent();

describe("chapter 1: activation explorer", () => {
  test("mouse drag on the chart moves x; arrow keys step it; reset restores the readouts", async () => {
    const p = await h.openPage(PATH);
    await p.hydrate();
    const w = explorer(p.page);
    await expect.poll(() => w.locator('[data-chart="activation"]').getAttribute("data-drawn")).toBe("true");
    // The build-time static copy has been replaced by exactly one live chart.
    expect(await w.locator(".chart-static").count()).toBe(0);
    expect(await w.locator(".chart-live svg").count()).toBe(1);
    const initial = await readouts(p.page);

    // Drag from near the left edge of the plot area to the middle.
    const svg = w.locator(".chart-live svg");
    await svg.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    await p.page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.5);
    await p.page.mouse.down();
    const xAfterDown = Number((await readout(p.page, "x"))?.replace("−", "-"));
    expect(xAfterDown).toBeLessThan(-4);
    await p.page.mouse.move(box.x + box.width * 0.53, box.y + box.height * 0.5, { steps: 8 });
    await p.page.mouse.up();
    const xAfterDrag = Number((await readout(p.page, "x"))?.replace("−", "-"));
    expect(Math.abs(xAfterDrag)).toBeLessThan(1.5);
    expect(await readouts(p.page)).not.toBe(initial);

    // Keyboard: focus the x slider and press the arrow keys.
    const slider = w.locator('[data-control="x"] input[type="range"]');
    await slider.focus();
    const before = await readout(p.page, "x");
    await slider.press("ArrowRight");
    await slider.press("ArrowRight");
    await slider.press("ArrowRight");
    const afterKeys = Number((await readout(p.page, "x"))?.replace("−", "-"));
    expect(afterKeys).toBeCloseTo(Number(before?.replace("−", "-")) + 0.3, 6);
    // Focus is visible on the slider (an outline, not 'none').
    const outline = await slider.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");

    // Switch to tanh with the keyboard (arrow keys within the radio group).
    await w.locator('[data-control="activation"] input[value="sigmoid"]').focus();
    await p.page.keyboard.press("ArrowRight");
    await expect
      .poll(() => w.locator('[data-control="activation"] input[value="tanh"]').isChecked())
      .toBe(true);
    expect(await w.locator(".chart-live svg").getAttribute("aria-label")).toContain("tanh(x)");

    await w.getByRole("button", { name: "Reset" }).click();
    expect(await readouts(p.page)).toBe(initial);
    // Live and static charts never share an id (a shared clip-path id once clipped labels away).
    const duplicateIds = await p.page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    expect(duplicateIds).toEqual([]);
    p.expectClean();
    await p.close();
  });

  test("touch-style pointer events (pen/touch share the pointer path) move x too", async () => {
    const p = await h.openPage(PATH, { viewport: { width: 390, height: 844 } });
    await p.hydrate();
    const w = explorer(p.page);
    const svg = w.locator(".chart-live svg");
    await svg.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    const before = await readout(p.page, "x");
    await svg.dispatchEvent("pointerdown", {
      pointerType: "touch",
      isPrimary: true,
      button: 0,
      pointerId: 7,
      clientX: box.x + box.width * 0.9,
      clientY: box.y + box.height / 2,
    });
    await expect.poll(() => readout(p.page, "x")).not.toBe(before);
    expect(Number(await readout(p.page, "x"))).toBeGreaterThan(5);
    p.expectClean();
    await p.close();
  });

  test("dark mode: the chart's colours follow the theme tokens", async () => {
    const p = await h.openPage(PATH, { colorScheme: "dark" });
    await p.hydrate();
    const ink = await explorer(p.page)
      .locator(".chart-live svg")
      .evaluate((svg) => getComputedStyle(svg).color);
    const body = await p.page.evaluate(() => getComputedStyle(document.body).color);
    expect(ink).toBe(body);
    // The σ curve's stroke resolves to the dark theme's --series-1, not the light fallback.
    const { stroke, token } = await explorer(p.page)
      .locator(".chart-live svg")
      .evaluate((svg) => {
        const path = [...svg.querySelectorAll("path")].find((el) =>
          (el.closest("[stroke]")?.getAttribute("stroke") ?? "").includes("--series-1"),
        );
        const probe = document.createElement("span");
        probe.style.color = "var(--series-1)";
        document.body.append(probe);
        const token = getComputedStyle(probe).color;
        probe.remove();
        return { stroke: path ? getComputedStyle(path).stroke : "none", token };
      });
    expect(stroke).toBe(token);
    expect(stroke).not.toBe("rgb(31, 102, 204)"); // the light value #1f66cc
    p.expectClean();
    await p.close();
  });
});

describe("chapter 1: exercises", () => {
  test("a typed answer is checked against the build-time value; options too", async () => {
    const p = await h.openPage(PATH);
    await p.hydrate();
    const ex1 = p.page.locator("#ex-sigmoid-prime-2");
    const form1 = ex1.locator("[data-exercise-check]");
    await ex1.getByRole("textbox", { name: /Your answer/ }).fill("0.25");
    await ex1.getByRole("button", { name: "Check" }).click();
    await expect.poll(() => form1.getAttribute("data-result")).toBe("incorrect");
    await ex1.getByRole("textbox", { name: /Your answer/ }).fill("0.105");
    await ex1.getByRole("textbox", { name: /Your answer/ }).press("Enter");
    await expect.poll(() => form1.getAttribute("data-result")).toBe("correct");
    expect(await ex1.locator('[data-readout="feedback"]').textContent()).toBe("Correct.");

    const ex3 = p.page.locator("#ex-steepest-at-minus-3");
    await ex3.getByLabel("tanh").check();
    await ex3.getByRole("button", { name: "Check" }).click();
    await expect
      .poll(() => ex3.locator("[data-exercise-check]").getAttribute("data-result"))
      .toBe("incorrect");
    await ex3.getByLabel("sigmoid").check();
    await ex3.getByRole("button", { name: "Check" }).click();
    await expect.poll(() => ex3.locator("[data-exercise-check]").getAttribute("data-result")).toBe("correct");
    p.expectClean();
    await p.close();
  });
});

describe("chapter 1 without JavaScript", () => {
  test("the static figure, the readouts, the text and the maths are there", async () => {
    const p = await h.openPage(PATH, { javaScriptEnabled: false });
    const w = explorer(p.page);
    expect(await w.count()).toBe(1);
    expect(await p.page.locator('[data-widget="activation-explorer"]').count()).toBe(4);
    expect(await p.page.locator('[data-widget="derivative-compare"] .chart-static svg').count()).toBe(1);
    // The build-time chart is present and visible inside the island's slot.
    const staticSvg = w.locator(".chart-static svg");
    expect(await staticSvg.count()).toBe(1);
    expect(await staticSvg.isVisible()).toBe(true);
    expect(await staticSvg.getAttribute("aria-label")).toContain("sigmoid(x)");
    expect(await readout(p.page, "df")).toMatch(/^\d/);
    // Controls are shown disabled rather than pretending to work.
    expect(await w.locator('[data-control="x"] input[type="range"]').isDisabled()).toBe(true);
    expect(await p.page.locator(".katex").count()).toBeGreaterThan(5);
    expect(await p.page.locator(".katex-display").count()).toBeGreaterThan(2);
    // Each exercise's answer is in a <details> that opens without JavaScript.
    const details = p.page.locator("[data-exercise] details");
    expect(await details.count()).toBeGreaterThanOrEqual(2);
    await details.first().locator("summary").click();
    expect(await details.first().getAttribute("open")).not.toBeNull();
    p.expectClean();
    await p.close();
  });
});
