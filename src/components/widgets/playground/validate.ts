/**
 * Checks the playground's knobs and puts each problem beside the knob that causes it: first
 * the playground's own bounds (knobRangeError), then the core's schema (parseConfig, the
 * same check `npm run experiment` and the worker make), whose messages name the config field
 * ("optimiser.lr: must be a number in (0, 1000000] (got 0)"); the field's path finds its knob.
 *
 * This module pulls in zod (about 7 KB gzipped), so the island imports it lazily, after first
 * paint; the worker validates every config again anyway.
 */
import { parseConfig } from "../../../lib/config";
import {
  KNOB_NAMES,
  type KnobName,
  knobForPath,
  knobRangeError,
  type PlaygroundKnobs,
  toExperimentConfig,
} from "./knobs";

export interface KnobCheck {
  /** Messages per knob (only knobs with a problem are present). */
  readonly byKnob: Partial<Record<KnobName, readonly string[]>>;
  /** Messages no knob owns (none are expected; shown above the controls if they occur). */
  readonly general: readonly string[];
  readonly ok: boolean;
}

export function checkKnobs(knobs: PlaygroundKnobs): KnobCheck {
  const byKnob: Partial<Record<KnobName, string[]>> = {};
  const general: string[] = [];
  const add = (k: KnobName, m: string) => {
    const list = byKnob[k] ?? [];
    if (!list.includes(m)) list.push(m);
    byKnob[k] = list;
  };
  for (const name of KNOB_NAMES) {
    const e = knobRangeError(name, knobs[name]);
    if (e) add(name, e);
  }
  const parsed = parseConfig(toExperimentConfig(knobs));
  if (!parsed.ok) {
    for (const line of parsed.errors) {
      const colon = line.indexOf(": ");
      const path = colon > 0 ? line.slice(0, colon) : "";
      const knob = knobForPath(path);
      if (knob) add(knob, line);
      else general.push(line);
    }
  }
  return { byKnob, general, ok: Object.keys(byKnob).length === 0 && general.length === 0 };
}
