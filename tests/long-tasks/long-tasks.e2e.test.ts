/**
 * The long-task gate (issue 5: "the page never has a task longer than 50 ms while a widget
 * trains"). Run alone, after the other e2e tests (vitest.long-tasks.config.ts: one file, one
 * page at a time), by scripts/test-all.sh.
 *
 * For every widget that trains or recomputes in the page, the test opens its chapter, lets the
 * page load and every island hydrate, waits a second more — so the page-load and hydration
 * window is deliberately EXCLUDED: the bound is about what happens while a widget trains —
 * then drives the widget (Play, or its knobs) under the Long Tasks API, the issue's own
 * instrument: every main-thread task of 50 ms or more, wall clock. Long animation frames are
 * recorded too, only to say which script a long task ran.
 *
 * The assertion: no long task at all (in one of up to three fresh measurements per widget,
 * vitest.long-tasks.config.ts; every attempt is reported), unless the machine was busy with other work during the
 * measurement (cpu-watch.ts: more than OTHER_CORES_BUSY cores used by processes other than the
 * browser and this test — a wall clock then measures that work, not the page). Then, and when a
 * widget goes over, the widget is measured once more on a fresh page under a Chromium trace
 * (main-thread-tasks.ts), which gives each task's CPU time and what it did: printed, and on a
 * busy machine asserted instead (no task over 50 ms of main-thread CPU).
 *
 * Each scenario trains for at most PLAY_MS, then pauses, and must change what the widget shows
 * (so a widget that silently did nothing cannot pass). The table at the end gives the worst
 * long task per widget: the number issue 5 asks to report.
 *
 * Run: `npm run test:long-tasks` after a build (E2E_DIST=/path/to/dist for another build).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Harness, type Locator, type Page, startHarness } from "../e2e/harness.ts";
import { recordLongTasks, takeLongTasks } from "../e2e/long-tasks-recorder.ts";
import { type CpuUse, startCpuWatch } from "./cpu-watch.ts";
import { type MainThreadTask, startMainThreadTrace, stopMainThreadTrace } from "./main-thread-tasks.ts";

/** The bound, and the Long Tasks API's own threshold. */
const LONG_TASK_MS = 50;
/** Training time per widget: long enough for many redraws, short enough to keep the gate quick. */
const PLAY_MS = 5_000;
/**
 * Cores used by other processes above which the machine counts as busy during a measurement.
 * Alone, the gate measured 0.00-0.05 (this test's own Node process is not counted).
 */
const OTHER_CORES_BUSY = 0.3;

let h: Harness;
beforeAll(async () => {
  const root = process.env.E2E_DIST;
  h = await startHarness(root ? { root } : {});
});

interface Measured {
  readonly widget: string;
  /** Long Tasks API durations (ms), >= 50 each. */
  readonly longTasks: number[];
  readonly cpu: CpuUse | null;
  /** From the traced second pass, when there was one. */
  readonly traced?: MainThreadTask[];
}
/** Every measurement, retries included (a retry does not hide the attempt before it). */
const results: Measured[] = [];

afterAll(async () => {
  const fmt = (n: number) => n.toFixed(0).padStart(5);
  console.log(
    [
      "worst long task while training, per widget (Long Tasks API, wall clock; bound 50 ms):",
      ...results.map((r, i) => {
        const retry = results.slice(0, i).some((q) => q.widget === r.widget) ? " (retry)" : "";
        const cpu = r.cpu
          ? `other work ${r.cpu.otherCores.toFixed(2)} cores, browser ${r.cpu.browserCores.toFixed(2)}`
          : "machine use unknown";
        const traced = r.traced
          ? `; traced again: worst ${Math.max(0, ...r.traced.map((t) => t.cpuMs)).toFixed(1)} ms CPU`
          : "";
        return `  ${(r.widget + retry).padEnd(34)} ${fmt(Math.max(0, ...r.longTasks))} ms  (${r.longTasks.length} tasks >= 50 ms; ${cpu}${traced})`;
      }),
    ].join("\n"),
  );
  await h?.close();
});

const busy = (cpu: CpuUse | null) => cpu !== null && cpu.otherCores > OTHER_CORES_BUSY;

interface Scenario {
  readonly name: string;
  readonly path: string;
  readonly selector: string;
  readonly drive: (page: Page, widget: Locator) => Promise<void>;
}

async function openWidget(s: Scenario) {
  const p = await h.openPage(s.path);
  await p.hydrate();
  // Settle after hydration: lazy chunks, first draws, fonts. Not measured.
  await p.page.waitForTimeout(1_000);
  const widget = p.page.locator(s.selector).first();
  await widget.scrollIntoViewIfNeeded();
  return { p, widget };
}

/**
 * Long Tasks API (long-tasks-recorder.ts) and long-animation-frame recorders, started after
 * hydration. The long frames only say which scripts a long task ran.
 */
async function startRecorders(page: Page): Promise<void> {
  await recordLongTasks(page);
  await page.evaluate(() => {
    const w = window as unknown as { __longFrames: string[] };
    w.__longFrames = [];
    interface Script {
      invoker: string;
      duration: number;
      sourceURL: string;
      sourceFunctionName: string;
    }
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { scripts?: Script[] })[]) {
          const scripts = (e.scripts ?? [])
            .filter((s) => s.duration >= 5)
            .map(
              (s) =>
                `${s.invoker} ${s.duration.toFixed(0)} ms (${s.sourceURL.split("/").pop()} ${s.sourceFunctionName})`,
            );
          w.__longFrames.push(`frame ${e.duration.toFixed(0)} ms: ${scripts.join(", ") || "rendering only"}`);
        }
      }).observe({ type: "long-animation-frame" });
    } catch {
      // No long-animation-frame entries in this browser: long tasks are still recorded.
    }
  });
}

