/**
 * Who used the machine's cores while a widget was measured: the browser under test, or
 * something else. Read from Linux's /proc (the CI machines run Linux).
 *
 * Why: a wall-clock long task on a machine busy with other work measures that work, not the
 * page (the OS parks the renderer mid-task: a task of 9 ms of CPU was reported as 263 ms at a
 * load of 6 per core). The 1-minute load average cannot tell: it lags by a minute and counts the
 * browser under test too. This compares, over exactly the measured window, the CPU time of the
 * whole machine (/proc/stat) with that of the browser's processes (every process whose command
 * line names chromium) and of this test process.
 *
 *   const watch = startCpuWatch();
 *   ... measure ...
 *   const { otherCores, browserCores } = watch.stop();   // average cores busy over the window
 */
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's counters (USER_HZ: 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

export interface CpuUse {
  /** Average cores busy with anything but the browser and this test process. */
  readonly otherCores: number;
  /** Average cores used by the browser's processes. */
  readonly browserCores: number;
  readonly seconds: number;
}

/** Busy ticks of the whole machine (all CPUs), or null off Linux. */
function machineBusyTicks(): number | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice
    const [, ...fields] = line.trim().split(/\s+/);
    const n = fields.map(Number);
    const idle = (n[3] ?? 0) + (n[4] ?? 0);
    const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
    return total - idle;
  } catch {
    return null;
  }
}

/** utime + stime ticks of a process (all its threads). */
function processTicks(pid: string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces: fields after its closing parenthesis.
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return 0;
  }
}

function browserTicks(): Map<string, number> {
  const out = new Map<string, number>();
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    let cmd = "";
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (/chrom(e|ium)/i.test(cmd.split("\0")[0] ?? "")) out.set(pid, processTicks(pid));
  }
  return out;
}

export function startCpuWatch(): { stop(): CpuUse | null } {
  const t0 = performance.now();
  const busy0 = machineBusyTicks();
  const browser0 = browserTicks();
  const self0 = process.cpuUsage();
  return {
    stop() {
      const busy1 = machineBusyTicks();
      if (busy0 === null || busy1 === null) return null;
      const seconds = (performance.now() - t0) / 1000;
      const browser1 = browserTicks();
      // Processes that ended in the window are missed (their ticks go to "other"): the browser's
      // processes live through a measurement.
      let browser = 0;
      for (const [pid, t] of browser1) browser += t - (browser0.get(pid) ?? 0);
      const self = process.cpuUsage(self0);
      const selfTicks = ((self.user + self.system) / 1e6) * TICKS_PER_SECOND;
      const other = Math.max(0, busy1 - busy0 - browser - selfTicks);
      return {
        otherCores: other / TICKS_PER_SECOND / seconds,
        browserCores: browser / TICKS_PER_SECOND / seconds,
        seconds,
      };
    },
  };
}
