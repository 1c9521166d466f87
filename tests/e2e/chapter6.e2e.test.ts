/**
 * Chapter 6 (skip connections, gated cells, clipping) in real Chromium, in three page loads:
 *
 *  1. The three training widgets driven by mouse and keyboard, one after the other: each trains
 *     in Web Workers, its readouts and charts change, the same seed replays number for number
 *     (the residual comparison and the clipping runs end exactly on the build-time numbers),
 *     reset restores the figure as it loaded, no console error, and axe finds nothing serious in
 *     the widgets afterwards. The worst long task while each trains (Long Tasks API) is printed
 *     (the long-task gate in tests/long-tasks/, run alone, enforces the 50 ms bound).
 *  2. A link with bad state for all three figures (390 px, dark): each widget names what it
 *     ignored or says it could not read the link, and still works.
 *  3. Without JavaScript every figure's build-time charts and numbers are there.
 *
 * Set E2E_DIST=/path/to/dist to test another build than dist/.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { encodeState } from "../../src/components/widgets/common/url-state-link";
import { formatViolation, runAxe } from "./axe.ts";
import { type Harness, type Locator, type Page, startHarness } from "./harness.ts";
import { recordLongTasks, reportLongTasks } from "./long-tasks-recorder.ts";

const PATH = "/chapters/06-remedies-architecture/";
const WIDGETS = [
  '[data-widget="remedy-compare"]',
  '[data-widget="rnn-gradients"]',
  '[data-widget="clipping"]',
];

let h: Harness;
beforeAll(async () => {
  const root = process.env.E2E_DIST;
  h = await startHarness(root ? { root } : {});
});
afterAll(async () => {
  await h.close();
});

const widget = (page: Page, fig: string, name: string) => page.locator(`#${fig} [data-widget="${name}"]`);
const text = (l: Locator) => l.allTextContents().then((t) => t.map((s) => s.trim()).join(" | "));
const readout = (w: Locator, name: string) => w.locator(`[data-readout="${name}"] dd`).textContent();
/** Presses a key `n` times on the focused element. */
async function press(page: Page, key: string, n = 1): Promise<void> {
  for (let i = 0; i < n; i++) await page.keyboard.press(key);
}

