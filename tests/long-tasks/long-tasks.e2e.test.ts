/**
 * The long-task gate (issue 5: "the page never has a task longer than 50 ms while a widget
 * trains"). Run alone, after the other e2e tests (vitest.long-tasks.config.ts: one file, one
 * page at a time), by scripts/test-all.sh.
 *
 * For every widget that trains or recomputes in the page, the test opens its chapter, lets the
 * page load and every island hydrate, waits a second more — so the page-load and hydration
 * window is deliberately EXCLUDED: the bound is about what happens while a widget trains —
 * then starts two recorders and drives the widget (Play, or its knobs):
 *  - the Long Tasks API (PerformanceObserver "longtask"): wall-clock tasks >= 50 ms;
 *  - a Chromium trace of the renderer's main thread: every task with its CPU time.
 * It asserts that no task used more than 50 ms of main-thread CPU (unless the machine is
 * overloaded: 1-minute load above 4 per core). The Long Tasks API's wall-clock worst is printed
 * (and, on a quiet machine, flagged against 50 ms) but not yet asserted: see the comment in
 * measure(). Wall time on an overloaded machine measures the machine, not the page (see
 * main-thread-tasks.ts); both numbers are printed per widget either way, with the load.
 *
 * Each scenario trains for at most PLAY_MS, then pauses, and must change what the widget
 * shows (so a widget that silently did nothing cannot pass).
 *
 * Run: `npm run test:long-tasks` after a build (E2E_DIST=/path/to/dist for another build).
 */
import { availableParallelism, loadavg } from "node:os";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Harness, type Locator, type Page, startHarness } from "../e2e/harness.ts";
import { type MainThreadTask, startMainThreadTrace, stopMainThreadTrace } from "./main-thread-tasks.ts";

/** The bound, and the Long Tasks API's own threshold. */
const LONG_TASK_MS = 50;
/** Training time per widget: long enough for many redraws, short enough to keep the gate quick. */
const PLAY_MS = 5_000;
/** Above this 1-minute load per core the wall-clock bound is reported, not asserted. */
const QUIET_LOAD_PER_CORE = 1;
/**
 * Above this load even CPU time stretches (shared caches and cores: 55 ms measured for a task
 * of ~25 ms at 20 per core); the CPU bound is then reported, not asserted. CI runs this pass
 * alone, far below it.
 */
const BUSY_LOAD_PER_CORE = 4;

let h: Harness;
beforeAll(async () => {
  const root = process.env.E2E_DIST;
  h = await startHarness(root ? { root } : {});
});
afterAll(async () => {
  // One table for the report: the worst task per widget, both ways.
  console.log(
    [
      "worst task while training, per widget (wall = Long Tasks API; CPU = main-thread trace):",
      ...results.map(
        (r) =>
          `  ${r.widget.padEnd(34)} wall ${Math.max(0, ...r.longTasks)
            .toFixed(0)
            .padStart(5)} ms` +
          `  CPU ${Math.max(0, ...r.tasks.map((t) => t.cpuMs))
            .toFixed(1)
            .padStart(5)} ms  (load ${r.load.toFixed(1)}/core)`,
      ),
    ].join("\n"),
  );
  await h?.close();
});

const loadPerCore = () => loadavg()[0]! / availableParallelism();

interface Measured {
  readonly widget: string;
  readonly longTasks: number[];
  readonly tasks: MainThreadTask[];
  /** Highest 1-minute load per core seen at either end of the measurement. */
  readonly load: number;
}
const results: Measured[] = [];

async function openHydrated(path: string) {
  const p = await h.openPage(path);
  await p.hydrate();
  // Settle after hydration: lazy chunks, first draws, fonts. Not measured.
  await p.page.waitForTimeout(1_000);
  return p;
}

/** Long Tasks API recorder, started after hydration. */
async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: "longtask" });
  });
}
const takeLongTasks = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    return w.__longTasks.splice(0);
  });

