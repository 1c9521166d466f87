/**
 * The worker's engine warm-up (widgets/training/jit-warmup.ts) and the thread's one line of
 * slices (run-host.ts sliceLine): a warm-up trains a throwaway session of each new config for
 * its budget, only while no run trains, never posts and never changes a real run's points;
 * every slice of the thread, whichever run or warm-up it belongs to, gets its own `later` task,
 * so the worker's rest falls between any two slices.
 */
import { describe, expect, it } from "vitest";
import { createWarmup } from "../../src/components/widgets/training/jit-warmup";
import type { FromHost } from "../../src/components/widgets/training/messages";
import { createRunHost, sliceLine } from "../../src/components/widgets/training/run-host";
import { createSession } from "../../src/components/widgets/training/session";
import { DEFAULT_CONFIG, type ExperimentConfig } from "../../src/lib/config";

const config = (seed: number, extra: Partial<ExperimentConfig> = {}): ExperimentConfig => ({
  ...DEFAULT_CONFIG,
  seed,
  steps: 400,
  ...extra,
});

/** `later` tasks the test runs by hand, like a worker's event loop; a clock that ticks 1 ms per read. */
function loop() {
  const tasks: (() => void)[] = [];
  let clock = 0;
  return {
    tasks,
    now: () => clock++,
    later: (f: () => void) => {
      tasks.push(f);
      return () => {
        const i = tasks.indexOf(f);
        if (i >= 0) tasks.splice(i, 1);
      };
    },
    run(limit = 100_000) {
      let n = 0;
      for (; n < limit && tasks.length > 0; n++) tasks.shift()!();
      return n;
    },
  };
}

describe("createWarmup", () => {
  it("trains each new config for its budget, then stops", () => {
    const l = loop();
    const w = createWarmup({ ...l, sliceMs: 5, busy: () => false, perConfigMs: 40, totalMs: 1_000 });
    w.add(config(1));
    expect(w.pending).toBe(1);
    const tasks = l.run();
    // 40 ms of budget in slices of at most 5 ms (the clock ticks in whole steps, so a slice can
    // end one step past its budget).
    expect(w.spentMs).toBeGreaterThanOrEqual(40);
    expect(w.spentMs).toBeLessThan(60);
    expect(tasks).toBeGreaterThanOrEqual(6);
    expect(w.pending).toBe(0);
    // The same config again is not warmed again; another one is.
    w.add(config(1));
    expect(w.pending).toBe(0);
    w.add(config(2));
    expect(w.pending).toBe(1);
  });

  it("waits while a run trains and goes on when resumed", () => {
    const l = loop();
    let busy = true;
    const w = createWarmup({ ...l, sliceMs: 5, busy: () => busy, perConfigMs: 20, totalMs: 1_000 });
    w.add(config(1));
    l.run();
    expect(w.spentMs).toBe(0);
    expect(w.pending).toBe(1);
    busy = false;
    w.resume();
    l.run();
    expect(w.spentMs).toBeGreaterThanOrEqual(20);
    expect(w.pending).toBe(0);
  });

  it("goes on when a run is started again, even with a config it has already warmed", () => {
    const l = loop();
    let busy = true;
    const w = createWarmup({ ...l, sliceMs: 5, busy: () => busy, perConfigMs: 20, totalMs: 1_000 });
    w.add(config(1));
    w.add(config(2));
    l.run();
    expect(w.spentMs).toBe(0);
    // A reset while playing: the run stops training without an "idle", and starts again.
    busy = false;
    w.add(config(1));
    l.run();
    expect(w.spentMs).toBeGreaterThanOrEqual(40);
    expect(w.pending).toBe(0);
  });

  it("stops as soon as a run starts training between two of its slices", () => {
    const l = loop();
    let busy = false;
    const w = createWarmup({ ...l, sliceMs: 5, busy: () => busy, perConfigMs: 100, totalMs: 1_000 });
    w.add(config(1));
    l.run(2);
    const spent = w.spentMs;
    expect(spent).toBeGreaterThan(0);
    busy = true;
    l.run();
    expect(w.spentMs).toBe(spent);
    expect(l.tasks).toHaveLength(0);
  });

  it("spends at most its total budget, and skips MNIST and invalid configs", () => {
    const l = loop();
    const w = createWarmup({ ...l, sliceMs: 5, busy: () => false, perConfigMs: 30, totalMs: 50 });
    for (let seed = 1; seed <= 4; seed++) w.add(config(seed));
    l.run();
    expect(w.spentMs).toBeGreaterThanOrEqual(50);
    expect(w.spentMs).toBeLessThan(60);
    expect(w.pending).toBe(0);
    const fresh = createWarmup({ ...l, sliceMs: 5, busy: () => false, perConfigMs: 30, totalMs: 50 });
    fresh.add(config(1, { data: { ...DEFAULT_CONFIG.data, dataset: "mnist" } }));
    fresh.add(config(1, { steps: -3 }));
    expect(fresh.pending).toBe(0);
    expect(l.tasks).toHaveLength(0);
  });
});

describe("sliceLine: one task per slice for the whole thread", () => {
  it("never has two slices waiting on two timers, and keeps first come, first served", () => {
    let timers = 0;
    let most = 0;
    const fired: (() => void)[] = [];
    const line = sliceLine((f) => {
      timers++;
      most = Math.max(most, timers);
      fired.push(() => {
        timers--;
        f();
      });
      return () => {};
    });
    const order: string[] = [];
    const again = (name: string, left: number) => {
      order.push(name);
      if (left > 1) line(() => again(name, left - 1));
    };
    line(() => again("a", 3));
    line(() => again("b", 3));
    for (let i = 0; i < 100 && fired.length > 0; i++) fired.shift()!();
    expect(order).toEqual(["a", "b", "a", "b", "a", "b"]);
    expect(most).toBe(1);
  });

  it("cancelling the only waiting slice cancels the timer", () => {
    let cancelled = 0;
    const line = sliceLine(() => () => cancelled++);
    const cancel = line(() => {
      throw new Error("cancelled slices do not run");
    });
    cancel();
    expect(cancelled).toBe(1);
  });
});

describe("createRunHost with a warm-up", () => {
  it("posts nothing for the warm-up and gives the real runs the points they give alone", () => {
    const l = loop();
    const posted: FromHost[] = [];
    const host = createRunHost({
      post: (m) => posted.push(m),
      now: l.now,
      later: l.later,
      sliceMs: 5,
      warmup: { perConfigMs: 30, totalMs: 1_000 },
    });
    host.handle({ run: 1, message: { type: "start", generation: 1, config: config(1, { steps: 60 }) } });
    host.handle({ run: 2, message: { type: "start", generation: 1, config: config(2, { steps: 60 }) } });
    // Both configs are warmed while the runs wait for Play: tasks run, nothing is posted.
    expect(l.run()).toBeGreaterThan(4);
    expect(posted).toEqual([]);
    host.handle({ run: 1, message: { type: "play" } });
    host.handle({ run: 2, message: { type: "play" } });
    l.run();
    for (const run of [1, 2]) {
      const points = posted
        .filter((m) => m.run === run)
        .flatMap((m) => (m.message.type === "points" ? m.message.points : []));
      const alone = createSession(config(run, { steps: 60 }));
      alone.advance({ maxSteps: 60 });
      expect(points).toEqual(alone.points);
    }
  });
});
