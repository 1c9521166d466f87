/**
 * What the page's main thread did while a widget trained, from a Chromium performance trace:
 * every task the renderer's main thread ran, with its wall time and its CPU time.
 *
 * Why CPU time: the Long Tasks API reports wall-clock durations. On a machine running more
 * work than it has cores, the OS parks the renderer in the middle of a task, and a task that
 * needed 9 ms of CPU is reported as a 263 ms long task (measured on chapter 4 with a load of
 * 6 per core). The CPU time of a task (the trace's `tdur`, the thread's own clock) is the work
 * the page asked of the main thread, which is what a fix can change; on an idle machine the
 * two agree. The gate asserts CPU time always and wall time when the machine is quiet.
 *
 *   await startMainThreadTrace(h.browser, page);
 *   ... train ...
 *   const tasks = await stopMainThreadTrace(h.browser);   // MainThreadTask[]
 */
import type { Browser, Page } from "playwright-core";

export interface MainThreadTask {
  /** Wall-clock milliseconds. */
  readonly wallMs: number;
  /** Milliseconds of the main thread's CPU. */
  readonly cpuMs: number;
  /** The largest pieces of the task by CPU time, e.g. "TimerFire 12.0, Layout 3.1". */
  readonly breakdown: string;
}

const CATEGORIES = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline"];
/** Top-level task events of Chromium's scheduler (both names are emitted for one task). */
const TASK_EVENTS = new Set(["ThreadControllerImpl::RunTask", "RunTask"]);

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { name?: string };
}

export async function startMainThreadTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: CATEGORIES });
}

export async function stopMainThreadTrace(browser: Browser): Promise<MainThreadTask[]> {
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString("utf8")) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return mainThreadTasks(Array.isArray(parsed) ? parsed : parsed.traceEvents);
}

/**
 * The tasks of the busiest renderer main thread in the trace (the page under test: the
 * gate opens one page at a time). Nested task events are folded into their outermost task.
 */
export function mainThreadTasks(events: readonly TraceEvent[]): MainThreadTask[] {
  const mains = new Set(
    events
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== "X" || !mains.has(key)) continue;
    let list = byThread.get(key);
    if (!list) {
      list = [];
      byThread.set(key, list);
    }
    list.push(e);
  }
  const busy = (list: TraceEvent[]) =>
    list.reduce((s, e) => s + (TASK_EVENTS.has(e.name) ? (e.tdur ?? 0) : 0), 0);
  const main = [...byThread.values()].sort((a, b) => busy(b) - busy(a))[0] ?? [];
  main.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  const tasks: MainThreadTask[] = [];
  let end = -1;
  for (let i = 0; i < main.length; i++) {
    const task = main[i]!;
    if (!TASK_EVENTS.has(task.name) || task.ts < end) continue;
    end = task.ts + (task.dur ?? 0);
    const pieces = new Map<string, number>();
    for (let j = i + 1; j < main.length && main[j]!.ts < end; j++) {
      const child = main[j]!;
      if (TASK_EVENTS.has(child.name)) continue;
      pieces.set(child.name, (pieces.get(child.name) ?? 0) + (child.tdur ?? 0) / 1000);
    }
    const breakdown = [...pieces]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
      .join(", ");
    tasks.push({ wallMs: (task.dur ?? 0) / 1000, cpuMs: (task.tdur ?? 0) / 1000, breakdown });
  }
  return tasks;
}
