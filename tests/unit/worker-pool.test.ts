/**
 * The page's training workers (widgets/training/worker-pool.ts) and what runs inside one
 * (run-host.ts): how many workers a machine gets, where each run goes, that messages reach
 * their own run only, that a closed run is gone, that a worker failing to load sends its runs
 * to the main-thread fallback, and that runs sharing a worker take turns slice by slice and
 * give exactly the points they give alone.
 */
import { describe, expect, it } from "vitest";
import type { FromHost, FromWorker, ToHost } from "../../src/components/widgets/training/messages";
import { createRunHost } from "../../src/components/widgets/training/run-host";
import { createSession } from "../../src/components/widgets/training/session";
import {
  createWorkerPool,
  MAX_WORKERS,
  poolSize,
  restAfterSlice,
  type WorkerLike,
} from "../../src/components/widgets/training/worker-pool";
import { DEFAULT_CONFIG, type ExperimentConfig } from "../../src/lib/config";

describe("poolSize: one core is always left to the page", () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 3],
    [16, MAX_WORKERS],
    [undefined, 1],
    [Number.NaN, 1],
    [0, 1],
  ])("%s cores -> %s workers", (cores, workers) => {
    expect(poolSize(cores)).toBe(workers);
  });
});

describe("restAfterSlice: a worker alone on two cores leaves the page a third of its core", () => {
  it.each([
    [1, 15],
    [2, 15],
    [undefined, 15],
    [3, 0],
    [8, 0],
  ])("%s cores -> %s ms after a 30 ms slice", (cores, rest) => {
    expect(restAfterSlice(30, cores)).toBe(rest);
  });
});

