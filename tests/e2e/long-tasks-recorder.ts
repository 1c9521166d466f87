/**
 * The Long Tasks API in a page under test: every main-thread task of 50 ms or more, wall clock.
 * Chapter tests report what they see while a widget trains; the long-task gate
 * (tests/long-tasks/, run alone) is what enforces the bound.
 *
 *   await recordLongTasks(page);       // from now on (calling it again starts afresh)
 *   ... drive the widget ...
 *   const ms = await takeLongTasks(page);   // durations so far, and the list starts empty again
 */
import { availableParallelism, loadavg } from "node:os";
import type { Page } from "playwright-core";

interface Recorder {
  __longTasks: number[];
  __longTaskObserver?: PerformanceObserver;
}

export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Recorder;
    w.__longTasks = [];
    w.__longTaskObserver?.disconnect();
    w.__longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    });
    w.__longTaskObserver.observe({ type: "longtask", buffered: false });
  });
}

export const takeLongTasks = (page: Page): Promise<number[]> =>
  page.evaluate(() => (window as unknown as Recorder).__longTasks.splice(0));

/**
 * Prints the long tasks since recordLongTasks as "<what>: long tasks while training: n, worst
 * X ms (load L per core)" and returns the worst. Not asserted here: in the e2e run other pages
 * and browsers share the cores, which stretches every task; the long-task gate runs alone.
 */
export async function reportLongTasks(page: Page, what: string): Promise<number> {
  const tasks = await takeLongTasks(page);
  const worst = Math.max(0, ...tasks);
  const load = loadavg()[0]! / availableParallelism();
  console.log(
    `${what}: long tasks while training: ${tasks.length}, worst ${worst.toFixed(0)} ms (load ${load.toFixed(1)} per core)`,
  );
  return worst;
}
