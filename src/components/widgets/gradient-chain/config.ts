/**
 * The gradient chain's whole configuration: a chain of `depth` one-neuron layers that share
 * one weight and one bias, fed the input x, with the loss ½(a_L − 1)². The target 1 lies
 * outside the open ranges of both the sigmoid and tanh, so the top gradient a_L − 1 is never
 * exactly zero and every layer's gradient stays visible on a log scale.
 *
 * `parseChainConfig` validates anything (props, URL values) field by field, falling back to
 * defaults and clamping into range.
 */
import type { ActivationName } from "../../../lib/activations";

export const CHAIN_ACTIVATIONS = ["sigmoid", "tanh"] as const satisfies readonly ActivationName[];
export type ChainActivation = (typeof CHAIN_ACTIVATIONS)[number];

export interface ChainWidgetConfig {
  readonly depth: number;
  readonly w: number;
  readonly b: number;
  readonly x: number;
  readonly activation: ChainActivation;
}

export const CHAIN_TARGET = 1;

export const CHAIN_RANGES = {
  depth: { min: 1, max: 30, step: 1 },
  w: { min: -10, max: 10, step: 0.1 },
  b: { min: -10, max: 10, step: 0.1 },
  x: { min: -4, max: 4, step: 0.1 },
} as const;

/** Named settings: the prose walks through each. */
export const CHAIN_PRESETS = {
  vanishing: { label: "Vanishing (w = 1)", config: { depth: 10, w: 1, b: 0, x: 1, activation: "sigmoid" } },
  exploding: {
    label: "Exploding (w = 8, b = −4)",
    config: { depth: 12, w: 8, b: -4, x: 0.5, activation: "sigmoid" },
  },
  tanh: { label: "tanh (w = 1)", config: { depth: 10, w: 1, b: 0, x: 1, activation: "tanh" } },
} as const satisfies Record<string, { label: string; config: ChainWidgetConfig }>;
export type ChainPresetName = keyof typeof CHAIN_PRESETS;
export const CHAIN_PRESET_NAMES = Object.keys(CHAIN_PRESETS) as ReadonlyArray<ChainPresetName>;

export const DEFAULT_CHAIN_CONFIG: ChainWidgetConfig = CHAIN_PRESETS.vanishing.config;

function isChainActivation(v: unknown): v is ChainActivation {
  return typeof v === "string" && (CHAIN_ACTIVATIONS as readonly string[]).includes(v);
}

function finiteIn(v: unknown, r: { min: number; max: number }, fallback: number): number {
  const n = typeof v === "string" ? Number.parseFloat(v) : v;
  if (typeof n !== "number" || !Number.isFinite(n)) return fallback;
  return Math.min(r.max, Math.max(r.min, n));
}

export function parseChainConfig(
  raw: unknown,
  defaults: ChainWidgetConfig = DEFAULT_CHAIN_CONFIG,
): ChainWidgetConfig {
  const o = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    depth: Math.round(finiteIn(o.depth, CHAIN_RANGES.depth, defaults.depth)),
    w: finiteIn(o.w, CHAIN_RANGES.w, defaults.w),
    b: finiteIn(o.b, CHAIN_RANGES.b, defaults.b),
    x: finiteIn(o.x, CHAIN_RANGES.x, defaults.x),
    activation: isChainActivation(o.activation) ? o.activation : defaults.activation,
  };
}
