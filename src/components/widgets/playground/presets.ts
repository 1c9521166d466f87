/**
 * The playground's presets: named starting points, each a complete set of knobs. The first
 * four are the symptoms of chapter 4; the rest are the remedies of chapters 5 and 6 applied to
 * the vanishing preset (same data, depth, seed), so switching between them is a same-seed
 * comparison of one change at a time.
 *
 * What each preset claims (it vanishes, it explodes, a remedy trains) is checked against the
 * core's findings in tests/unit/playground.test.ts, so a change to the core cannot quietly
 * turn a preset into something its label does not say.
 */
import { DEFAULT_KNOBS, type PlaygroundKnobs } from "./knobs";

/** The deep sigmoid net every remedy preset starts from. */
const VANISHING: PlaygroundKnobs = {
  ...DEFAULT_KNOBS,
  dataset: "circles",
  depth: 10,
  width: 16,
  activation: "sigmoid",
  init: "standard",
  initScale: 1,
  lr: 0.5,
  steps: 600,
};

export const PG_PRESETS = {
  healthy: {
    label: "Healthy",
    description: "four tanh layers, Glorot initialisation: every layer learns",
    knobs: DEFAULT_KNOBS,
  },
  vanishing: {
    label: "Vanishing",
    description: "ten sigmoid layers, standard initialisation: the first layers hardly move",
    knobs: VANISHING,
  },
  exploding: {
    label: "Exploding",
    description: "ten ReLU layers, He initialisation scaled by 1.5: gradients grow toward the input",
    knobs: { ...VANISHING, activation: "relu", init: "heNormal", initScale: 1.5, lr: 0.2 },
  },
  dyingRelu: {
    label: "Dying ReLU",
    description: "four ReLU layers with a large learning rate: units stop firing for good",
    knobs: { ...DEFAULT_KNOBS, activation: "relu", init: "heNormal", lr: 2 },
  },
  batchNorm: {
    label: "Remedy: batch norm",
    description: "the vanishing net with batch normalisation before every activation",
    knobs: { ...VANISHING, norm: "batch" },
  },
  reluHe: {
    label: "Remedy: ReLU + He",
    description: "the vanishing net with ReLU units and He initialisation",
    knobs: { ...VANISHING, activation: "relu", init: "heNormal", lr: 0.05 },
  },
  residual: {
    label: "Remedy: residual",
    description:
      "ten tanh layers with skip connections, y = x + F(x); without them the same net plateaus (untick Residual)",
    knobs: { ...VANISHING, activation: "tanh", residual: true, lr: 0.05 },
  },
  clipping: {
    label: "Remedy: clipping",
    description: "the exploding net with its gradient clipped to global norm 1",
    knobs: {
      ...VANISHING,
      activation: "relu",
      init: "heNormal",
      initScale: 1.5,
      lr: 0.2,
      clip: "norm",
      clipThreshold: 1,
    },
  },
} as const satisfies Record<string, { label: string; description: string; knobs: PlaygroundKnobs }>;

export type PgPresetName = keyof typeof PG_PRESETS;
export const PG_PRESET_NAMES = Object.keys(PG_PRESETS) as readonly PgPresetName[];
