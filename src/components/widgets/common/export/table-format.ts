/**
 * A chart's rows as CSV (RFC 4180) and JSON. Pure: strings in, strings out; no DOM.
 *
 *   toCsv([{ step: 1, loss: 0.69 }, { step: 2, loss: Number.NaN }])
 *   // "step,loss\r\n1,0.69\r\n2,NaN\r\n"
 *
 * Columns: the union of the rows' keys, in the order they first appear (tidy rows normally
 * share one set of keys; a key missing from a row is an empty cell).
 *
 * Numbers are written at full precision (String(v): the shortest text that reads back as the
 * same double, e.g. 1e-7, 0.30000000000000004), so nothing is lost on the way to a notebook.
 * Non-finite numbers are data here (a diverged run's loss), so they stay explicit:
 *   CSV  NaN, Infinity, -Infinity — read back as numbers by Python's float(), pandas and R;
 *   JSON null, since JSON has no NaN or Infinity; the CSV keeps the distinction.
 * null and undefined are an empty CSV cell and null in JSON.
 *
 * Quoting: a cell with a comma, a double quote, CR or LF is wrapped in double quotes and its
 * quotes doubled. A text cell a spreadsheet would run as a formula (starting with = + - @,
 * tab or CR) gets a leading apostrophe (the OWASP advice on CSV injection); numbers are never
 * touched, so -0.5 stays a number.
 */
import type { ChartCell, ChartRow } from "../../../charts/chart-data";

/** Keys of all rows, first appearance first. */
export function columnsOf(rows: readonly ChartRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** A number as CSV text: full precision, -0 as 0, non-finite spelled out. */
export function csvNumber(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Number.POSITIVE_INFINITY) return "Infinity";
  if (v === Number.NEGATIVE_INFINITY) return "-Infinity";
  return Object.is(v, -0) ? "0" : String(v);
}

/** One cell, quoted when it must be. */
export function csvCell(v: ChartCell | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return csvNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV: a header line, then one line per row, CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly ChartRow[], columns: readonly string[] = columnsOf(rows)): string {
  const lines = [columns.map((c) => csvCell(c)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** A cell as JSON allows it: non-finite numbers become null. */
function jsonCell(v: ChartCell | undefined): ChartCell {
  if (v === undefined) return null;
  return typeof v === "number" && !Number.isFinite(v) ? null : v;
}

/**
 * The rows as a JSON array of objects, every object with every column (in column order), so
 * `JSON.parse(toJson(rows))` has the same rows as the CSV. Two-space indented: it is read by
 * people as often as by programs, and the files are small.
 */
export function toJson(rows: readonly ChartRow[], columns: readonly string[] = columnsOf(rows)): string {
  const out = rows.map((row) => Object.fromEntries(columns.map((c) => [c, jsonCell(row[c])])));
  return `${JSON.stringify(out, null, 2)}\n`;
}
