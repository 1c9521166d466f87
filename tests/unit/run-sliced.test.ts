import { describe, expect, it } from "vitest";
import { runSliced } from "../../src/components/widgets/common/run-sliced";

/**
 * A generator whose every piece busy-waits `ms` and records which task ran it. A task is told
 * from the next by a microtask: microtasks run only once the current task's code returns, so
 * the flag stays set for all the pieces one slice runs back to back.
 */
function* work(pieces: number, ms: number, log: number[]): Generator<void, string, void> {
  let task = 0;
  let inTask = false;
  for (let i = 0; i < pieces; i++) {
    if (!inTask) {
      task++;
      inTask = true;
      queueMicrotask(() => {
        inTask = false;
      });
    }
    const end = performance.now() + ms;
    while (performance.now() < end) {
      /* busy: a stand-in for a layer of the Monte Carlo estimate */
    }
    log.push(task);
    yield;
  }
  return "done";
}

describe("runSliced", () => {
  it("runs every piece, never in the caller's task, and splits the work across tasks by budget", async () => {
    const log: number[] = [];
    const value = await new Promise<string>((resolve) => {
      runSliced(work(20, 2, log), resolve, { budgetMs: 5 });
      expect(log).toEqual([]);
    });
    expect(value).toBe("done");
    expect(log).toHaveLength(20);
    // 20 pieces of 2 ms with a 5 ms budget: at most 3 pieces per task, so several tasks.
    const perTask = new Map<number, number>();
    for (const s of log) perTask.set(s, (perTask.get(s) ?? 0) + 1);
    expect(Math.max(...perTask.values())).toBeLessThanOrEqual(3);
    expect(perTask.size).toBeGreaterThanOrEqual(7);
  });

  it("calls onDone in a task of its own, after the task of the last piece", async () => {
    let lastPieceTaskEnded = false;
    function* one(): Generator<void, string, void> {
      yield;
      // Microtasks run when the current task's code returns: the flag tells the tasks apart.
      queueMicrotask(() => {
        lastPieceTaskEnded = true;
      });
      return "done";
    }
    const seen = await new Promise<boolean>((resolve) => runSliced(one(), () => resolve(lastPieceTaskEnded)));
    expect(seen).toBe(true);
  });

  it("cancelled between the last piece and onDone: onDone is never called", async () => {
    let done = false;
    function* one(): Generator<void, string, void> {
      yield;
      return "done";
    }
    const cancel = runSliced(one(), () => {
      done = true;
    });
    // Two tasks: the one piece and the return run in the first; onDone would run in the second.
    await new Promise<void>((r) => {
      const c = new MessageChannel();
      c.port1.onmessage = () => {
        cancel();
        c.port1.close();
        r();
      };
      c.port2.postMessage(null);
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
  });

  it("cancel stops the work and onDone is never called", async () => {
    const log: number[] = [];
    let done = false;
    const cancel = runSliced(
      work(50, 1, log),
      () => {
        done = true;
      },
      { budgetMs: 2 },
    );
    await new Promise((r) => setTimeout(r, 10));
    cancel();
    const ran = log.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(done).toBe(false);
    expect(log.length).toBe(ran);
    expect(ran).toBeLessThan(50);
  });
});