/** Measures `drive` on `widget`: both recorders around it, and a check that the widget changed. */
async function measure(page: Page, name: string, widget: Locator, drive: () => Promise<void>): Promise<void> {
  await widget.scrollIntoViewIfNeeded();
  const before = await widget.textContent();
  const loadBefore = loadPerCore();
  await recordLongTasks(page);
  await startMainThreadTrace(h.browser, page);
  try {
    await drive();
    // Let the last redraws land inside the measured window.
    await page.waitForTimeout(500);
  } finally {
    const tasks = await stopMainThreadTrace(h.browser);
    const longTasks = await takeLongTasks(page);
    results.push({ widget: name, longTasks, tasks, load: Math.max(loadBefore, loadPerCore()) });
    const worstCpu = tasks.reduce((w, t) => (t.cpuMs > w.cpuMs ? t : w), tasks[0]!);
    console.log(
      `long tasks, ${name}: Long Tasks API ${longTasks.length} tasks >= 50 ms, worst ${Math.max(0, ...longTasks).toFixed(0)} ms wall;` +
        ` main thread ${tasks.length} tasks, worst ${worstCpu?.cpuMs.toFixed(1)} ms CPU (${worstCpu?.wallMs.toFixed(0)} ms wall: ${worstCpu?.breakdown});` +
        ` load ${loadBefore.toFixed(1)}..${loadPerCore().toFixed(1)} per core`,
    );
  }
  expect(await widget.textContent(), `${name}: the widget should show something new`).not.toBe(before);
  const last = results[results.length - 1]!;
  expect(last.tasks.length, `${name}: the trace recorded the page's main thread`).toBeGreaterThan(10);
  const heavy = last.tasks
    .filter((t) => t.cpuMs > LONG_TASK_MS)
    .map((t) => `${t.cpuMs.toFixed(0)} ms (${t.breakdown})`);
  // Soft: a failing widget does not stop the chapter's other widgets being measured and reported.
  if (last.load <= BUSY_LOAD_PER_CORE) {
    expect.soft(heavy, `${name}: main-thread tasks over ${LONG_TASK_MS} ms of CPU`).toEqual([]);
  }
  // The wall-clock bound (the Long Tasks API's own measure) is printed, not yet asserted: it has
  // not been shown on a quiet machine (every run so far shared its two cores with other work),
  // and issue 5 stays open on exactly this point. Assert it here once a quiet run shows it holds.
  if (last.load <= QUIET_LOAD_PER_CORE) {
    const worstWall = Math.max(0, ...last.longTasks);
    console.log(
      `${name}: worst long task ${worstWall.toFixed(0)} ms (wall clock, quiet machine; bound ${LONG_TASK_MS} ms)`,
    );
  }
}

/** Presses Play, trains until the run ends or PLAY_MS passes, then pauses if still playing. */
async function playFor(page: Page, widget: Locator): Promise<void> {
  const play = widget.locator('[data-action="play"]').first();
  await expect.poll(() => play.isEnabled(), { timeout: 30_000 }).toBe(true);
  await play.click();
  await expect.poll(() => play.getAttribute("aria-pressed")).toBe("true");
  const started = Date.now();
  while (Date.now() - started < PLAY_MS && (await play.getAttribute("aria-pressed")) === "true") {
    await page.waitForTimeout(250);
  }
  if ((await play.getAttribute("aria-pressed")) === "true") await play.click();
  await expect.poll(() => play.getAttribute("aria-pressed")).toBe("false");
}

describe("no long task while a widget trains", () => {
  test("chapter 3: layer speed", async () => {
    const p = await openHydrated("/chapters/03-depth/");
    const w = p.page.locator('[data-widget="layer-speed"]').first();
    await measure(p.page, "layer-speed (ch3)", w, () => playFor(p.page, w));
    p.expectClean();
    await p.close();
  });

  test("chapter 4: training dashboard", async () => {
    const p = await openHydrated("/chapters/04-spotting/");
    const w = p.page.locator('#fig-dashboard [data-widget="training-dashboard"]');
    await measure(p.page, "training-dashboard (ch4)", w, () => playFor(p.page, w));
    p.expectClean();
    await p.close();
  });

  test("chapter 5: remedy comparisons, batch-norm percentiles, init variance", async () => {
    const p = await openHydrated("/chapters/05-remedies/");
    for (const fig of ["fig-batch-norm", "fig-relu", "fig-he-init"]) {
      const w = p.page.locator(`#${fig} [data-widget="remedy-compare"]`);
      await measure(p.page, `remedy-compare ${fig} (ch5)`, w, () => playFor(p.page, w));
    }
    const bn = p.page.locator('[data-widget="bn-percentiles"]').first();
    await measure(p.page, "bn-percentiles (ch5)", bn, async () => {
      await bn.locator('input[type="range"]').first().focus();
      for (let i = 0; i < 12; i++) {
        await p.page.keyboard.press("ArrowRight");
        await p.page.waitForTimeout(120);
      }
    });
    const iv = p.page.locator('[data-widget="init-variance"]').first();
    const settled = () =>
      expect.poll(() => iv.getAttribute("data-pending"), { timeout: 30_000 }).toBe("false");
    await measure(p.page, "init-variance (ch5)", iv, async () => {
      for (const value of ["relu", "sigmoid", "tanh"]) {
        await iv.locator(`[data-control="activation"] input[value="${value}"]`).check();
        await settled();
      }
      // The widest and deepest network the knobs allow: the heaviest recomputation.
      for (const knob of ["width", "depth"]) {
        await iv.locator(`[data-control="${knob}"] input[type="range"]`).focus();
        await p.page.keyboard.press("End");
        await settled();
      }
    });
    p.expectClean();
    await p.close();
  });

  test("chapter 6: residual comparison, gated cells, clipping", async () => {
    const p = await openHydrated("/chapters/06-remedies-architecture/");
    const compare = p.page.locator('[data-widget="remedy-compare"]');
    if ((await compare.count()) > 0) {
      const w = compare.first();
      await measure(p.page, "remedy-compare residual (ch6)", w, () => playFor(p.page, w));
    }
    for (const name of ["rnn-gradients", "clipping"]) {
      const w = p.page.locator(`[data-widget="${name}"]`).first();
      await measure(p.page, `${name} (ch6)`, w, () => playFor(p.page, w));
    }
    p.expectClean();
    await p.close();
  });
});
