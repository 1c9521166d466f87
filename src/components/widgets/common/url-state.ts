/**
 * A widget's whole config in the URL, so a link reproduces exactly what the sender saw.
 *
 * Format: one query parameter per widget instance, named by the enclosing figure's id:
 *
 *   /chapters/01-sigmoid/?fig-sigmoid=v1.eyJhY3RpdmF0aW9uIjoidGFuaCIsIngiOjN9#fig-sigmoid
 *
 * - Why the query and not the fragment: the fragment is the section/figure anchor the site
 *   already publishes (coursework links to #fig-…); keeping it free means a configured link
 *   still scrolls to its figure. Naming the parameter by the figure id scopes it per instance,
 *   so two widgets on one page (or the same widget twice) never collide, and one URL can carry
 *   several figures' states.
 * - `v1.` is the format version of that widget's config. When a config changes shape, bump the
 *   widget's `version` and add `migrations[1]` (v1 payload → v2 payload): old links keep
 *   opening, migrated step by step up to the current version.
 * - The payload is base64url(UTF-8 JSON of the config): compact, URL-safe without
 *   percent-escapes, and able to carry nested configs (the training dashboard's knobs).
 * - An optional `.s<N>` after the payload is the step count, for widgets that train:
 *   `?fig-dashboard=v1.eyJ….s110` opens the same config, trains it (same seed) to exactly step
 *   110 and pauses there, so the reader sees the sender's readouts. Without it a training
 *   widget opens as it loads (its build-time figure or warm-up). Widgets that do not train
 *   ignore it.
 *
 * Never trust the URL: the decoded object goes through the widget's own field-by-field parser
 * (the same one props go through), and every step that can fail (length, version, base64,
 * UTF-8, JSON, shape) falls back to defaults instead of throwing. `ignored` names the fields
 * the parser replaced, so the widget can say so. Nothing from the URL is ever rendered except
 * names of fields the config really has.
 */

/** A parameter value longer than this is not a link we made (ours are < 400 chars). */
export const MAX_STATE_LENGTH = 2048;

/** Migrations of one widget's payload: `migrations[n]` turns a vn payload into a v(n+1) payload. */
export type Migrations = Readonly<
  Record<number, (payload: Record<string, unknown>) => Record<string, unknown>>
>;

export interface UrlStateSpec<C> {
  /** Validates anything into a config, field by field (the widget's config parser). */
  readonly parse: (raw: unknown) => C;
  /** The config format version this widget writes. Default 1. */
  readonly version?: number;
  readonly migrations?: Migrations;
}

export type DecodeStatus =
  /** No state for this widget in the URL. */
  | "absent"
  /** Every field was read as written. */
  | "ok"
  /** Some fields were unknown, invalid or out of range; the rest were used. */
  | "partial"
  /** The value could not be read at all (bad version, encoding or JSON); defaults are shown. */
  | "invalid";

export interface DecodedState<C> {
  readonly config: C;
  readonly status: DecodeStatus;
  /** Paths of known fields whose URL value was replaced (e.g. "x", "knobs.lr"). */
  readonly ignored: readonly string[];
  /** How many fields the config does not have were in the link (their names are not shown). */
  readonly unknownFields: number;
  /** The step count the link asks to train to (`.s<N>`), or null when it carries none. */
  readonly step: number | null;
}

export { encodeState, isStateKey, MAX_LINK_STEP, stateUrl } from "./url-state-link";