const takeRecords = async (page: Page) => ({
  longTasks: await takeLongTasks(page),
  longFrames: await page.evaluate(() =>
    (window as unknown as { __longFrames: string[] }).__longFrames.splice(0),
  ),
});

async function measureScenario(s: Scenario): Promise<void> {
  const { p, widget } = await openWidget(s);
  const before = await widget.textContent();
  await startRecorders(p.page);
  const watch = startCpuWatch();
  await s.drive(p.page, widget);
  // Let the last redraws land inside the measured window.
  await p.page.waitForTimeout(500);
  const cpu = watch.stop();
  const { longTasks, longFrames } = await takeRecords(p.page);
  expect(await widget.textContent(), `${s.name}: the widget should show something new`).not.toBe(before);
  p.expectClean();
  await p.close();

  const worst = Math.max(0, ...longTasks);
  console.log(
    `long tasks, ${s.name}: ${longTasks.length} tasks >= ${LONG_TASK_MS} ms, worst ${worst.toFixed(0)} ms;` +
      (cpu
        ? ` other work ${cpu.otherCores.toFixed(2)} cores, browser ${cpu.browserCores.toFixed(2)} cores`
        : " machine use unknown") +
      (longFrames.length ? `\n  long frames: ${longFrames.join("\n    ")}` : ""),
  );
  let traced: MainThreadTask[] | undefined;
  if (longTasks.length > 0 || busy(cpu)) traced = await traceScenario(s);
  results.push({ widget: s.name, longTasks, cpu, ...(traced ? { traced } : {}) });

  if (!busy(cpu)) {
    expect(longTasks, `${s.name}: tasks of ${LONG_TASK_MS} ms or more while it trained`).toEqual([]);
  } else {
    const heavy = (traced ?? []).filter((t) => t.cpuMs > LONG_TASK_MS).map((t) => `${t.cpuMs.toFixed(0)} ms`);
    expect(heavy, `${s.name}: main-thread tasks over ${LONG_TASK_MS} ms of CPU (machine busy)`).toEqual([]);
  }
}

/** The same scenario on a fresh page under a Chromium trace: each task's CPU and its parts. */
async function traceScenario(s: Scenario): Promise<MainThreadTask[]> {
  const { p, widget } = await openWidget(s);
  await startMainThreadTrace(h.browser, p.page);
  let tasks: MainThreadTask[] = [];
  try {
    await s.drive(p.page, widget);
    await p.page.waitForTimeout(500);
  } finally {
    tasks = await stopMainThreadTrace(h.browser);
    await p.close();
  }
  expect(tasks.length, `${s.name}: the trace recorded the page's main thread`).toBeGreaterThan(10);
  const top = [...tasks].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 3);
  console.log(
    `  traced again, ${s.name}: ${tasks.length} main-thread tasks; heaviest by CPU: ` +
      top
        .map((t) => `${t.cpuMs.toFixed(1)} ms CPU / ${t.wallMs.toFixed(0)} ms wall (${t.breakdown})`)
        .join("; "),
  );
  return tasks;
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

const CH5 = "/chapters/05-remedies/";
const CH6 = "/chapters/06-remedies-architecture/";

const SCENARIOS: Scenario[] = [
  {
    name: "layer-speed (ch3)",
    path: "/chapters/03-depth/",
    selector: '[data-widget="layer-speed"]',
    drive: playFor,
  },
  {
    name: "training-dashboard (ch4)",
    path: "/chapters/04-spotting/",
    selector: '#fig-dashboard [data-widget="training-dashboard"]',
    drive: playFor,
  },
  ...["fig-batch-norm", "fig-relu", "fig-he-init"].map(
    (fig): Scenario => ({
      name: `remedy-compare ${fig} (ch5)`,
      path: CH5,
      selector: `#${fig} [data-widget="remedy-compare"]`,
      drive: playFor,
    }),
  ),
  {
    name: "bn-percentiles (ch5)",
    path: CH5,
    selector: '[data-widget="bn-percentiles"]',
    drive: async (page, bn) => {
      await bn.locator('input[type="range"]').first().focus();
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press("ArrowRight");
        await page.waitForTimeout(120);
      }
    },
  },
  {
    name: "init-variance (ch5)",
    path: CH5,
    selector: '[data-widget="init-variance"]',
    drive: async (page, iv) => {
      const settled = () =>
        expect.poll(() => iv.getAttribute("data-pending"), { timeout: 30_000 }).toBe("false");
      for (const value of ["relu", "sigmoid", "tanh"]) {
        await iv.locator(`[data-control="activation"] input[value="${value}"]`).check();
        await settled();
      }
      // The widest and deepest network the knobs allow: the heaviest recomputation.
      for (const knob of ["width", "depth"]) {
        await iv.locator(`[data-control="${knob}"] input[type="range"]`).focus();
        await page.keyboard.press("End");
        await settled();
      }
    },
  },
  {
    name: "remedy-compare residual (ch6)",
    path: CH6,
    selector: '[data-widget="remedy-compare"]',
    drive: playFor,
  },
  { name: "rnn-gradients (ch6)", path: CH6, selector: '[data-widget="rnn-gradients"]', drive: playFor },
  { name: "clipping (ch6)", path: CH6, selector: '[data-widget="clipping"]', drive: playFor },
  { name: "playground", path: "/playground/", selector: '[data-widget="playground"]', drive: playFor },
];

describe("no long task while a widget trains", () => {
  for (const s of SCENARIOS) test(s.name, () => measureScenario(s));
});
