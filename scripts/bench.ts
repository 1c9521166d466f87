/**
 * npm run bench [-- --json] [--rounds N] [--cases a,b]
 *
 * Times one training step (forward, backward, plain-SGD update) of our core against
 * TensorFlow.js 4.22 with its cpu and wasm backends, on the four cases of issue 3 item 13
 * (scripts/bench/cases.ts). Engines run interleaved (round-robin blocks of steps) and each
 * gets the median over rounds of its per-step time. Prints a table with the ratio
 * core / best tfjs per case; with --json prints only
 *   {"cases":[{"case":"a","engine":"core","medianUs":123.4}, ...]}
 * on stdout (progress goes to stderr).
 */
import { createRng } from "../src/lib/rng.ts";
import { BENCH_CASES } from "./bench/cases.ts";
import { createCoreEngine, makeBenchBatch } from "./bench/core.ts";
import { createTfjsEngine, TFJS_BACKENDS } from "./bench/tfjs.ts";
import { timeInterleaved } from "./bench/timing.ts";

interface Row {
  case: string;
  engine: string;
  medianUs: number;
}

function parseArgs(argv: readonly string[]) {
  const opts = { json: false, rounds: 31, cases: BENCH_CASES.map((c) => c.id) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") opts.json = true;
    else if (a === "--rounds") opts.rounds = Number(argv[++i]);
    else if (a === "--cases") opts.cases = String(argv[++i]).split(",");
    else {
      console.error(
        `bench: unknown argument ${a}\nusage: npm run bench -- [--json] [--rounds N] [--cases a,b,c,d]`,
      );
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.rounds) || opts.rounds < 1) {
    console.error("bench: --rounds must be a positive integer");
    process.exit(2);
  }
  return opts;
}

const fmtUs = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const rows: Row[] = [];
  const started = Date.now();
  for (const c of BENCH_CASES.filter((k) => opts.cases.includes(k.id))) {
    const rng = createRng(2024);
    const data = makeBenchBatch(c, rng.stream("data"));
    const core = createCoreEngine(c, data, rng.stream("core"));
    const tfjs = [];
    for (const b of TFJS_BACKENDS) tfjs.push(await createTfjsEngine(b, c, data, rng.stream(`tfjs-${b}`)));
    const engines = [core, ...tfjs];
    process.stderr.write(`bench: case ${c.id} (${c.title}) ...`);
    const medians = await timeInterleaved(engines, { rounds: opts.rounds, blockUs: 20_000, warmup: 20 });
    engines.forEach((e, k) => {
      rows.push({ case: c.id, engine: e.name, medianUs: Number((medians[k] as number).toFixed(1)) });
    });
    process.stderr.write(` done (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    for (const t of tfjs) t.dispose();
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ cases: rows })}\n`);
    return;
  }
  const lines = [
    "| case | shape | core | tfjs-cpu | tfjs-wasm | core / best tfjs |",
    "|---|---|---:|---:|---:|---:|",
  ];
  for (const c of BENCH_CASES.filter((k) => opts.cases.includes(k.id))) {
    const us = (engine: string) =>
      rows.find((r) => r.case === c.id && r.engine === engine)?.medianUs ?? Number.NaN;
    const best = Math.min(us("tfjs-cpu"), us("tfjs-wasm"));
    lines.push(
      `| ${c.id} | ${c.title} | ${fmtUs(us("core"))} | ${fmtUs(us("tfjs-cpu"))} | ${fmtUs(us("tfjs-wasm"))} | ${(us("core") / best).toFixed(3)} |`,
    );
  }
  console.log(lines.join("\n"));
  console.log(`\nmedian per-step time over ${opts.rounds} interleaved rounds; Node ${process.version}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
