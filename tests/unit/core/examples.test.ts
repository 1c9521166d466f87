/**
 * The examples do what examples/README.md says they do (seed 1, the files as committed).
 * The LSTM/RNN adding-problem pair and MNIST are left out: they take minutes, not seconds.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ExperimentConfig, parseConfig } from "../../../src/lib/config";
import { createRun } from "../../../src/lib/run";

const root = join(import.meta.dirname, "../../..");

function trained(name: string, seed?: number) {
  const file = JSON.parse(readFileSync(join(root, "examples", `${name}.json`), "utf8"));
  const r = parseConfig(seed === undefined ? file : { ...file, seed });
  if (!r.ok) throw new Error(r.errors.join("\n"));
  const config: ExperimentConfig = r.config;
  const run = createRun(config, { recordEvery: config.steps });
  run.step(config.steps);
  return { run, test: run.evaluate(), first: run.metrics[0]! };
}

describe("examples/README.md claims", () => {
  it("vanishing-deep-sigmoid: first-layer gradient ~1e-9 of the last, test accuracy at chance", () => {
    const { run, test, first } = trained("vanishing-deep-sigmoid");
    const ws = first.paramStats.filter((p) => p.kind === "W");
    expect(ws[0]!.gradNorm / ws.at(-1)!.gradNorm).toBeLessThan(1e-7);
    expect(run.stop?.kind).toBe("completed");
    expect(test.accuracy).toBeLessThanOrEqual(0.6);
  });

  it.each(["he-relu", "batch-norm", "residual"])("%s: the remedy trains (test accuracy >= 0.95)", (name) => {
    const { test } = trained(name);
    expect(test.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  // A claim about one chaotic run is a claim about its seed, so this one is checked over
  // seeds 1-8 (the README states these counts): with the earlier setting (singular value 3,
  // rate 1) the unclipped RNN stayed at chance for seed 1 but learned for most other seeds.
  it("exploding-unclipped stays at chance; exploding-clipped learns the memory task (seeds 1-8)", () => {
    const learned = (name: string) =>
      [1, 2, 3, 4, 5, 6, 7, 8].filter((seed) => (trained(name, seed).test.accuracy ?? 0) >= 0.95).length;
    expect(learned("exploding-unclipped")).toBe(0);
    expect(learned("exploding-clipped")).toBeGreaterThanOrEqual(7);
    expect(trained("exploding-clipped").test.accuracy).toBeGreaterThanOrEqual(0.95); // the file as it is
  }, 120_000);
});
