/**
 * Command-line arguments of `npm run experiment -- <config.json> [options]`, parsed without a
 * library so every message can say exactly what is wrong.
 */
export interface ExperimentArgs {
  readonly configPath: string;
  /** Overrides config.steps. */
  readonly steps?: number;
  /** Keep a full metrics record every K steps (the loss of every step is kept anyway). */
  readonly every: number;
  /** Evaluate on the held-out set every M steps (0: only at the end). */
  readonly evalEvery: number;
  /** Write here instead of stdout. */
  readonly out?: string;
  /** Also (or, without --out, instead) write the records as CSV. */
  readonly csv: boolean;
  /** Fill per-layer gradient and activation histograms in the records (MLP). */
  readonly histograms: boolean;
  /** No progress line on stderr. */
  readonly quiet: boolean;
}

export const USAGE = `usage: npm run experiment -- <config.json> [--steps N] [--every K] [--eval-every M] [--out FILE] [--csv] [--histograms] [--quiet]

  <config.json>    an experiment config (see examples/README.md); missing fields take defaults
  --steps N        train N steps instead of config.steps
  --every K        keep a full metrics record every K steps (default 1; first and last always)
  --eval-every M   also evaluate on the held-out set every M steps (default 0: only at the end)
  --out FILE       write the metrics JSON to FILE (default: stdout)
  --csv            write the records as CSV too: to FILE with .csv for .json when --out is
                   given, otherwise to stdout instead of the JSON
  --histograms     add per-layer gradient (log bins) and activation histograms to each record
  --quiet          no progress line on stderr`;

export type ParsedArgs = { ok: true; args: ExperimentArgs } | { ok: false; error: string };

function positiveInt(flag: string, raw: string | undefined, allowZero = false): number | string {
  if (raw === undefined) return `${flag} needs a value`;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < (allowZero ? 0 : 1)) {
    return `${flag} must be an integer >= ${allowZero ? 0 : 1}, got "${raw}"`;
  }
  return v;
}

export function parseExperimentArgs(argv: readonly string[]): ParsedArgs {
  let configPath: string | undefined;
  let steps: number | undefined;
  let every = 1;
  let evalEvery = 0;
  let out: string | undefined;
  let csv = false;
  let quiet = false;
  let histograms = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    switch (a) {
      case "--steps":
      case "--every":
      case "--eval-every": {
        const v = positiveInt(a, argv[++i], a === "--eval-every");
        if (typeof v === "string") return { ok: false, error: v };
        if (a === "--steps") steps = v;
        else if (a === "--every") every = v;
        else evalEvery = v;
        break;
      }
      case "--out": {
        const v = argv[++i];
        if (v === undefined || v.startsWith("--")) return { ok: false, error: "--out needs a file name" };
        out = v;
        break;
      }
      case "--csv":
        csv = true;
        break;
      case "--quiet":
        quiet = true;
        break;
      case "--histograms":
        histograms = true;
        break;
      case "--help":
      case "-h":
        return { ok: false, error: "" };
      default:
        if (a.startsWith("-")) return { ok: false, error: `unknown option ${a}` };
        if (configPath !== undefined)
          return { ok: false, error: `only one config file, got "${configPath}" and "${a}"` };
        configPath = a;
    }
  }
  if (configPath === undefined) return { ok: false, error: "missing the config file" };
  return {
    ok: true,
    args: {
      configPath,
      every,
      evalEvery,
      csv,
      quiet,
      histograms,
      ...(steps === undefined ? {} : { steps }),
      ...(out === undefined ? {} : { out }),
    },
  };
}
