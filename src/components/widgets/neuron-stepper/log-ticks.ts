/**
 * Tick values for a log axis: powers of ten only, thinned to at most `max` labels. Plot's
 * default log ticks add every minor 2..9 multiple, which turns into a solid comb of grid
 * lines when the data span ten or more decades (gradients through 30 layers do).
 */
import { fmt } from "./format";

export function powerTicks(values: readonly number[], max = 8): number[] {
  const finite = values.filter((v) => v > 0 && Number.isFinite(v));
  if (finite.length === 0) return [];
  const lo = Math.floor(Math.log10(Math.min(...finite)));
  const hi = Math.ceil(Math.log10(Math.max(...finite)));
  const stride = Math.max(1, Math.ceil((hi - lo + 1) / max));
  const out: number[] = [];
  for (let e = hi; e >= lo; e -= stride) out.push(10 ** e);
  return out.reverse();
}

/** "10⁻⁶" for 1e-6, "0.01" and "100" for the nearby powers. */
export function powerLabel(v: number): string {
  return fmt(v).replace(/^1 × /, "");
}

/** The log-axis domain rounded out to whole decades, so every power tick sits inside it. */
export function powerDomain(values: readonly number[]): [number, number] | undefined {
  const finite = values.filter((v) => v > 0 && Number.isFinite(v));
  if (finite.length === 0) return undefined;
  const lo = Math.floor(Math.log10(Math.min(...finite)));
  const hi = Math.ceil(Math.log10(Math.max(...finite)));
  return [10 ** lo, 10 ** (hi > lo ? hi : lo + 1)];
}
