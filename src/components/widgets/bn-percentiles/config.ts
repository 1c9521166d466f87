/**
 * The percentile widget's whole state: which unit of the last hidden layer is shown.
 *
 *   { unit: 3 }   1-based, in [1, units]
 *
 * The traces come from the batch-norm comparison's runs (static-traces.ts), whose hidden
 * layers are BN_LAST_LAYER_UNITS wide; tests/unit/bn-percentiles-config.test.ts checks the
 * traces have exactly that many units, so a URL parser that cannot see the traces still clamps
 * to the right range.
 */

export interface BnPercentilesConfig {
  readonly unit: number;
}

export const BN_LAST_LAYER_UNITS = 16;

export const DEFAULT_BN_PERCENTILES_CONFIG: BnPercentilesConfig = { unit: 1 };

/** 1-based unit in [1, units], rounded; anything that is not a finite number gives 1. */
export function parseUnit(x: unknown, units: number): number {
  return typeof x === "number" && Number.isFinite(x) ? Math.min(units, Math.max(1, Math.round(x))) : 1;
}

/** Untrusted input (props, URL) to a config, field by field. */
export function parseBnPercentilesConfig(raw: unknown, units = BN_LAST_LAYER_UNITS): BnPercentilesConfig {
  const o = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  return { unit: parseUnit(o.unit, units) };
}
