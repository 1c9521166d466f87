/**
 * "Diagnose this run": the causes a reader can pick in chapter 4's exercises, and the cause the
 * findings point to. The exercise's answer is computed from a real run's findings, never typed.
 *
 * Precedence: a divergence explains everything after it; dead ReLUs explain a plateau of a
 * ReLU net; early layers learning orders of magnitude slower (or saturated units) is the
 * vanishing gradient; no finding at all is a healthy run.
 */
import type { Finding } from "../../../lib/findings";

export const CAUSES = {
  vanishing: "vanishing gradients",
  exploding: "exploding gradients",
  dyingRelu: "dying ReLUs",
  healthy: "nothing: it trains fine",
} as const;
export type Cause = keyof typeof CAUSES;
export const CAUSE_LABELS: string[] = Object.values(CAUSES);

export function causeOf(findings: readonly Pick<Finding, "kind">[]): Cause | "unclear" {
  const has = (k: Finding["kind"]) => findings.some((f) => f.kind === k);
  if (has("diverged")) return "exploding";
  if (has("deadRelu")) return "dyingRelu";
  if (has("slowLayers") || has("saturation")) return "vanishing";
  if (findings.length === 0) return "healthy";
  return "unclear";
}

/** The label of the cause, for an Exercise's `answer`; throws when the run is ambiguous (fix the exercise). */
export function causeLabel(findings: readonly Pick<Finding, "kind">[]): string {
  const c = causeOf(findings);
  if (c === "unclear")
    throw new Error(`no clear cause in findings: ${findings.map((f) => f.kind).join(", ")}`);
  return CAUSES[c];
}
