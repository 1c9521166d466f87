/**
 * How findings and training readouts write numbers: 3 significant figures, exponent form
 * outside [1e-3, 1e4) ("0.693", "5.8e-14", "2.3e7"), and shares as percentages ("37%", "0.4%").
 * Its own module so the page can format numbers without loading the findings rules (which
 * run in the training worker).
 */
export function fmtNum(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e4) return Number(x.toPrecision(3)).toString();
  return x.toExponential(1).replace("e+", "e");
}

/** "37%", or "0.4%" below one percent. */
export function fmtShare(x: number): string {
  const p = x * 100;
  return p > 0 && p < 1 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}
