/**
 * What the gradient chain shows, computed by the core (src/lib/chain): per layer the
 * measured |dL/db_l|, its bound, and the factor w σ'(z_l); and the summary numbers.
 */
import { ACTIVATIONS } from "../../../lib/activations";
import {
  type ChainResult,
  chainGradients,
  firstToLastRatio,
  layerBounds,
  productBound,
  uniformChain,
} from "../../../lib/chain";
import { CHAIN_TARGET, type ChainWidgetConfig } from "./config";

export interface ChainRow {
  readonly layer: number;
  readonly z: number;
  readonly slope: number;
  readonly factor: number;
  /** |dL/db_l| */
  readonly grad: number;
  /** The bound max f' (|w| max f')^(L−l) |dL/da_L|. */
  readonly bound: number;
}

export type ChainRegime = "vanishing" | "exploding" | "steady" | "cut";

export interface ChainView {
  readonly rows: readonly ChainRow[];
  readonly result: ChainResult;
  /** |dL/db_1| / |dL/db_L| */
  readonly ratio: number;
  /** Product of the L − 1 factors between layer 1 and layer L (signed). */
  readonly product: number;
  /** (|w| max f')^(L−1), the bound on |product|. */
  readonly productBound: number;
  /** |w| max f': the bound on any single factor. */
  readonly factorBound: number;
  readonly regime: ChainRegime;
}

export function chainView(c: ChainWidgetConfig): ChainView {
  const result = chainGradients(uniformChain(c.depth, c.w, c.b, c.x, CHAIN_TARGET, c.activation));
  const bounds = layerBounds(c.depth, c.w, result.dLdaL, c.activation);
  const rows = result.layers.map((l, i) => ({
    layer: l.layer,
    z: l.z,
    slope: l.slope,
    factor: l.factor,
    grad: Math.abs(l.dLdb),
    bound: bounds[i] as number,
  }));
  const product = result.layers.slice(1).reduce((p, l) => p * l.factor, 1);
  const ratio = firstToLastRatio(result);
  const regime: ChainRegime =
    c.depth > 1 && product === 0 ? "cut" : ratio < 0.5 ? "vanishing" : ratio > 2 ? "exploding" : "steady";
  return {
    rows,
    result,
    ratio,
    product,
    productBound: productBound(c.depth, c.w, c.activation),
    factorBound: Math.abs(c.w) * ACTIVATIONS[c.activation].maxSlope,
    regime,
  };
}