/** `v<version>.<payload>` with an optional `.s<step>` (at most MAX_LINK_STEP: seven digits). */
const VALUE_PATTERN = /^v([1-9][0-9]{0,2})\.([A-Za-z0-9_-]*)(?:\.s(0|[1-9][0-9]{0,6}))?$/;
function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** base64url → text, or null for anything that is not valid base64url of valid UTF-8. */
function fromBase64Url(data: string): string | null {
  try {
    const binary = atob(data.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A config value equals what the URL said (numbers may arrive as numeric strings). */
function sameValue(fromUrl: unknown, parsed: unknown): boolean {
  if (Object.is(fromUrl, parsed)) return true;
  if (typeof parsed === "number" && typeof fromUrl === "string") return Number(fromUrl) === parsed;
  // Lists (e.g. the curves shown) are values: equal when they hold the same items in order.
  if (Array.isArray(parsed) && Array.isArray(fromUrl))
    return JSON.stringify(fromUrl) === JSON.stringify(parsed);
  return false;
}

/**
 * Which fields of the URL's object did the parser not take as written? Known fields that were
 * replaced go into `ignored` by path; fields the config lacks are only counted, because their
 * names are arbitrary text from the URL.
 */
function compareFields(
  fromUrl: Record<string, unknown>,
  parsed: Record<string, unknown>,
  prefix: string,
  out: { ignored: string[]; unknown: number },
): void {
  for (const key of Object.keys(fromUrl)) {
    if (!Object.hasOwn(parsed, key)) {
      out.unknown += 1;
      continue;
    }
    const a = fromUrl[key];
    const b = parsed[key];
    if (isPlainObject(b) && isPlainObject(a)) compareFields(a, b, `${prefix}${key}.`, out);
    else if (!sameValue(a, b)) out.ignored.push(`${prefix}${key}`);
  }
}

function migrate(
  payload: Record<string, unknown>,
  from: number,
  to: number,
  migrations: Migrations,
): Record<string, unknown> | null {
  let p = payload;
  for (let v = from; v < to; v += 1) {
    const step = migrations[v];
    if (!step) return null;
    const next = step(p);
    if (!isPlainObject(next)) return null;
    p = next;
  }
  return p;
}

/**
 * Reads one widget's state from a URL parameter value (`null` when the parameter is absent).
 * Never throws for any input string: a parser that throws is a bug in the widget, so even
 * then the defaults come back with status "invalid".
 */
export function decodeState<C>(value: string | null | undefined, spec: UrlStateSpec<C>): DecodedState<C> {
  const defaults = spec.parse({});
  const none = (status: DecodeStatus): DecodedState<C> => ({
    config: defaults,
    status,
    ignored: [],
    unknownFields: 0,
    step: null,
  });
  if (value === null || value === undefined) return none("absent");
  if (value.length > MAX_STATE_LENGTH) return none("invalid");
  const m = VALUE_PATTERN.exec(value);
  if (!m) return none("invalid");
  const version = Number(m[1]);
  const step = m[3] === undefined ? null : Number(m[3]);
  const current = spec.version ?? 1;
  if (version > current) return none("invalid");
  const text = fromBase64Url(m[2] ?? "");
  if (text === null) return none("invalid");
  try {
    const raw: unknown = JSON.parse(text);
    if (!isPlainObject(raw)) return none("invalid");
    const payload = migrate(raw, version, current, spec.migrations ?? {});
    if (!payload) return none("invalid");
    const config = spec.parse(payload);
    if (!isPlainObject(config)) return { config, status: "ok", ignored: [], unknownFields: 0, step };
    const out = { ignored: [] as string[], unknown: 0 };
    compareFields(payload, config, "", out);
    const status = out.ignored.length > 0 || out.unknown > 0 ? "partial" : "ok";
    return { config, status, ignored: out.ignored, unknownFields: out.unknown, step };
  } catch {
    return none("invalid");
  }
}

/** The sentence a widget shows when a link's state was not taken whole; "" when it was. */
export function describeDecode(d: DecodedState<unknown>): string {
  if (d.status === "invalid") return "The settings in this link could not be read; showing the defaults.";
  if (d.status !== "partial") return "";
  const parts: string[] = [];
  if (d.ignored.length > 0) {
    const names = d.ignored.slice(0, 8).join(", ") + (d.ignored.length > 8 ? ", …" : "");
    parts.push(
      `ignored or adjusted the invalid or out-of-range value${d.ignored.length > 1 ? "s" : ""} of ${names}`,
    );
  }
  if (d.unknownFields > 0) {
    parts.push(`ignored ${d.unknownFields} unknown field${d.unknownFields > 1 ? "s" : ""}`);
  }
  return `This link's settings were partly used: ${parts.join("; ")}.`;
}
