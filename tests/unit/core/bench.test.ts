/**
 * The benchmark's plumbing: the median, the interleaving, and the exact --json format of
 * `npm run bench` (a one-round run of case a, so the test stays quick; the timings
 * themselves are not asserted — they depend on the machine).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BENCH_CASES } from "../../../scripts/bench/cases";
import { createCoreEngine, makeBenchBatch } from "../../../scripts/bench/core";
import { median, type Timed, timeInterleaved } from "../../../scripts/bench/timing";
import { createRng } from "../../../src/lib/rng";

const root = join(import.meta.dirname, "../../..");

describe("bench timing", () => {
  it("median of odd and even lists", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("interleaves engines round by round and returns one median per engine", async () => {
    const order: string[] = [];
    const engine = (name: string): Timed => ({ name, activate: () => void order.push(name), step: () => {} });
    const medians = await timeInterleaved([engine("x"), engine("y")], { rounds: 3, blockUs: 10, warmup: 1 });
    expect(medians).toHaveLength(2);
    expect(medians.every((m) => m >= 0 && Number.isFinite(m))).toBe(true);
    // two calibration activations, then x, y alternating for three rounds
    expect(order).toEqual(["x", "y", "x", "y", "x", "y", "x", "y"]);
  });

  it("the core engine really trains on every case (the loss falls)", () => {
    for (const c of BENCH_CASES) {
      const rng = createRng(1);
      const e = createCoreEngine(c, makeBenchBatch(c, rng.stream("data")), rng.stream("core"));
      e.step();
      const first = e.lossNow();
      for (let i = 0; i < 5; i++) e.step();
      expect(e.lossNow()).toBeLessThan(first);
    }
  });
});

describe("npm run bench -- --json", () => {
  it("prints exactly {cases: [{case, engine, medianUs}]} for core, tfjs-cpu and tfjs-wasm", () => {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/bench.ts", "--json", "--rounds", "1", "--cases", "a"],
      {
        cwd: root,
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["cases"]);
    expect(out.cases.map((c: { engine: string }) => c.engine)).toEqual(["core", "tfjs-cpu", "tfjs-wasm"]);
    for (const c of out.cases) {
      expect(Object.keys(c)).toEqual(["case", "engine", "medianUs"]);
      expect(c.case).toBe("a");
      expect(c.medianUs).toBeGreaterThan(0);
    }
  }, 120_000);
});
