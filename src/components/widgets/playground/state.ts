/**
 * The playground's whole state, as the URL carries it (<ShareState>, url-state-widgets.ts):
 * the preset the knobs came from ("custom" once the reader changes one) and every knob.
 *
 *   /playground/?playground=v1.<base64url of {"preset":"vanishing","knobs":{…}}>#playground
 *
 * Parsed field by field: an unknown preset gives the default preset, each bad knob the
 * preset's value (knobs.ts parseKnobs), so a damaged link still opens a working playground.
 */
import { type PlaygroundKnobs, parseKnobs } from "./knobs";
import { PG_PRESET_NAMES, PG_PRESETS, type PgPresetName } from "./presets";

export interface PlaygroundState {
  readonly preset: PgPresetName | "custom";
  readonly knobs: PlaygroundKnobs;
}

export const DEFAULT_PLAYGROUND_STATE: PlaygroundState = {
  preset: "healthy",
  knobs: PG_PRESETS.healthy.knobs,
};

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

export function parsePlaygroundState(input: unknown): PlaygroundState {
  const o = isRecord(input) ? input : {};
  const preset: PgPresetName | "custom" =
    o.preset === "custom" ||
    (typeof o.preset === "string" && (PG_PRESET_NAMES as readonly string[]).includes(o.preset))
      ? (o.preset as PgPresetName | "custom")
      : DEFAULT_PLAYGROUND_STATE.preset;
  const base = preset === "custom" ? DEFAULT_PLAYGROUND_STATE.knobs : PG_PRESETS[preset].knobs;
  return { preset, knobs: parseKnobs(o.knobs, base) };
}
