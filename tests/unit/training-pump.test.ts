/**
 * The pump (widgets/training/pump.ts) on MNIST configs, with the subset from disk behind a
 * fake loader: it says "loading-data", then "ready"; a play or step asked for while loading
 * starts once the data is there; a start replaced during loading builds nothing; a failed load
 * is an "error" message, never an exception; and the points equal a session run on the core.
 */
import { describe, expect, it } from "vitest";
import { loadMnistSubset } from "../../scripts/load-mnist";
import type { FromWorker } from "../../src/components/widgets/training/messages";
import { createPump, type PumpEnv } from "../../src/components/widgets/training/pump";
import { createSession } from "../../src/components/widgets/training/session";
import { DEFAULT_CONFIG, DEFAULT_MLP, type ExperimentConfig } from "../../src/lib/config";
import type { MnistSubset } from "../../src/lib/data/mnist";

const subset = loadMnistSubset();

const mnistConfig: ExperimentConfig = {
  ...DEFAULT_CONFIG,
  steps: 6,
  batchSize: 16,
  data: { ...DEFAULT_CONFIG.data, dataset: "mnist", n: 200, standardise: false },
  model: { ...DEFAULT_MLP, depth: 2, width: 8 },
  loss: "softmaxCrossEntropy",
};

/** A loader the test resolves or rejects by hand. */
function deferredLoader() {
  let resolve!: (s: MnistSubset) => void;
  let reject!: (e: Error) => void;
  let calls = 0;
  const load = () => {
    calls++;
    return new Promise<MnistSubset>((res, rej) => {
      resolve = res;
      reject = rej;
    });
  };
  return {
    load,
    get calls() {
      return calls;
    },
    resolve: (s: MnistSubset) => resolve(s),
    reject: (e: Error) => reject(e),
  };
}

function harness(loadMnist?: PumpEnv["loadMnist"]) {
  const posted: FromWorker[] = [];
  const pump = createPump({
    post: (m) => posted.push(m),
    now: () => performance.now(),
    later: (f) => {
      const id = setTimeout(f, 0);
      return () => clearTimeout(id);
    },
    sliceMs: 1000,
    ...(loadMnist ? { loadMnist } : {}),
  });
  const settle = async (until: () => boolean) => {
    for (let i = 0; i < 200 && !until(); i++) await new Promise((r) => setTimeout(r, 5));
  };
  return { pump, posted, settle };
}

/** Message kinds in order, consecutive point batches as one (slices depend on the clock). */
const kinds = (ms: readonly FromWorker[]) =>
  ms
    .map((m) => (m.type === "phase" ? `phase:${m.phase}` : m.type))
    .filter((k, i, all) => k !== "points" || all[i - 1] !== "points");

describe("pump on MNIST", () => {
  it("loads, then trains what was asked while loading, matching the core", async () => {
    const d = deferredLoader();
    const h = harness(d.load);
    h.pump.handle({ type: "start", generation: 1, config: mnistConfig });
    h.pump.handle({ type: "play" });
    expect(kinds(h.posted)).toEqual(["phase:loading-data"]);
    await new Promise((r) => setTimeout(r, 20));
    // Nothing trains without the data.
    expect(kinds(h.posted)).toEqual(["phase:loading-data"]);
    d.resolve(subset);
    await h.settle(() => h.posted.some((m) => m.type === "idle"));
    expect(kinds(h.posted)).toEqual(["phase:loading-data", "phase:ready", "points", "idle"]);
    const batches = h.posted.flatMap((m) => (m.type === "points" ? [m] : []));
    const last = batches.at(-1);
    expect(last?.stepsDone).toBe(mnistConfig.steps);
    expect(last?.stop?.kind).toBe("completed");
    const points = batches.flatMap((b) => b.points);
    const direct = createSession(mnistConfig, subset);
    direct.advance();
    expect(points.map((p) => p.loss)).toEqual(direct.points.map((p) => p.loss));
    expect(points[0]?.layers).toHaveLength(3);
  });

  it("drops data that arrives for a start that has been replaced", async () => {
    const d = deferredLoader();
    const h = harness(d.load);
    h.pump.handle({ type: "start", generation: 1, config: mnistConfig });
    const first = d;
    h.pump.handle({ type: "start", generation: 2, config: DEFAULT_CONFIG });
    h.pump.handle({ type: "step", steps: 2 });
    first.resolve(subset);
    await h.settle(() => h.posted.some((m) => m.type === "idle"));
    await new Promise((r) => setTimeout(r, 20));
    // Generation 1 never reports ready; generation 2 (xor) trained its two steps.
    expect(h.posted.filter((m) => m.generation === 1).map((m) => m.type)).toEqual(["phase"]);
    const g2 = h.posted.filter((m) => m.generation === 2);
    expect(kinds(g2)).toEqual(["points", "idle"]);
  });

  it("turns a failed load into an error message, and the next start loads again", async () => {
    const d = deferredLoader();
    const h = harness(d.load);
    h.pump.handle({ type: "start", generation: 1, config: mnistConfig });
    h.pump.handle({ type: "play" });
    d.reject(new Error("Could not load the MNIST subset from /data/mnist-subset.bin: HTTP 404"));
    await h.settle(() => h.posted.some((m) => m.type === "error"));
    const error = h.posted.find((m) => m.type === "error");
    expect(error).toEqual({
      type: "error",
      generation: 1,
      message: "Could not load the MNIST subset from /data/mnist-subset.bin: HTTP 404",
    });
    h.pump.handle({ type: "start", generation: 2, config: mnistConfig });
    h.pump.handle({ type: "step", steps: 3 });
    expect(d.calls).toBe(2);
    d.resolve(subset);
    await h.settle(() => h.posted.some((m) => m.type === "idle" && m.generation === 2));
    const last = h.posted.filter((m) => m.type === "points" && m.generation === 2).at(-1);
    expect(last?.type === "points" && last.stepsDone).toBe(3);
  });

  it("says so when the trainer has no MNIST loader", () => {
    const h = harness();
    h.pump.handle({ type: "start", generation: 4, config: mnistConfig });
    expect(h.posted).toEqual([
      { type: "error", generation: 4, message: "This trainer has no MNIST data: pick another data set." },
    ]);
  });

  it("builds nothing after dispose, even when the data arrives later", async () => {
    const d = deferredLoader();
    const h = harness(d.load);
    h.pump.handle({ type: "start", generation: 1, config: mnistConfig });
    h.pump.handle({ type: "play" });
    h.pump.dispose();
    d.resolve(subset);
    await new Promise((r) => setTimeout(r, 30));
    expect(kinds(h.posted)).toEqual(["phase:loading-data"]);
  });
});
