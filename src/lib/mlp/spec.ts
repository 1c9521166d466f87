/**
 * What an MLP is made of: the spec a caller writes and the resolved per-layer plan the model
 * builds from it. Checking happens here once, at construction, never in the hot path.
 */
import { type ActivationName, isActivationName } from "../activations";
import { DEFAULT_INIT, type InitSpec, isInitScheme } from "../inits";

const norms = ["none", "batch", "layer"] as const;
/** The one list of normalisation kinds. */
export const NORMS: ReadonlyArray<Norm> = norms;
export type Norm = (typeof norms)[number];

export interface MlpSpec {
  /** Input width (features per example). */
  readonly inputs: number;
  /** Widths of the hidden layers, input side first; may be empty (a linear model). */
  readonly hidden: readonly number[];
  /** Output width (logits per example). */
  readonly outputs: number;
  /** One activation for every hidden layer, or one per hidden layer. The output layer is linear. */
  readonly activation: ActivationName | readonly ActivationName[];
  /** Normalisation between the dense map and the activation of each hidden layer (default none). */
  readonly norm?: Norm;
  /** y = x + f(...) on hidden layers whose input and output widths match (default false). */
  readonly residual?: boolean;
  /** Weight and bias initialisation (default Glorot uniform, zero biases). */
  readonly init?: InitSpec;
}

/** One layer of the resolved plan. Hidden layers are 1..H, the output layer is L = H + 1. */
export interface LayerPlan {
  readonly layer: number;
  readonly nIn: number;
  readonly nOut: number;
  /** null for the (linear) output layer. */
  readonly activation: ActivationName | null;
  readonly norm: Norm;
  readonly residual: boolean;
}

function checkWidth(name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) {
    throw new RangeError(`MlpSpec.${name} must be a positive integer, got ${String(v)}`);
  }
  return v;
}

export function planLayers(spec: MlpSpec): { plan: LayerPlan[]; init: InitSpec } {
  const inputs = checkWidth("inputs", spec.inputs);
  const outputs = checkWidth("outputs", spec.outputs);
  const hidden = spec.hidden.map((w, i) => checkWidth(`hidden[${i}]`, w));
  const norm = spec.norm ?? "none";
  if (!NORMS.includes(norm))
    throw new RangeError(`MlpSpec.norm must be one of ${NORMS.join(", ")}, got ${norm}`);
  const acts: readonly ActivationName[] =
    typeof spec.activation === "string"
      ? hidden.map(() => spec.activation as ActivationName)
      : spec.activation;
  if (acts.length !== hidden.length) {
    throw new RangeError(
      `MlpSpec.activation must name one activation or one per hidden layer (${hidden.length}), got ${acts.length}`,
    );
  }
  acts.forEach((a, i) => {
    if (!isActivationName(a))
      throw new RangeError(`MlpSpec.activation[${i}] is not an activation: ${String(a)}`);
  });
  const init = spec.init ?? DEFAULT_INIT;
  if (!isInitScheme(init.scheme))
    throw new RangeError(`MlpSpec.init.scheme is not a scheme: ${String(init.scheme)}`);
  const plan: LayerPlan[] = [];
  let nIn = inputs;
  hidden.forEach((nOut, i) => {
    plan.push({
      layer: i + 1,
      nIn,
      nOut,
      activation: acts[i]!,
      norm,
      residual: (spec.residual ?? false) && nIn === nOut,
    });
    nIn = nOut;
  });
  plan.push({
    layer: hidden.length + 1,
    nIn,
    nOut: outputs,
    activation: null,
    norm: "none",
    residual: false,
  });
  return { plan, init };
}
