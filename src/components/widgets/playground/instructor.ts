/**
 * Instructor parameters: plain query parameters that lock or hide playground controls, so a
 * course can link a focused exercise ("change only the initialisation and explain what you
 * see"):
 *
 *   /playground/?lock=activation,init&hide=optimiser,lr
 *   /playground/?hide=presets,model&playground=v1.…   (with a configured experiment)
 *
 * - `lock=` shows the controls but disables them; `hide=` removes them from the page. Their
 *   values still drive the run (they come from the preset or the experiment in the link).
 * - Names are knob names (KNOB_NAMES: dataset, depth, activation, init, lr, clip, seed, …),
 *   group names (data, model, optimisation, run: every knob of the group), `presets` (the
 *   preset picker) and `all`. Lists are comma-separated; a parameter may repeat.
 * - Unknown names are ignored and reported: the page says how many, and names them only when
 *   they look like a name (letters, digits, - and _; at most 30 characters), so arbitrary text
 *   from a URL is never shown.
 * - Hiding wins over locking. Nothing here can change a value: the parameters only take
 *   controls away.
 */
import { KNOB_GROUPS, KNOB_NAMES, KNOBS, type KnobGroup, type KnobName } from "./knobs";

/** Everything a parameter can name: each knob, and the preset picker. */
export type ControlName = KnobName | "presets";
export const CONTROL_NAMES: readonly ControlName[] = [...KNOB_NAMES, "presets"];

export const INSTRUCTOR_PARAMS = ["lock", "hide"] as const;
export type InstructorParam = (typeof INSTRUCTOR_PARAMS)[number];

/** More names than this in one parameter is not an exercise link; the rest are ignored. */
const MAX_NAMES = 64;
const SHOWABLE = /^[A-Za-z0-9_-]{1,30}$/;

export interface InstructorSettings {
  readonly locked: ReadonlySet<ControlName>;
  readonly hidden: ReadonlySet<ControlName>;
  /** Unknown names that are safe to show, per parameter. */
  readonly ignored: readonly string[];
  /** Unknown names not shown (too long or odd characters). */
  readonly unshown: number;
}

export const NO_INSTRUCTOR_SETTINGS: InstructorSettings = {
  locked: new Set(),
  hidden: new Set(),
  ignored: [],
  unshown: 0,
};

const isGroup = (s: string): s is KnobGroup => Object.hasOwn(KNOB_GROUPS, s);
const isControl = (s: string): s is ControlName => (CONTROL_NAMES as readonly string[]).includes(s);

/** The controls a name stands for, or null when it names nothing. */
export function expandName(name: string): readonly ControlName[] | null {
  if (name === "all") return CONTROL_NAMES;
  if (isGroup(name)) return KNOB_NAMES.filter((k) => KNOBS[k].group === name);
  if (isControl(name)) return [name];
  return null;
}

/** Reads `lock` and `hide` from a query string (or URLSearchParams). Never throws. */
export function parseInstructorParams(search: string | URLSearchParams): InstructorSettings {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const ignored: string[] = [];
  let unshown = 0;
  const read = (param: InstructorParam): Set<ControlName> => {
    const out = new Set<ControlName>();
    const names = params
      .getAll(param)
      .flatMap((v) => v.split(","))
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    for (const [i, name] of names.entries()) {
      const controls = i < MAX_NAMES ? expandName(name) : null;
      if (controls) for (const c of controls) out.add(c);
      else if (SHOWABLE.test(name)) ignored.push(`${param}=${name}`);
      else unshown += 1;
    }
    return out;
  };
  const locked = read("lock");
  const hidden = read("hide");
  return { locked, hidden, ignored, unshown };
}

/** The sentence the page shows about ignored names; "" when there were none. */
export function describeIgnored(s: InstructorSettings): string {
  if (s.ignored.length === 0 && s.unshown === 0) return "";
  const parts: string[] = [];
  if (s.ignored.length > 0) parts.push(s.ignored.join(", "));
  if (s.unshown > 0) parts.push(`${s.unshown} unreadable name${s.unshown > 1 ? "s" : ""}`);
  return `This link's exercise settings name controls the playground does not have; ignored: ${parts.join("; ")}. Known names: ${[...CONTROL_NAMES, ...Object.keys(KNOB_GROUPS), "all"].join(", ")}.`;
}

/** The query string for an exercise link (`lock=…&hide=…`), names in control order. */
export function instructorQuery(locked: Iterable<ControlName>, hidden: Iterable<ControlName>): string {
  const order = (xs: Iterable<ControlName>) => {
    const set = new Set(xs);
    return CONTROL_NAMES.filter((c) => set.has(c)).join(",");
  };
  const params = new URLSearchParams();
  const l = order(locked);
  const h = order(hidden);
  if (l) params.set("lock", l);
  if (h) params.set("hide", h);
  // Commas are safe in a query string; keep them readable for instructors who edit links by hand.
  return params.toString().replaceAll("%2C", ",");
}
