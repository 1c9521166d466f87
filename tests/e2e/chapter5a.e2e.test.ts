/**
 * Chapter 5, remedies 1–3, in real Chromium: the same-seed comparisons train both runs in Web
 * Workers by mouse and keyboard and end on exactly the build-time numbers (same seed, same
 * data, same initial draw, same batches), reset restores the build-time figure, the picker
 * switches comparisons, the init-variance figure answers its knobs, long tasks while training are
 * reported (Long Tasks API; the 50 ms bound is enforced by tests/long-tasks, run alone), axe
 * finds nothing serious after interaction, and without JavaScript every figure and table is there.
 *
 * Set E2E_DIST=/path/to/dist to test another build than dist/.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatViolation, runAxe } from "./axe.ts";
import { type Harness, type Page, startHarness } from "./harness.ts";
import { recordLongTasks, reportLongTasks } from "./long-tasks-recorder.ts";

const PATH = "/chapters/05-remedies/";
let h: Harness;

beforeAll(async () => {
  const root = process.env.E2E_DIST;
  h = await startHarness(root ? { root } : {});
});
afterAll(async () => {
  await h.close();
});

const compare = (page: Page, fig: string) => page.locator(`#${fig} [data-widget="remedy-compare"]`);
const table = (page: Page, fig: string) =>
  compare(page, fig)
    .locator('[data-table="comparison"] tbody td')
    .allTextContents()
    .then((t) => t.join(" | "));
const step = (page: Page, fig: string) =>
  compare(page, fig).locator('[data-readout="step"] dd').textContent();

describe("chapter 5a: normalisation, ReLU, initialisation", () => {
  test("batch-norm comparison: keyboard Play trains both runs to the build-time numbers; mouse Reset restores; long tasks reported", async () => {
    const p = await h.openPage(PATH);
    await p.hydrate();
    const w = compare(p.page, "fig-batch-norm");
    await expect.poll(() => w.getAttribute("data-mode")).toBe("worker");
    const built = await table(p.page, "fig-batch-norm");
    expect(built).toContain("not reached");
    expect(await step(p.page, "fig-batch-norm")).toBe("600 of 600");
    expect(await w.locator(".chart-static svg:visible").count()).toBe(2);

    await recordLongTasks(p.page);
    const play = w.locator('[data-action="play"]');
    await play.focus();
    await p.page.keyboard.press("Enter");
    await expect.poll(() => play.getAttribute("aria-pressed")).toBe("true");
    // The live charts replace the static ones as soon as training starts.
    await expect.poll(() => w.locator('[data-chart="grads"]').getAttribute("data-drawn")).toBe("true");
    await expect.poll(() => step(p.page, "fig-batch-norm"), { timeout: 180_000 }).toBe("600 of 600");
    await expect.poll(() => play.getAttribute("aria-pressed"), { timeout: 10_000 }).toBe("false");
    // Both runs end on the build-time numbers exactly: the core's exp/log/sin/cos are portable
    // (src/lib/portable-math.ts), so the batch-norm run in Chromium's worker is bit-identical to
    // the one Node trained at build time (before, Math.exp differed in the last bit and the
    // batch-norm run drifted from its first step).
    await expect.poll(() => table(p.page, "fig-batch-norm")).toBe(built);
    await reportLongTasks(p.page, "chapter 5a");

    // Step with the mouse after a reset: 50 steps of each run; a second reset and step replays
    // the same seed in the browser, number for number; a last reset restores the figure.
    await w.locator('[data-action="reset"]').click();
    await expect.poll(() => w.locator(".chart-static svg:visible").count()).toBe(2);
    await w.locator('[data-action="step"]').click();
    await expect.poll(() => step(p.page, "fig-batch-norm"), { timeout: 60_000 }).toBe("50 of 600");
    const at50 = await table(p.page, "fig-batch-norm");
    expect(at50).not.toBe(built);
    await w.locator('[data-action="reset"]').click();
    await expect.poll(() => table(p.page, "fig-batch-norm")).toBe(built);
    await w.locator('[data-action="step"]').click();
    await expect.poll(() => step(p.page, "fig-batch-norm"), { timeout: 60_000 }).toBe("50 of 600");
    await expect.poll(() => table(p.page, "fig-batch-norm")).toBe(at50);
    await w.locator('[data-action="reset"]').click();
    await expect.poll(() => table(p.page, "fig-batch-norm")).toBe(built);
    expect(await step(p.page, "fig-batch-norm")).toBe("600 of 600");

    // Axe over the whole page, judged on this chapter's widgets (site chrome has its own tests).
    const axe = await runAxe(p.page);
    const mine: string[] = [];
    for (const v of axe.blocking) {
      for (const node of v.nodes) {
        const inWidget = await p.page.evaluate(
          (sel) =>
            document
              .querySelector(sel)
              ?.closest(
                '[data-widget="remedy-compare"], [data-widget="init-variance"], [data-widget="bn-percentiles"]',
              ) != null,
          node.target.join(" "),
        );
        if (inWidget) mine.push(formatViolation({ ...v, nodes: [node] }));
      }
    }
    expect(mine).toEqual([]);
    p.expectClean();
    await p.close();
  });

  test("the init comparison's picker switches to Glorot by mouse and steps by keyboard", async () => {
    const p = await h.openPage(PATH, { viewport: { width: 390, height: 844 } });
    await p.hydrate();
    const w = compare(p.page, "fig-he-init");
    const built = await table(p.page, "fig-he-init");
    await w.locator('[data-control="comparison"] label', { hasText: "Glorot" }).click();
    await expect.poll(() => w.getAttribute("data-comparison")).toBe("glorot");
    await expect.poll(() => w.locator('[data-run="remedy"] th').textContent()).toBe("tanh, Glorot init");
    await w.locator('[data-action="step"]').focus();
    await p.page.keyboard.press("Enter");
    await expect.poll(() => step(p.page, "fig-he-init"), { timeout: 60_000 }).toBe("50 of 600");
    await w.locator('[data-action="reset"]').focus();
    await p.page.keyboard.press("Space");
    await expect.poll(() => w.getAttribute("data-comparison")).toBe("he");
    await expect.poll(() => table(p.page, "fig-he-init")).toBe(built);
    p.expectClean();
    await p.close();
  });

  test("init-variance: keyboard and mouse change the activation and width; reset restores", async () => {
    const p = await h.openPage(PATH, { colorScheme: "dark" });
    await p.hydrate();
    const w = p.page.locator('#fig-init-variance [data-widget="init-variance"]');
    const numbers = () =>
      w
        .locator('[data-table="variance"] tbody td')
        .allTextContents()
        .then((t) => t.join(" | "));
    const initial = await numbers();
    // Arrow keys move through the radio group: tanh -> ReLU.
    await w.locator('[data-control="activation"] input[value="tanh"]').focus();
    await p.page.keyboard.press("ArrowRight");
    await expect
      .poll(() => w.locator('[data-control="activation"] input[value="relu"]').isChecked())
      .toBe(true);
    // The estimate loads on the first change and runs a few layers per task: poll patiently.
    await expect.poll(() => numbers(), { timeout: 30_000 }).not.toBe(initial);
    await expect.poll(() => w.getAttribute("data-pending"), { timeout: 30_000 }).toBe("false");
    const relu = await numbers();
    // Mouse: pick the sigmoid; its backward column is tiny under every scheme.
    await w.locator('[data-control="activation"] label', { hasText: "sigmoid" }).click();
    await expect.poll(() => numbers(), { timeout: 30_000 }).not.toBe(relu);
    await expect.poll(() => w.getAttribute("data-pending"), { timeout: 30_000 }).toBe("false");
    const back = await w.locator('[data-cell="backward"]').allTextContents();
    for (const b of back) expect(Number(b)).toBeLessThan(1e-3);
    // Width by keyboard on its slider.
    await w.locator('[data-control="width"] input[type="range"]').focus();
    await p.page.keyboard.press("ArrowLeft");
    await expect
      .poll(() => w.locator('[data-table="variance"] caption').textContent(), { timeout: 30_000 })
      .toContain("width 56");
    await w.locator('[data-action="reset"]').click();
    await expect.poll(() => numbers(), { timeout: 30_000 }).toBe(initial);
    p.expectClean();
    await p.close();
  });

  test("without JavaScript every figure, table and the maths are there", async () => {
    const p = await h.openPage(PATH, { javaScriptEnabled: false });
    for (const fig of ["fig-batch-norm", "fig-relu", "fig-he-init"]) {
      expect(await compare(p.page, fig).locator(".chart-static svg:visible").count()).toBe(2);
      expect(await compare(p.page, fig).locator('[data-table="comparison"] tbody tr').count()).toBe(2);
      expect(await compare(p.page, fig).locator('[data-action="play"]').isDisabled()).toBe(true);
    }
    const iv = p.page.locator('#fig-init-variance [data-widget="init-variance"]');
    expect(await iv.locator(".chart-static svg").count()).toBe(2);
    expect(await iv.locator('[data-table="variance"] tbody tr').count()).toBe(3);
    expect(await p.page.locator(".katex").count()).toBeGreaterThan(20);
    p.expectClean();
    await p.close();
  });
});
