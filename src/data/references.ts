/**
 * The works this site cites, keyed by a short stable id.
 *
 * Chapters list keys in their frontmatter (`references: [glorot2010, ...]`); the content
 * schema (src/content.config.ts) accepts only the keys below, so a typo fails the build
 * instead of printing a dangling citation. Keys never change once published: pages and
 * coursework may link to `#ref-<key>`.
 *
 * `note` records what we rely on the work for, so a reader (and a reviewer) can check that
 * the site says what the paper says — DESIGN.md §7 is the source of these notes.
 */
export interface Reference {
  /** Author list as it should print, e.g. "Glorot, X. and Bengio, Y." */
  readonly authors: string;
  readonly year: number;
  readonly title: string;
  /** Journal, proceedings, publisher or "online book". */
  readonly venue: string;
  /** A stable URL (DOI or the authors' own page). */
  readonly url: string;
  /** What the site takes from this work. */
  readonly note: string;
}

export const REFERENCES = {
  nielsen2015: {
    authors: "Nielsen, M. A.",
    year: 2015,
    title: "Neural Networks and Deep Learning, chapter 5: Why are deep neural networks hard to train?",
    venue: "Determination Press (online book)",
    url: "http://neuralnetworksanddeeplearning.com/chap5.html",
    note: "|w σ'(z)| < 1/4 when |w| < 1; per-layer speed of learning falls toward the input in sigmoid MNIST networks.",
  },
  hochreiter1991: {
    authors: "Hochreiter, S.",
    year: 1991,
    title: "Untersuchungen zu dynamischen neuronalen Netzen",
    venue: "Diploma thesis, Technische Universität München",
    url: "https://people.idsia.ch/~juergen/SeppHochreiter1991ThesisAdvisorSchmidhuber.pdf",
    note: "First formal analysis of vanishing and exploding error signals in deep and recurrent networks.",
  },
  bengio1994: {
    authors: "Bengio, Y., Simard, P. and Frasconi, P.",
    year: 1994,
    title: "Learning long-term dependencies with gradient descent is difficult",
    venue: "IEEE Transactions on Neural Networks 5(2), 157–166",
    url: "https://doi.org/10.1109/72.279181",
    note: "Gradient-based training of recurrent networks struggles as the time lag grows.",
  },
  hochreiter1997: {
    authors: "Hochreiter, S. and Schmidhuber, J.",
    year: 1997,
    title: "Long short-term memory",
    venue: "Neural Computation 9(8), 1735–1780",
    url: "https://doi.org/10.1162/neco.1997.9.8.1735",
    note: "With the logistic sigmoid |f' w| < 1 when |w| < 4; LSTM solves long-lag tasks such as the adding problem.",
  },
  lecun1998: {
    authors: "LeCun, Y., Bottou, L., Bengio, Y. and Haffner, P.",
    year: 1998,
    title: "Gradient-based learning applied to document recognition",
    venue: "Proceedings of the IEEE 86(11), 2278–2324",
    url: "https://doi.org/10.1109/5.726791",
    note: "The MNIST handwritten-digit data set used in our experiments.",
  },
  glorot2010: {
    authors: "Glorot, X. and Bengio, Y.",
    year: 2010,
    title: "Understanding the difficulty of training deep feedforward neural networks",
    venue: "Proceedings of AISTATS 2010, PMLR 9, 249–256",
    url: "https://proceedings.mlr.press/v9/glorot10a.html",
    note: "Var[W] = 2/(n_in + n_out), uniform limit √(6/(n_in + n_out)); sigmoid top-layer saturation.",
  },
  cho2014: {
    authors:
      "Cho, K., van Merriënboer, B., Gulcehre, C., Bahdanau, D., Bougares, F., Schwenk, H. and Bengio, Y.",
    year: 2014,
    title: "Learning phrase representations using RNN encoder–decoder for statistical machine translation",
    venue: "Proceedings of EMNLP 2014, 1724–1734",
    url: "https://doi.org/10.3115/v1/D14-1179",
    note: "Introduces the gated recurrent unit (GRU).",
  },
  pascanu2013: {
    authors: "Pascanu, R., Mikolov, T. and Bengio, Y.",
    year: 2013,
    title: "On the difficulty of training recurrent neural networks",
    venue: "Proceedings of ICML 2013, PMLR 28(3), 1310–1318",
    url: "https://proceedings.mlr.press/v28/pascanu13.html",
    note: "Clip g ← c·g/‖g‖ when ‖g‖ > c; sufficient condition for vanishing in terms of W_rec's largest singular value.",
  },
  ioffe2015: {
    authors: "Ioffe, S. and Szegedy, C.",
    year: 2015,
    title: "Batch normalization: accelerating deep network training by reducing internal covariate shift",
    venue: "Proceedings of ICML 2015, PMLR 37, 448–456",
    url: "https://proceedings.mlr.press/v37/ioffe15.html",
    note: "MNIST, three hidden layers of 100 sigmoid units: batch norm trains faster and reaches higher accuracy.",
  },
  he2015: {
    authors: "He, K., Zhang, X., Ren, S. and Sun, J.",
    year: 2015,
    title: "Delving deep into rectifiers: surpassing human-level performance on ImageNet classification",
    venue: "Proceedings of ICCV 2015, 1026–1034",
    url: "https://doi.org/10.1109/ICCV.2015.123",
    note: "Var[W] = 2/n_in for ReLU layers; with 1/n_in the signal variance halves per layer.",
  },
  he2016: {
    authors: "He, K., Zhang, X., Ren, S. and Sun, J.",
    year: 2016,
    title: "Deep residual learning for image recognition",
    venue: "Proceedings of CVPR 2016, 770–778",
    url: "https://doi.org/10.1109/CVPR.2016.90",
    note: "Residual connections y = x + F(x); the authors attribute plain nets' degradation not to vanishing gradients (they use batch norm).",
  },
} as const satisfies Record<string, Reference>;

export type ReferenceKey = keyof typeof REFERENCES;

/** Every key, in declaration order; the single source for the content schema's enum. */
export const REFERENCE_KEYS = Object.keys(REFERENCES) as [ReferenceKey, ...ReferenceKey[]];

export function isReferenceKey(key: string): key is ReferenceKey {
  return Object.hasOwn(REFERENCES, key);
}

/** One line, in the site's citation style: Authors (year). Title. Venue. */
export function formatCitation(key: ReferenceKey): string {
  const r: Reference = REFERENCES[key];
  return `${r.authors} (${r.year}). ${r.title}. ${r.venue}.`;
}
