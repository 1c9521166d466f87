/**
 * Where the MNIST subset lives and how big it is: constants only, no imports, so a widget can
 * say "Loading the MNIST subset (0.5 MB)…" without the decoder (mnist-source.ts) in its
 * page's JavaScript. The file's format is in src/lib/data/mnist.ts.
 */

/** The file, relative to the site's base URL (import.meta.env.BASE_URL) and to public/. */
export const MNIST_ASSET_PATH = "data/mnist-subset.bin";

/** Its size as the UI states it; tests/unit/mnist-source.test.ts checks it against the file. */
export const MNIST_ASSET_MB = 0.5;

export const mnistUrl = (base: string): string =>
  `${base.endsWith("/") ? base : `${base}/`}${MNIST_ASSET_PATH}`;
