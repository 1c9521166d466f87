/**
 * Interleaved timing: every round times one block of steps per engine, in turn, so slow
 * drifts of the machine (other processes, thermal state) hit all engines alike. The
 * per-step time of a round is block time / block size; the result is the median over
 * rounds, which ignores the occasional round spoiled by a garbage collection or a context
 * switch.
 */
export interface Timed {
  readonly name: string;
  /** Makes this engine current (tfjs: selects its backend). */
  activate(): void | Promise<void>;
  /** One training step: forward, backward, update. */
  step(): void;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Microseconds per step of a block of `n` steps. */
function timeBlock(t: Timed, n: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) t.step();
  return Number(process.hrtime.bigint() - start) / 1e3 / n;
}

export interface TimingOptions {
  /** Rounds (one block per engine each); the median is over these. */
  readonly rounds: number;
  /** Wanted wall time of one block, in microseconds; the block size is calibrated to it. */
  readonly blockUs: number;
  /**
   * Warm-up steps per engine before calibration (JIT, buffer allocation): at most this many,
   * and no more than fit in about a second, so that a slow engine (tfjs-cpu on the LSTM takes
   * ~0.3 s a step) does not spend half the bench warming up. At least 3.
   */
  readonly warmup: number;
}

/** Median microseconds per step of each engine, measured interleaved. */
export async function timeInterleaved(engines: readonly Timed[], opts: TimingOptions): Promise<number[]> {
  const blocks: number[] = [];
  for (const e of engines) {
    await e.activate();
    const warmStart = process.hrtime.bigint();
    for (let i = 0; i < opts.warmup; i++) {
      e.step();
      if (i >= 2 && process.hrtime.bigint() - warmStart > 1_000_000_000n) break;
    }
    const probe = median([timeBlock(e, 1), timeBlock(e, 1), timeBlock(e, 1)]);
    blocks.push(Math.max(1, Math.min(10000, Math.round(opts.blockUs / Math.max(probe, 0.01)))));
  }
  const perRound: number[][] = engines.map(() => []);
  for (let r = 0; r < opts.rounds; r++) {
    for (let k = 0; k < engines.length; k++) {
      const e = engines[k] as Timed;
      await e.activate();
      perRound[k]?.push(timeBlock(e, blocks[k] as number));
    }
  }
  return perRound.map(median);
}
