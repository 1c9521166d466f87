/**
 * npm run experiment -- <config.json> [--steps N] [--every K] [--eval-every M] [--out FILE] [--csv] [--histograms] [--quiet]
 *
 * Trains one experiment headless in Node and writes its metrics as JSON (format in
 * examples/README.md). The output is a pure function of the config and the options: two runs
 * give byte-identical files. Progress goes to stderr (once a second on a terminal); a bad
 * config prints one line per problem, naming the field, and exits with status 1; bad
 * arguments or an unreadable file exit with status 2.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseConfig } from "../src/lib/config.ts";
import { createRun, type Evaluation, type StepRecord } from "../src/lib/run.ts";
import { parseExperimentArgs, USAGE } from "./experiment/args.ts";
import { type CsvRow, recordsToCsv } from "./experiment/csv.ts";
import { loadMnistSubset } from "./load-mnist.ts";

function fail(status: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(status);
}

function main(): void {
  const parsed = parseExperimentArgs(process.argv.slice(2));
  if (!parsed.ok)
    fail(parsed.error ? 2 : 0, parsed.error ? `experiment: ${parsed.error}\n\n${USAGE}` : USAGE);
  const args = parsed.args;

  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(args.configPath, "utf8"));
  } catch (err) {
    fail(2, `experiment: cannot read ${args.configPath}: ${(err as Error).message}`);
  }
  if (args.steps !== undefined && typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
    raw = { ...raw, steps: args.steps };
  }
  const result = parseConfig(raw);
  if (!result.ok) {
    fail(
      1,
      `experiment: invalid config ${args.configPath}:\n${result.errors.map((e) => `  ${e}`).join("\n")}`,
    );
  }
  const config = result.config;

  const run = createRun(config, {
    recordEvery: args.every,
    histograms: args.histograms,
    ...(config.data.dataset === "mnist" ? { mnist: loadMnistSubset() } : {}),
  });

  const evaluations = new Map<number, Evaluation>();
  const started = performance.now();
  let lastReport = started;
  const tty = process.stderr.isTTY === true;
  const report = (final: boolean) => {
    if (args.quiet) return;
    const now = performance.now();
    // A terminal gets a line rewritten in place every second; a log file a new line every 5 s.
    if (!final && now - lastReport < (tty ? 1000 : 5000)) return;
    lastReport = now;
    const s = run.stepsDone;
    const loss = run.losses[s - 1];
    const rate = s / Math.max(1e-3, (now - started) / 1000);
    const line = `step ${s}/${config.steps}  loss ${loss?.toPrecision(4)}  ${rate.toFixed(0)} steps/s`;
    process.stderr.write(tty ? `\r${line}${final ? "\n" : ""}` : `${line}\n`);
  };

  while (!run.done) {
    run.step(1);
    const s = run.stepsDone;
    if (args.evalEvery > 0 && s % args.evalEvery === 0) evaluations.set(s, run.evaluate());
    report(false);
  }
  report(true);
  const final = run.evaluate();
  evaluations.set(run.stepsDone, final);

  const attach = (r: StepRecord): CsvRow => {
    const test = evaluations.get(r.step);
    return test ? { ...r, test: { loss: test.loss, accuracy: test.accuracy } } : r;
  };
  const records = run.metrics.map(attach);
  const output = {
    config,
    stop: run.stop,
    stepsDone: run.stepsDone,
    recordEvery: args.every,
    test: final,
    evaluations: [...evaluations].map(([step, e]) => ({ step, ...e })),
    losses: Array.from(run.losses),
    metrics: records,
  };
  const json = `${JSON.stringify(output)}\n`;

  if (args.out) {
    writeFileSync(args.out, json);
    if (args.csv) writeFileSync(args.out.replace(/(\.json)?$/, ".csv"), recordsToCsv(records));
  } else {
    process.stdout.write(args.csv ? recordsToCsv(records) : json);
  }
  if (!args.quiet) {
    const stop = run.stop;
    const how =
      stop?.kind === "diverged"
        ? `diverged at step ${stop.step}: ${stop.reason}`
        : `completed ${run.stepsDone} steps`;
    const acc = final.accuracy === null ? "" : `, test accuracy ${final.accuracy.toFixed(3)}`;
    process.stderr.write(
      `${how}; test loss ${final.loss.toPrecision(4)}${acc}; ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
}

main();
