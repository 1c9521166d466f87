/**
 * Widgets that have an embed page (/embed/<widget>/): the copy-embed-snippet control appears
 * only on these. The pages themselves are listed with their components and chapter sections in
 * src/pages/embed/embed-registry.ts, and a test keeps the two lists equal. Kept apart from that
 * registry so a widget's client code ships only these names, not the Astro components.
 */
export const EMBEDDABLE_WIDGETS = [
  "activation-explorer",
  "derivative-compare",
  "neuron-stepper",
  "gradient-chain",
  "layer-speed",
  "training-dashboard",
  "remedy-compare",
  "bn-percentiles",
  "init-variance",
  "rnn-gradients",
  "clipping",
] as const;
export type EmbeddableWidget = (typeof EMBEDDABLE_WIDGETS)[number];
