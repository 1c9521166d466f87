// @vitest-environment happy-dom
/**
 * useTrainingRun: play / pause / step / reset on the main-thread fallback (happy-dom has no
 * module workers), the same seed replaying bit-identical points, and the fallback taking over
 * when a Worker cannot be built or fails to load.
 */
import { act, cleanup, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSession } from "../../src/components/widgets/training/session";
import { type TrainingRun, useTrainingRun } from "../../src/components/widgets/training/useTrainingRun";
import { toExperimentConfig } from "../../src/components/widgets/training-dashboard/config";
import type { ExperimentConfig } from "../../src/lib/config";

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

  it("reports an invalid config as an error, not an exception", async () => {
    let run!: TrainingRun;
    const bad = { ...config, model: { ...config.model, depth: 500 } } as ExperimentConfig;
    render(<Probe config={bad} worker={false} onRun={(r) => (run = r)} />);
    await waitFor(() => expect(run.error).toMatch(/model\.depth: must be an integer in \[0, 100\]/));
  });
});