describe("chapter 6: skip connections, gated cells, clipping", () => {
  test("the three widgets by mouse and keyboard: train, change, replay the same seed, reset; long tasks reported; axe clean", {
    timeout: 600_000,
  }, async () => {
    const p = await h.openPage(PATH);
    await p.hydrate();

    // --- Residual comparison: plain vs residual, same seed.
    const rc = widget(p.page, "fig-skip-connections", "remedy-compare");
    const rcTable = () => text(rc.locator('[data-table="comparison"] tbody td'));
    const rcStep = () => readout(rc, "step");
    await expect.poll(() => rc.getAttribute("data-mode")).toBe("worker");
    expect(await rc.getAttribute("data-comparison")).toBe("residual");
    expect(await rc.getAttribute("data-depth")).toBe("20");
    const built = await rcTable();
    // The build-time figure: the plain network never reaches the loss target, the residual one does.
    expect(built.split(" | ")[3]).toBe("not reached");
    expect(built.split(" | ")[8]).toMatch(/^\d+$/);
    expect(await rcStep()).toBe("600 of 600");
    expect(await rc.locator(".chart-static svg:visible").count()).toBe(2);

    // Keyboard Play trains both runs to the end; they end on the build-time numbers exactly.
    const heightBefore = (await rc.boundingBox())?.height ?? 0;
    await recordLongTasks(p.page);
    const play = rc.locator('[data-action="play"]');
    await play.focus();
    await p.page.keyboard.press("Enter");
    await expect.poll(() => play.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => rc.locator('[data-chart="grads"]').getAttribute("data-drawn")).toBe("true");
    await expect.poll(() => rc.locator('[data-chart="loss"]').getAttribute("data-drawn")).toBe("true");
    // The live charts took the build-time figures' place without moving the page (the static
    // figures keep their Export row's room): a shift would relayout the whole chapter.
    expect(Math.abs(((await rc.boundingBox())?.height ?? 0) - heightBefore)).toBeLessThanOrEqual(4);
    await expect.poll(rcStep, { timeout: 180_000 }).toBe("600 of 600");
    await expect.poll(() => play.getAttribute("aria-pressed"), { timeout: 10_000 }).toBe("false");
    await expect.poll(rcTable).toBe(built);
    await reportLongTasks(p.page, "chapter 6, residual comparison");

    // Depth by keyboard: both networks at 25 layers, the live runs restart from step 0.
    const depth = rc.locator('[data-control="depth"] input[type="range"]');
    await depth.focus();
    await press(p.page, "ArrowRight", 5);
    await expect.poll(() => rc.getAttribute("data-depth")).toBe("25");
    await expect
      .poll(() => rc.locator('[data-table="comparison"] caption').textContent())
      .toContain("25 hidden layers");
    await expect.poll(rcStep).toBe("0 of 600");
    expect(await rc.locator(".chart-static svg:visible").count()).toBe(0);
    // Step with the mouse: 50 steps of each run at depth 25.
    await rc.locator('[data-action="step"]').click();
    await expect.poll(rcStep, { timeout: 60_000 }).toBe("50 of 600");
    await expect.poll(() => rc.locator('[data-chart="grads"] .chart-live svg').count()).toBe(1);
    const at25 = await rcTable();
    expect(at25).not.toBe(built);
    // Mouse Reset: back to depth 20 and the build-time figure.
    await rc.locator('[data-action="reset"]').click();
    await expect.poll(() => rc.getAttribute("data-depth")).toBe("20");
    await expect.poll(rcTable).toBe(built);
    await expect.poll(() => rc.locator(".chart-static svg:visible").count()).toBe(2);
    expect(await rcStep()).toBe("600 of 600");
    // The same seed at depth 25 again (exact value typed this time): the same 50 steps.
    const exact = rc.locator('[data-control="depth"] input[type="number"]');
    await exact.fill("25");
    await exact.press("Tab");
    await expect.poll(() => rc.getAttribute("data-depth")).toBe("25");
    await rc.locator('[data-action="step"]').focus();
    await p.page.keyboard.press("Space");
    await expect.poll(rcStep, { timeout: 60_000 }).toBe("50 of 600");
    await expect.poll(rcTable).toBe(at25);

    // --- RNN gradients: the sequence-length knob, training, replay and reset.
    const rg = widget(p.page, "fig-rnn-gradients", "rnn-gradients");
    const survival = () => text(rg.locator('[data-readout^="survival-"] dd'));
    const mse = () => text(rg.locator('[data-readout^="mse-"] dd'));
    await rg.scrollIntoViewIfNeeded();
    expect(await rg.getAttribute("data-t")).toBe("20");
    const survival20 = await survival();
    const mseBuilt = await mse();
    expect(mseBuilt).not.toContain("not trained");
    expect(await readout(rg, "step")).toBe("400 of 400");
    // Keyboard: T 20 -> 25; the profile is recomputed (lazily loaded core) and redrawn.
    await rg.locator('[data-control="T"] input[type="range"]').focus();
    await p.page.keyboard.press("ArrowRight");
    await expect.poll(() => rg.getAttribute("data-t")).toBe("25");
    await expect.poll(survival, { timeout: 30_000 }).not.toBe(survival20);
    await expect.poll(() => rg.locator('[data-chart="rnn-profile"]').getAttribute("data-drawn")).toBe("true");
    const survival25 = await survival();
    await expect.poll(() => readout(rg, "step")).toBe("0 of 400");
    // Mouse: 50 steps of all three cells at T = 25.
    await recordLongTasks(p.page);
    await rg.locator('[data-action="step"]').click();
    await expect.poll(() => readout(rg, "step"), { timeout: 120_000 }).toBe("50 of 400");
    await reportLongTasks(p.page, "chapter 6, rnn-gradients");
    await expect.poll(() => rg.locator('[data-chart="rnn-loss"]').getAttribute("data-drawn")).toBe("true");
    await expect.poll(mse).not.toContain("not trained");
    const mse25 = await mse();
    expect(mse25).not.toBe(mseBuilt);
    // Keyboard Reset restores the figure as it loaded.
    await rg.locator('[data-action="reset"]').focus();
    await p.page.keyboard.press("Space");
    await expect.poll(() => rg.getAttribute("data-t")).toBe("20");
    await expect.poll(survival, { timeout: 30_000 }).toBe(survival20);
    await expect.poll(mse).toBe(mseBuilt);
    expect(await readout(rg, "step")).toBe("400 of 400");
    // The same seed at T = 25 again (mouse on the slider's exact field), the same 50 steps.
    const tExact = rg.locator('[data-control="T"] input[type="number"]');
    await tExact.fill("25");
    await tExact.press("Tab");
    await expect.poll(survival, { timeout: 30_000 }).toBe(survival25);
    await rg.locator('[data-action="step"]').click();
    await expect.poll(() => readout(rg, "step"), { timeout: 120_000 }).toBe("50 of 400");
    await expect.poll(mse).toBe(mse25);

    // --- Clipping: the exploding run diverges, the clipped one trains; the 2-D demo.
    const cl = widget(p.page, "fig-clipping", "clipping");
    const runStatus = () =>
      Promise.all(["plain", "clipped", "largest-norm", "share-clipped"].map((n) => readout(cl, n))).then(
        (t) => t.join(" | "),
      );
    await cl.scrollIntoViewIfNeeded();
    const statusBuilt = await runStatus();
    expect(await readout(cl, "plain")).toMatch(/^diverged at step \d+/);
    expect(await readout(cl, "clipped")).toMatch(/^held-out loss .* at step 300$/);
    // Mouse: clip by value instead; the second run restarts.
    await cl.locator('[data-control="kind"] label', { hasText: "by value" }).click();
    await expect.poll(() => cl.getAttribute("data-kind")).toBe("value");
    await expect.poll(() => readout(cl, "clipped")).toBe("not trained yet");
    // Keyboard Play trains both; the unclipped one diverges (a message, not a blank chart).
    await recordLongTasks(p.page);
    const clPlay = cl.locator('[data-action="play"]');
    await clPlay.focus();
    await p.page.keyboard.press("Enter");
    await expect.poll(() => readout(cl, "clipped"), { timeout: 120_000 }).toMatch(/ at step 300$/);
    await reportLongTasks(p.page, "chapter 6, clipping");
    expect(await readout(cl, "plain")).toMatch(/^diverged at step \d+/);
    await expect.poll(() => cl.locator('[data-chart="clip-norms"]').getAttribute("data-drawn")).toBe("true");
    const byValue = await runStatus();
    expect(byValue).not.toBe(statusBuilt);
    // The 2-D demo by keyboard: g2 up; value clipping turns the vector, norm clipping never does.
    const angles = () => Promise.all([readout(cl, "value-angle"), readout(cl, "norm-angle")]);
    const [valueAngle0] = await angles();
    await cl.locator('[data-control="g2"] input[type="range"]').focus();
    await press(p.page, "ArrowRight", 10);
    await expect.poll(async () => (await angles())[0]).not.toBe(valueAngle0);
    expect((await angles())[1]).toBe("0.0°");
    // Changing g2 does not restart the runs.
    expect(await runStatus()).toBe(byValue);
    // Mouse Reset restores the build-time readouts; Play then replays them exactly.
    await cl.locator('[data-action="reset"]').click();
    await expect.poll(() => cl.getAttribute("data-kind")).toBe("norm");
    await expect.poll(runStatus).toBe(statusBuilt);
    await expect.poll(async () => (await angles())[0]).toBe(valueAngle0);
    await clPlay.click();
    // Live readouts from here on (the build-time ones are gone once training starts).
    await expect.poll(() => cl.locator(".chart-static").count()).toBe(0);
    await expect.poll(runStatus, { timeout: 120_000 }).toBe(statusBuilt);
    await expect.poll(() => clPlay.getAttribute("aria-pressed"), { timeout: 10_000 }).toBe("false");
    await expect.poll(() => cl.locator('[data-chart="clip-loss"]').getAttribute("data-drawn")).toBe("true");

    // Axe over the page, judged on this chapter's widgets (site chrome has its own tests).
    const axe = await runAxe(p.page);
    const mine: string[] = [];
    for (const v of axe.blocking) {
      for (const node of v.nodes) {
        const inWidget = await p.page.evaluate(
          ([sel, widgets]) => document.querySelector(sel)?.closest(widgets) != null,
          [node.target.join(" "), WIDGETS.join(", ")] as const,
        );
        if (inWidget) mine.push(formatViolation({ ...v, nodes: [node] }));
      }
    }
    expect(mine).toEqual([]);
    p.expectClean();
    await p.close();
  });

  test("a link with bad state for every figure: each widget says so and still trains (390 px, dark)", async () => {
    const params = new URLSearchParams({
      "fig-skip-connections": encodeState({ comparison: "residual", depth: 999 }),
      "fig-rnn-gradients": "v1.%%%not-base64",
      "fig-clipping": encodeState({ kind: "sideways", c: 1e9, g1: 3, g2: 0.5 }),
    });
    const p = await h.openPage(`${PATH}?${params}`, {
      viewport: { width: 390, height: 844 },
      colorScheme: "dark",
    });
    await p.hydrate();
    const notice = (w: Locator) => w.locator("[data-url-state-notice]").textContent();
    const rc = widget(p.page, "fig-skip-connections", "remedy-compare");
    const rg = widget(p.page, "fig-rnn-gradients", "rnn-gradients");
    const cl = widget(p.page, "fig-clipping", "clipping");
    // The decoder loads lazily once a link carries state: poll for each notice.
    await expect.poll(() => notice(rc), { timeout: 30_000 }).toContain("depth");
    await expect.poll(() => notice(rg), { timeout: 30_000 }).toContain("could not be read");
    await expect.poll(() => notice(cl), { timeout: 30_000 }).toMatch(/kind.*c\b|c\b.*kind/);
    // Clamped, not rejected: depth 999 became the knob's maximum, and the live runs show.
    expect(await rc.getAttribute("data-depth")).toBe("30");
    expect(await readout(rc, "step")).toBe("0 of 600");
    expect(await rg.getAttribute("data-t")).toBe("20");
    expect(await cl.getAttribute("data-kind")).toBe("norm");
    expect(await cl.locator('[data-control="c"] input[type="number"]').inputValue()).toBe("5");
    // Still a working widget.
    await rc.locator('[data-action="step"]').click();
    await expect.poll(() => readout(rc, "step"), { timeout: 60_000 }).toBe("50 of 600");
    expect(await rc.locator('[data-table="comparison"] tbody td').first().textContent()).toMatch(/\d/);
    p.expectClean();
    await p.close();
  });

  test("without JavaScript every figure's charts, numbers and the maths are there", async () => {
    const p = await h.openPage(PATH, { javaScriptEnabled: false });
    const rc = widget(p.page, "fig-skip-connections", "remedy-compare");
    expect(await rc.locator(".chart-static svg:visible").count()).toBe(2);
    expect(await rc.locator('[data-table="comparison"] tbody tr').count()).toBe(2);
    expect(await rc.locator('[data-action="play"]').isDisabled()).toBe(true);
    expect(await rc.locator('[data-control="depth"] input[type="range"]').isDisabled()).toBe(true);
    const rg = widget(p.page, "fig-rnn-gradients", "rnn-gradients");
    expect(await rg.locator("svg").count()).toBeGreaterThanOrEqual(2);
    expect(await text(rg.locator('[data-readout^="mse-"] dd'))).not.toContain("not trained");
    const cl = widget(p.page, "fig-clipping", "clipping");
    expect(await cl.locator(".chart-static svg:visible").count()).toBe(2);
    expect(await readout(cl, "plain")).toMatch(/^diverged at step \d+/);
    expect(await p.page.locator(".katex").count()).toBeGreaterThan(10);
    // The prose quotes the figure's own runs: the residual row's numbers are in its sentence.
    const prose = await p.page.locator("p", { hasText: "held-out points right" }).textContent();
    for (const cell of ["finalLoss", "testAccuracy", "stepsToTarget"]) {
      const n = await rc.locator(`[data-run="remedy"] [data-cell="${cell}"]`).textContent();
      expect(prose).toContain(` ${n}`);
    }
    p.expectClean();
    await p.close();
  });
});
