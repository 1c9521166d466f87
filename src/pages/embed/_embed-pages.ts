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
  "training-dashboard": {
    title: "Training dashboard: spotting vanishing and exploding gradients",
    chapter: "/chapters/04-spotting/#fig-dashboard",
    chapterTitle: "Chapter 4, spotting it",
  },
};
