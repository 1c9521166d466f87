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

function trained(name: string) {
  const r = parseConfig(JSON.parse(readFileSync(join(root, "examples", `${name}.json`), "utf8")));
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

  it("exploding-unclipped stays at chance; exploding-clipped learns the memory task", () => {
    expect(trained("exploding-unclipped").test.accuracy).toBeLessThanOrEqual(0.6);
    expect(trained("exploding-clipped").test.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
