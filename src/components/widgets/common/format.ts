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

const SUPERSCRIPT: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/**
 * Like formatNumber, but scientific values read as "3.352 × 10⁻⁴" instead of "3.352e-4":
 * for numbers set in running prose and readouts people read rather than copy.
 */
export function formatNumberProse(v: number, digits = 4): string {
  const s = formatNumber(v, digits);
  const m = /^(−?[\d.]+)e([+-]?)(\d+)$/.exec(s);
  if (!m) return s;
  const exp = `${m[2] === "-" ? "-" : ""}${m[3]}`;
  return `${m[1]} × 10${[...exp].map((c) => SUPERSCRIPT[c] ?? c).join("")}`;
}
