/**
 * The experiment CLI end to end: spawns `node --import tsx scripts/experiment.ts` like
 * `npm run experiment` does, on the committed examples.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseExperimentArgs } from "../../../scripts/experiment/args";
import { parseConfig } from "../../../src/lib/config";

const root = join(import.meta.dirname, "../../..");

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/experiment.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("examples/", () => {
  const files = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".json"));

  it("holds the documented examples", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "vanishing-deep-sigmoid.json",
        "he-relu.json",
        "batch-norm.json",
        "residual.json",
        "lstm-adding.json",
      ]),
    );
  });

  it.each(files)("%s is a valid, complete-enough config", (f) => {
    const r = parseConfig(JSON.parse(readFileSync(join(root, "examples", f), "utf8")));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

describe("npm run experiment", () => {
  it("trains an example for a few steps and writes parseable, reproducible metrics JSON", () => {
    const a = cli("examples/he-relu.json", "--steps", "12", "--every", "5", "--quiet");
    expect(a.stderr).toBe("");
    expect(a.status).toBe(0);
    const out = JSON.parse(a.stdout);
    expect(out.stepsDone).toBe(12);
    expect(out.config.steps).toBe(12);
    expect(out.config.model.activation).toBe("relu");
    expect(out.stop).toEqual({ kind: "completed", step: 12 });
    expect(out.losses).toHaveLength(12);
    expect(out.metrics.map((m: { step: number }) => m.step)).toEqual([1, 5, 10, 12]);
    expect(out.metrics[0].paramStats[0]).toMatchObject({ name: "layer1.W", layer: 1, kind: "W" });
    expect(out.test.n).toBe(100);
    expect(out.test.accuracy).toBeGreaterThanOrEqual(0);
    // Same config, same options: byte-identical output.
    expect(cli("examples/he-relu.json", "--steps", "12", "--every", "5", "--quiet").stdout).toBe(a.stdout);
  });

  it("writes JSON and CSV files with --out and --csv, and a progress summary on stderr", () => {
    const dir = mkdtempSync(join(tmpdir(), "experiment-"));
    const file = join(dir, "run.json");
    const r = cli(
      "examples/residual.json",
      "--steps",
      "6",
      "--every",
      "2",
      "--eval-every",
      "3",
      "--out",
      file,
      "--csv",
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/completed 6 steps; test loss/);
    const json = JSON.parse(readFileSync(file, "utf8"));
    expect(json.evaluations.map((e: { step: number }) => e.step)).toEqual([3, 6]);
    const csv = readFileSync(join(dir, "run.csv"), "utf8").trim().split("\n");
    expect(csv).toHaveLength(1 + 4); // header + steps 1, 2, 4, 6
    const header = csv[0]!.split(",");
    expect(header.slice(0, 5)).toEqual(["step", "loss", "accuracy", "gradNorm", "clippedGradNorm"]);
    expect(header).toContain("layer1.W.grad");
    expect(header).toContain("L1.saturatedFraction");
    expect(header.slice(-2)).toEqual(["test.loss", "test.accuracy"]);
    const last = csv[4]!.split(",");
    expect(last).toHaveLength(header.length);
    expect(last[0]).toBe("6");
    expect(Number(last.at(-2))).toBeCloseTo(json.test.loss, 12);
  });

  it("rejects a bad config with a non-zero exit and the field named", () => {
    const dir = mkdtempSync(join(tmpdir(), "experiment-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ model: { depth: 500, dropout: 0.5 } }));
    const r = cli(file, "--quiet");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("model.depth: must be an integer in [0, 100] (got 500)");
    expect(r.stderr).toContain('model: unknown field "dropout"');
  });

  it("rejects unreadable files and bad arguments with status 2", () => {
    expect(cli("does-not-exist.json").status).toBe(2);
    const r = cli("examples/he-relu.json", "--steps", "0");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--steps must be an integer >= 1/);
  });
});

describe("parseExperimentArgs", () => {
  it("parses every option", () => {
    expect(
      parseExperimentArgs([
        "c.json",
        "--steps",
        "5",
        "--every",
        "2",
        "--eval-every",
        "0",
        "--out",
        "o.json",
        "--csv",
        "--quiet",
      ]),
    ).toEqual({
      ok: true,
      args: {
        configPath: "c.json",
        steps: 5,
        every: 2,
        evalEvery: 0,
        out: "o.json",
        csv: true,
        quiet: true,
        histograms: false,
      },
    });
  });

  it("explains what is wrong", () => {
    expect(parseExperimentArgs([])).toEqual({ ok: false, error: "missing the config file" });
    expect(parseExperimentArgs(["a.json", "b.json"])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/only one config/),
    });
    expect(parseExperimentArgs(["a.json", "--every", "x"])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/--every must be an integer/),
    });
    expect(parseExperimentArgs(["a.json", "--fast"])).toEqual({ ok: false, error: "unknown option --fast" });
    expect(parseExperimentArgs(["a.json", "--out"])).toEqual({ ok: false, error: "--out needs a file name" });
  });
});
