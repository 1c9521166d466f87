/**
 * The embed pages (/embed/<widget>/): per embeddable widget, its title and the chapter figure
 * it comes from (the "open in the chapter" link). Keys must equal EMBEDDABLE_WIDGETS; the
 * build test in tests/unit/embed-pages.test.ts checks it, and [widget].astro renders them.
 */
import type { EmbeddableWidget } from "../../components/widgets/common/embeddable";

export interface EmbedPage {
  readonly title: string;
  /** The chapter section the widget lives in: path + figure anchor. */
  readonly chapter: string;
  readonly chapterTitle: string;
}

export const EMBED_PAGES: { readonly [K in EmbeddableWidget]: EmbedPage } = {
  "activation-explorer": {
    title: "Activation explorer: a function, its slope and where it saturates",
    chapter: "/chapters/01-sigmoid/#fig-sigmoid",
    chapterTitle: "Chapter 1, the sigmoid and its derivative",
  },
  "derivative-compare": {
    title: "The derivatives of sigmoid, tanh, ReLU and leaky ReLU compared",
    chapter: "/chapters/01-sigmoid/#fig-derivatives",
    chapterTitle: "Chapter 1, the sigmoid and its derivative",
  },
  "neuron-stepper": {
    title: "One neuron, one gradient-descent update at a time",
    chapter: "/chapters/02-one-neuron/#fig-neuron-stepper",
    chapterTitle: "Chapter 2, one neuron, one update",
  },
  "gradient-chain": {
    title: "The gradient through a chain of layers",
    chapter: "/chapters/03-depth/#fig-gradient-chain",
    chapterTitle: "Chapter 3, why gradients vanish with depth",
  },
  "layer-speed": {
    title: "The speed of learning of each layer of a real network, on 2-D data or MNIST digits",
    chapter: "/chapters/03-depth/#fig-layer-speed",
    chapterTitle: "Chapter 3, why gradients vanish with depth",
  },
  "training-dashboard": {
    title: "Training dashboard: spotting vanishing and exploding gradients",
    chapter: "/chapters/04-spotting/#fig-dashboard",
    chapterTitle: "Chapter 4, spotting it",
  },
  "remedy-compare": {
    title: "Same-seed comparisons: one remedy against the network without it",
    chapter: "/chapters/05-remedies/#fig-batch-norm",
    chapterTitle: "Chapter 5, remedies I: normalisation, activations, initialisation",
  },
  "bn-percentiles": {
    title: "The input of a sigmoid unit over training, with and without batch normalisation",
    chapter: "/chapters/05-remedies/#fig-bn-percentiles",
    chapterTitle: "Chapter 5, remedies I: normalisation, activations, initialisation",
  },
  "init-variance": {
    title: "Variance of activations and gradients, layer by layer, under three initialisations",
    chapter: "/chapters/05-remedies/#fig-init-variance",
    chapterTitle: "Chapter 5, remedies I: normalisation, activations, initialisation",
  },
  "rnn-gradients": {
    title: "Vanilla RNN, LSTM and GRU: the gradient through time and training on the adding problem",
    chapter: "/chapters/06-remedies-architecture/#fig-rnn-gradients",
    chapterTitle: "Chapter 6, remedies II: skip connections, gated cells, clipping",
  },
  clipping: {
    title: "Gradient clipping by norm and by value on an exploding network",
    chapter: "/chapters/06-remedies-architecture/#fig-clipping",
    chapterTitle: "Chapter 6, remedies II: skip connections, gated cells, clipping",
  },
};
