/**
 * Number formatting for readouts and prose, shared by the chapter 2 and 3 widgets.
 *
 * Gradients here span from 1 to 1e-19, so a fixed number of decimals would print most of
 * them as 0.000. Numbers between 1e-3 and 1e4 print with `sig` significant digits; others in
 * scientific form, as text ("6.14 × 10⁻⁶", readable by screen readers and copyable) or as
 * TeX ("6.14 \times 10^{-6}") for KaTeX.
 */

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

interface Parts {
  readonly mantissa: string;
  /** null when the number prints without an exponent. */
  readonly exponent: number | null;
}

function parts(x: number, sig: number): Parts {
  if (x === 0) return { mantissa: "0", exponent: null };
  const ax = Math.abs(x);
  // toPrecision switches to exponent form once the integer part has more than `sig` digits.
  if (ax >= 10 ** sig && ax < 1e4) return { mantissa: String(Math.round(x)), exponent: null };
  if (ax >= 1e-3 && ax < 1e4) return { mantissa: trim(x.toPrecision(sig)), exponent: null };
  const [m, e] = x.toExponential(sig - 1).split("e");
  return { mantissa: trim(m as string), exponent: Number(e) };
}

/** Drops trailing zeros after a decimal point ("0.2500" -> "0.25", "2.0" -> "2"). */
function trim(s: string): string {
  return s.includes(".") && !s.includes("e") ? s.replace(/\.?0+$/, "") : s;
}

/** Minus sign as U+2212 so negative numbers read and align like typeset maths. */
function minus(s: string): string {
  return s.replace(/^-/, "−");
}

/** "0.197", "6.14 × 10⁻⁶", "NaN", "∞". */
export function fmt(x: number, sig = 3): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  const p = parts(x, sig);
  if (p.exponent === null) return minus(p.mantissa);
  const exp = [...String(p.exponent)].map((c) => SUPERSCRIPT[c] ?? c).join("");
  return `${minus(p.mantissa)} × 10${exp}`;
}

/** The same number as TeX for KaTeX: "6.14 \times 10^{-6}". */
export function tex(x: number, sig = 3): string {
  if (Number.isNaN(x)) return "\\text{NaN}";
  if (!Number.isFinite(x)) return x > 0 ? "\\infty" : "-\\infty";
  const p = parts(x, sig);
  return p.exponent === null ? p.mantissa : `${p.mantissa} \\times 10^{${p.exponent}}`;
}

/** Wraps a negative TeX number in parentheses so "w - eta * (-0.1)" reads correctly. */
export function texParen(x: number, sig = 3): string {
  return x < 0 ? `(${tex(x, sig)})` : tex(x, sig);
}
