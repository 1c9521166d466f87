/**
 * The writing half of URL state (see url-state.ts for the format and why): what every widget
 * page needs at load to offer its link. The reading half (decodeState) is loaded only when a
 * link actually carries state, which keeps it out of the page's initial JavaScript.
 */
/** Figure ids and the like: what a parameter name may be (anything else is not ours). */
const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export function isStateKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The largest step count a link may carry (far above any run's length; keeps the suffix short). */
export const MAX_LINK_STEP = 9_999_999;

/**
 * `v<version>.<base64url JSON>` for a config (already valid: it came from the parser), with
 * `.s<step>` appended when the link says "at step N" (a widget that trains: opening the link
 * trains the same seed to exactly that step and pauses there). The suffix sits outside the
 * config's JSON, so it needs no config version of its own: links without it (every v1 link
 * written before it existed) read as before, and "." is never part of base64url.
 */
export function encodeState(config: unknown, version = 1, step?: number): string {
  const value = `v${version}.${toBase64Url(JSON.stringify(config))}`;
  if (step === undefined || !Number.isInteger(step) || step < 0 || step > MAX_LINK_STEP) return value;
  return `${value}.s${step}`;
}

/** The widget's state in a URL: `base` with only this widget's parameter and its figure anchor. */
export function stateUrl(
  base: string,
  key: string,
  config: unknown,
  version = 1,
  anchor = true,
  step?: number,
): string {
  const url = new URL(base);
  url.search = "";
  url.searchParams.set(key, encodeState(config, version, step));
  url.hash = anchor ? key : "";
  return url.href;
}