class FakeWorker implements WorkerLike {
  readonly sent: ToHost[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromHost>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  postMessage(m: ToHost) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker answers for run `run`. */
  reply(run: number, message: FromWorker) {
    this.onmessage?.({ data: { run, message } } as MessageEvent<FromHost>);
  }
  /** The module failed to load. */
  fail() {
    let prevented = false;
    this.onerror?.({ preventDefault: () => (prevented = true) } as unknown as Event);
    return prevented;
  }
}

function fakePool(size: number) {
  const workers: FakeWorker[] = [];
  const pool = createWorkerPool(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, size);
  const open = () => {
    const got: FromWorker[] = [];
    let failed = 0;
    const port = pool.open(
      (m) => got.push(m),
      () => failed++,
    );
    return {
      port: port!,
      got,
      get failed() {
        return failed;
      },
    };
  };
  return { pool, workers, open };
}

const idle = (generation: number): FromWorker => ({ type: "idle", generation });

describe("createWorkerPool", () => {
  it("puts every run on the one worker of a two-core machine", () => {
    const { pool, workers, open } = fakePool(poolSize(2));
    open();
    open();
    open();
    expect(workers).toHaveLength(1);
    expect(pool.load()).toEqual([3]);
  });

  it("spreads runs over the workers it may have, then to the least loaded", () => {
    const { pool, workers, open } = fakePool(2);
    const a = open();
    open();
    expect(pool.load()).toEqual([1, 1]);
    a.port.close();
    open(); // the first worker has room again
    expect(pool.load()).toEqual([1, 1]);
    open();
    expect(pool.load()).toEqual([2, 1]);
    expect(workers).toHaveLength(2);
  });

  it("routes messages by run number, both ways", () => {
    const { workers, open } = fakePool(1);
    const a = open();
    const b = open();
    a.port.send({ type: "play" });
    b.port.send({ type: "step", steps: 3 });
    const w = workers[0]!;
    const [ra, rb] = w.sent.map((m) => m.run);
    expect(ra).not.toBe(rb);
    expect(w.sent.map((m) => m.message)).toEqual([{ type: "play" }, { type: "step", steps: 3 }]);
    w.reply(rb!, idle(7));
    expect(a.got).toEqual([]);
    expect(b.got).toEqual([idle(7)]);
  });

  it("tells the worker a run is closed, once, and drops its messages afterwards", () => {
    const { workers, open } = fakePool(1);
    const a = open();
    a.port.send({ type: "play" });
    const run = workers[0]!.sent[0]!.run;
    a.port.close();
    a.port.close();
    a.port.send({ type: "play" });
    workers[0]!.reply(run, idle(1));
    expect(workers[0]!.sent.map((m) => m.message.type)).toEqual(["play", "close"]);
    expect(a.got).toEqual([]);
  });

  it("sends the runs of a worker that failed to load to the fallback, and opens no more", () => {
    const { pool, workers, open } = fakePool(1);
    const a = open();
    const b = open();
    expect(workers[0]!.fail()).toBe(true);
    expect(workers[0]!.terminated).toBe(true);
    expect([a.failed, b.failed]).toEqual([1, 1]);
    expect(
      pool.open(
        () => {},
        () => {},
      ),
    ).toBeNull();
    // The fallback closes its old port: nothing is posted to the dead worker.
    a.port.close();
    expect(workers[0]!.sent).toEqual([]);
  });

  it("opens nothing where no worker can be made", () => {
    const pool = createWorkerPool(() => {
      throw new Error("Workers are disabled");
    }, 2);
    expect(
      pool.open(
        () => {},
        () => {},
      ),
    ).toBeNull();
    expect(
      createWorkerPool(() => null, 2).open(
        () => {},
        () => {},
      ),
    ).toBeNull();
  });
});

describe("createRunHost: runs sharing a worker", () => {
  const config = (seed: number): ExperimentConfig => ({ ...DEFAULT_CONFIG, seed, steps: 40 });

  /** A host whose "later" tasks the test runs in order, like a worker's event loop. */
  function hostWithQueue() {
    const posted: FromHost[] = [];
    const tasks: (() => void)[] = [];
    const host = createRunHost({
      post: (m) => posted.push(m),
      now: () => performance.now(),
      later: (f) => {
        tasks.push(f);
        return () => {
          const i = tasks.indexOf(f);
          if (i >= 0) tasks.splice(i, 1);
        };
      },
      // One step per slice (a session takes at least one step, whatever the budget).
      sliceMs: 0,
    });
    const runTasks = (limit = 10_000) => {
      for (let i = 0; i < limit && tasks.length > 0; i++) tasks.shift()!();
    };
    return { host, posted, tasks, runTasks };
  }

  it("alternates slices between runs and gives each the points it gives alone", () => {
    const { host, posted, runTasks } = hostWithQueue();
    host.handle({ run: 1, message: { type: "start", generation: 1, config: config(1) } });
    host.handle({ run: 2, message: { type: "start", generation: 1, config: config(2) } });
    host.handle({ run: 1, message: { type: "play" } });
    host.handle({ run: 2, message: { type: "play" } });
    expect(host.size).toBe(2);
    runTasks();
    const batches = posted.filter((m) => m.message.type === "points");
    // Turn by turn: 1, 2, 1, 2, ... while both play.
    expect(batches.slice(0, 10).map((m) => m.run)).toEqual([1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
    for (const run of [1, 2]) {
      const points = batches
        .filter((m) => m.run === run)
        .flatMap((m) => (m.message.type === "points" ? m.message.points : []));
      const alone = createSession(config(run));
      alone.advance({ maxSteps: 40 });
      expect(points).toEqual(alone.points);
      expect(posted.some((m) => m.run === run && m.message.type === "idle")).toBe(true);
    }
  });

  it("a closed run stops training and is forgotten; the others go on", () => {
    const { host, posted, runTasks, tasks } = hostWithQueue();
    host.handle({ run: 1, message: { type: "start", generation: 1, config: config(1) } });
    host.handle({ run: 2, message: { type: "start", generation: 1, config: config(2) } });
    host.handle({ run: 1, message: { type: "play" } });
    host.handle({ run: 2, message: { type: "play" } });
    runTasks(4);
    host.handle({ run: 1, message: { type: "close" } });
    expect(host.size).toBe(1);
    const before = posted.length;
    runTasks();
    expect(tasks).toHaveLength(0);
    expect(posted.slice(before).every((m) => m.run === 2)).toBe(true);
    expect(posted.slice(before).length).toBeGreaterThan(0);
  });
});
