import { createHash } from "node:crypto";

/** A CSP source hash ("sha256-<base64>") of a script or style's exact text. */
export function cspHash(source: string): `sha256-${string}` {
  return `sha256-${createHash("sha256").update(source, "utf8").digest("base64")}`;
}
