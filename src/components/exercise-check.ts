/**
 * Checking an exercise answer typed by the reader: parse what people actually type
 * ("0.25", "1/4", "−0.5", "2.5e-3", "1,5"), then compare with a tolerance.
 * No maths of the chapter here: the expected answer is computed through src/lib at build time.
 */

/** Parse a number typed by a reader; null when it is not one. Accepts a/b fractions. */
export function parseAnswerInput(raw: string): number | null {
  const s = raw
    .trim()
    .replace(/[−–]/g, "-") // unicode minus / en dash
    .replace(/\s+/g, "")
    .replace(/^(-?\d+),(\d+)$/, "$1.$2"); // decimal comma
  if (s === "") return null;
  const frac = /^(-?[\d.]+(?:e-?\d+)?)\/(-?[\d.]+(?:e-?\d+)?)$/i.exec(s);
  if (frac) {
    const v = Number(frac[1]) / Number(frac[2]);
    return Number.isFinite(v) ? v : null;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

export interface NumericTolerance {
  /** Accept |v - answer| <= abs ... */
  readonly abs?: number;
  /** ... or |v - answer| <= rel * |answer|. Default 1 % when neither is given. */
  readonly rel?: number;
}

export function isCloseEnough(value: number, answer: number, tol: NumericTolerance = {}): boolean {
  const abs = tol.abs ?? 0;
  // An explicit absolute tolerance stands alone; the 1 % default applies only when none is set.
  const rel = tol.rel ?? (tol.abs === undefined ? 0.01 : 0);
  return Math.abs(value - answer) <= Math.max(abs, rel * Math.abs(answer));
}

export type CheckResult = "correct" | "incorrect" | "unreadable" | "empty";

export function checkNumericAnswer(raw: string, answer: number, tol: NumericTolerance = {}): CheckResult {
  if (raw.trim() === "") return "empty";
  const v = parseAnswerInput(raw);
  if (v === null) return "unreadable";
  return isCloseEnough(v, answer, tol) ? "correct" : "incorrect";
}
