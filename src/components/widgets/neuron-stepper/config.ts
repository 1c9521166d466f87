/**
 * The neuron stepper's whole configuration: the task (x, target, eta, loss) and the start
 * (w, b). One plain, serialisable object; `parseStepperConfig` validates anything (props,
 * URL values) into it, field by field, falling back to defaults and clamping into range,
 * so an absurd value never reaches the core.
 */
import { isLossName, type LossName } from "../../../lib/neuron";

export interface StepperConfig {
  readonly x: number;
  readonly target: number;
  /** Starting weight and bias; reset returns here. */
  readonly w0: number;
  readonly b0: number;
  /** Learning rate η. */
  readonly eta: number;
  readonly loss: LossName;
}

/** Control ranges, shared by the sliders and the validator. */
export const RANGES = {
  x: { min: -4, max: 4, step: 0.1 },
  target: { min: 0, max: 1, step: 0.01 },
  w0: { min: -10, max: 10, step: 0.1 },
  b0: { min: -10, max: 10, step: 0.1 },
  eta: { min: 0.01, max: 50, step: 0.01 },
} as const;

/**
 * Named starting points. "example" is the worked example in the chapter text; "saturated"
 * starts confidently wrong (a = σ(12) ≈ 1 against target 0), where squared error crawls.
 */
export const PRESETS = {
  example: { label: "Worked example", config: { x: 2, target: 0, w0: 0.5, b0: 0, eta: 1, loss: "squared" } },
  saturated: { label: "Saturated start", config: { x: 2, target: 0, w0: 6, b0: 0, eta: 1, loss: "squared" } },
} as const satisfies Record<string, { label: string; config: StepperConfig }>;
export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as ReadonlyArray<PresetName>;

export const DEFAULT_STEPPER_CONFIG: StepperConfig = PRESETS.example.config;

/** Steps taken per tick while playing: a saturated neuron needs tens of thousands. */
export const SPEEDS = [1, 10, 100, 1000] as const;
export type Speed = (typeof SPEEDS)[number];

/** Beyond this |w| or |b| the run is called diverged and stops (η far too large). */
export const DIVERGENCE_LIMIT = 1e6;
/** The run stops after this many steps so memory stays bounded. */
export const MAX_STEPS = 100_000;

function finiteIn(v: unknown, r: { min: number; max: number }, fallback: number): number {
  const n = typeof v === "string" ? Number.parseFloat(v) : v;
  if (typeof n !== "number" || !Number.isFinite(n)) return fallback;
  return Math.min(r.max, Math.max(r.min, n));
}

export function parseStepperConfig(
  raw: unknown,
  defaults: StepperConfig = DEFAULT_STEPPER_CONFIG,
): StepperConfig {
  const o = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    x: finiteIn(o.x, RANGES.x, defaults.x),
    target: finiteIn(o.target, RANGES.target, defaults.target),
    w0: finiteIn(o.w0, RANGES.w0, defaults.w0),
    b0: finiteIn(o.b0, RANGES.b0, defaults.b0),
    eta: finiteIn(o.eta, RANGES.eta, defaults.eta),
    loss: isLossName(o.loss) ? o.loss : defaults.loss,
  };
}
