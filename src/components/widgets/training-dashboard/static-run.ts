/**
 * Build-time runs for the dashboard's static figure and for chapter 4's prose: the core trains
 * a preset for its first `steps` steps in Node, exactly as the worker will in the browser (same
 * config, same seed, so the same numbers). Memoised per knobs, so a page that quotes a preset
 * several times trains it once.
 */
import { type Finding, findFindings, findingLabel } from "../../../lib/findings";
import type { Session } from "../training/session";
import { createSession } from "../training/session";
import { type DashboardKnobs, toExperimentConfig } from "./config";
import { type RunSummary, summarise } from "./summary";

export interface StaticRun {
  readonly session: Session;
  readonly summary: RunSummary;
  readonly findings: Finding[];
}

const cache = new Map<string, StaticRun>();

/** Trains `knobs` for `steps` steps (the whole run when omitted). */
export function staticRun(knobs: DashboardKnobs, steps?: number): StaticRun {
  const key = `${JSON.stringify(knobs)}|${steps ?? "all"}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const session = createSession(toExperimentConfig(knobs));
  session.advance(steps === undefined ? {} : { maxSteps: steps });
  const progress = { stepsDone: session.run.stepsDone, steps: session.config.steps, stop: session.run.stop };
  const findings = findFindings({
    points: session.points,
    stop: session.run.stop,
    stepsDone: session.run.stepsDone,
  });
  const views = findings.map((f) => ({ kind: f.kind, label: findingLabel(f.kind), text: f.text }));
  const out: StaticRun = { session, summary: summarise(session.points, progress, views), findings };
  cache.set(key, out);
  return out;
}
