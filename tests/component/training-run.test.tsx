// @vitest-environment happy-dom
/**
 * useTrainingRun: play / pause / step / reset on the main-thread fallback (happy-dom has no
 * module workers), the same seed replaying bit-identical points, and the fallback taking over
 * when a Worker cannot be built or fails to load; MNIST runs load their data (fetch mocked).
 */

import { readFileSync } from "node:fs";
import { act, cleanup, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MNIST_ASSET_FILE } from "../../scripts/load-mnist";
import { createSession } from "../../src/components/widgets/training/session";
import { type TrainingRun, useTrainingRun } from "../../src/components/widgets/training/useTrainingRun";
import { toExperimentConfig } from "../../src/components/widgets/training-dashboard/config";
import { DEFAULT_MLP, type ExperimentConfig } from "../../src/lib/config";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const config: ExperimentConfig = {
  ...toExperimentConfig({
    depth: 3,
    activation: "tanh",
    init: "glorotNormal",
    initScale: 1,
    lr: 0.1,
    seed: 3,
  }),
  steps: 60,
};

function Probe(props: { config: ExperimentConfig; onRun: (r: TrainingRun) => void; worker?: boolean }) {
  const run = useTrainingRun(props.config, {
    refreshMs: 10,
    ...(props.worker === undefined ? {} : { worker: props.worker }),
  });
  props.onRun(run);
  return <p data-steps={run.progress.stepsDone}>{run.points.length}</p>;
}

function mount(worker?: boolean, cfg: ExperimentConfig = config) {
  let run!: TrainingRun;
  const view = render(<Probe config={cfg} worker={worker} onRun={(r) => (run = r)} />);
  return {
    view,
    get run() {
      return run;
    },
  };
}

const losses = (r: TrainingRun) => r.points.map((p) => p.loss);

describe("useTrainingRun", () => {
  it("steps exactly, plays to the end, and matches a session run directly on the core", async () => {
    const m = mount(false);
    expect(m.run.mode).toBe("main-thread");
    act(() => m.run.step(5));
    await waitFor(() => expect(m.run.progress.stepsDone).toBe(5));
    act(() => m.run.play());
    await waitFor(() => expect(m.run.progress.stop?.kind).toBe("completed"), { timeout: 20_000 });
    expect(m.run.playing).toBe(false);
    const direct = createSession(config);
    direct.advance();
    expect(losses(m.run)).toEqual(direct.points.map((p) => p.loss));
  });

  it("pause stops training; reset replays the same seed bit for bit", async () => {
    // A run far longer than the test, so that pause always lands mid-run however fast the
    // machine is (60 steps finish between two polls on an idle one).
    const long: ExperimentConfig = { ...config, steps: 100_000 };
    const m = mount(false, long);
    act(() => m.run.play());
    await waitFor(() => expect(m.run.progress.stepsDone).toBeGreaterThan(10), { timeout: 20_000 });
    act(() => m.run.pause());
    await waitFor(() => expect(m.run.playing).toBe(false));
    const at = m.run.progress.stepsDone;
    await new Promise((r) => setTimeout(r, 100));
    expect(m.run.progress.stepsDone).toBe(at);
    expect(at).toBeLessThan(long.steps);
    const first = losses(m.run).slice();
    act(() => m.run.reset());
    expect(m.run.progress.stepsDone).toBe(0);
    act(() => m.run.step(at));
    await waitFor(() => expect(m.run.progress.stepsDone).toBe(at), { timeout: 20_000 });
    expect(losses(m.run)).toEqual(first);
  });

  it("falls back to the main thread when the Worker constructor throws", async () => {
    vi.stubGlobal(
      "Worker",
      class {
        constructor() {
          throw new Error("blocked by CSP");
        }
      },
    );
    const m = mount();
    expect(m.run.mode).toBe("main-thread");
    act(() => m.run.step(3));
    await waitFor(() => expect(m.run.progress.stepsDone).toBe(3));
  });

  it("falls back when the worker fails to load, replaying what was asked of it", async () => {
    let failing: { onerror: ((e: { preventDefault(): void }) => void) | null } | undefined;
    vi.stubGlobal(
      "Worker",
      class {
        onerror: ((e: { preventDefault(): void }) => void) | null = null;
        onmessage = null;
        constructor() {
          failing = this;
        }
        postMessage() {}
        terminate() {}
      },
    );
    const m = mount();
    expect(m.run.mode).toBe("worker");
    act(() => failing?.onerror?.({ preventDefault() {} }));
    await waitFor(() => expect(m.run.mode).toBe("main-thread"));
    act(() => m.run.step(4));
    await waitFor(() => expect(m.run.progress.stepsDone).toBe(4));
  });

  it("MNIST: says it is loading, fetches the subset once per page, then trains; a failed fetch is run.error", async () => {
    const file = new Uint8Array(readFileSync(MNIST_ASSET_FILE));
    let status = 503;
    const fetchMock = vi.fn(async (_url: string) => ({
      ok: status === 200,
      status,
      statusText: status === 200 ? "OK" : "Service Unavailable",
      arrayBuffer: async () => file.slice().buffer,
    }));
    vi.stubGlobal("fetch", fetchMock);
    const mnist: ExperimentConfig = {
      ...config,
      steps: 3,
      batchSize: 8,
      data: { ...config.data, dataset: "mnist", n: 50, standardise: false },
      model: { ...DEFAULT_MLP, depth: 2, width: 4 },
      loss: "softmaxCrossEntropy",
    };
    const failing = mount(false, mnist);
    expect(failing.run.progress.phase).toBe("loading-data");
    await waitFor(() =>
      expect(failing.run.error).toBe(
        "Could not load the MNIST subset from /data/mnist-subset.bin: the server answered HTTP 503 Service Unavailable. Check the connection and try again.",
      ),
    );
    expect(fetchMock).toHaveBeenCalledWith("/data/mnist-subset.bin");
    cleanup();

    // The server is back: a failure is not cached, so the next run fetches again, and only once
    // for two widgets on the page.
    status = 200;
    const a = mount(false, mnist);
    const b = mount(false, mnist);
    expect(a.run.progress.phase).toBe("loading-data");
    act(() => a.run.step(3));
    await waitFor(() => expect(a.run.progress.phase).toBe("ready"), { timeout: 20_000 });
    await waitFor(() => expect(a.run.progress.stepsDone).toBe(3), { timeout: 20_000 });
    await waitFor(() => expect(b.run.progress.phase).toBe("ready"), { timeout: 20_000 });
    expect(a.run.error).toBeNull();
    expect(a.run.points.at(-1)?.layers).toHaveLength(3);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("reports an invalid config as an error, not an exception", async () => {
    let run!: TrainingRun;
    const bad = { ...config, model: { ...config.model, depth: 500 } } as ExperimentConfig;
    render(<Probe config={bad} worker={false} onRun={(r) => (run = r)} />);
    await waitFor(() => expect(run.error).toMatch(/model\.depth: must be an integer in \[0, 100\]/));
  });
});
