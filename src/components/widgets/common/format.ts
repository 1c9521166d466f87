/**
 * Number formatting for readouts: four significant figures, switching to scientific
 * notation for magnitudes below 1e-3 or from 1e5, so 0.25, 0.01766 and 3.354e-4 all read
 * naturally. A readout never shows "NaN" or "Infinity" unexplained.
 */
export function formatNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return "not a number";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  if (v === 0) return "0";
  const a = Math.abs(v);
  const s = a < 1e-3 || a >= 1e5 ? v.toExponential(digits - 1) : Number(v.toPrecision(digits)).toString();
  // A true minus sign reads better than a hyphen, and screen readers say "minus".
  return s.replace(/^-/, "−");
}
