/**
 * The activation explorer's whole state: one plain, serialisable object. Everything the
 * reader can change lives here, so URL state, the static figure and tests share one
 * definition. `parseExplorerConfig` validates anything (URL values, props) into a config,
 * falling back to the default field by field and clamping numbers into range.
 */
import { type ActivationName, isActivationName } from "../../../lib/activations";
import { EXPLORER_X_DOMAIN } from "../../charts/activation-chart";

/** The activations the explorer offers, in the order of its switch. */
export const EXPLORER_ACTIVATIONS = [
  "sigmoid",
  "tanh",
  "relu",
  "leakyRelu",
] as const satisfies readonly ActivationName[];
export type ExplorerActivation = (typeof EXPLORER_ACTIVATIONS)[number];

export interface ExplorerConfig {
  readonly activation: ExplorerActivation;
  /** The reader's point. */
  readonly x: number;
  /** Saturation threshold: the band shades where f'(x) < threshold. */
  readonly threshold: number;
}

export const X_RANGE = { min: EXPLORER_X_DOMAIN[0], max: EXPLORER_X_DOMAIN[1], step: 0.1 } as const;
export const THRESHOLD_RANGE = { min: 0.001, max: 0.2, step: 0.001 } as const;

export const DEFAULT_EXPLORER_CONFIG: ExplorerConfig = { activation: "sigmoid", x: 1.5, threshold: 0.05 };

function isExplorerActivation(v: unknown): v is ExplorerActivation {
  return isActivationName(v) && (EXPLORER_ACTIVATIONS as readonly string[]).includes(v);
}

function finiteIn(v: unknown, min: number, max: number, fallback: number): number {
  const n = typeof v === "string" ? Number.parseFloat(v) : v;
  if (typeof n !== "number" || !Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

/** Round to the control's step so state and slider agree (and URLs stay short). */
function toStep(v: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(v / step) * step).toFixed(decimals));
}

export function parseExplorerConfig(
  raw: unknown,
  defaults: ExplorerConfig = DEFAULT_EXPLORER_CONFIG,
): ExplorerConfig {
  const o = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    activation: isExplorerActivation(o.activation) ? o.activation : defaults.activation,
    x: toStep(finiteIn(o.x, X_RANGE.min, X_RANGE.max, defaults.x), X_RANGE.step),
    threshold: toStep(
      finiteIn(o.threshold, THRESHOLD_RANGE.min, THRESHOLD_RANGE.max, defaults.threshold),
      THRESHOLD_RANGE.step,
    ),
  };
}
