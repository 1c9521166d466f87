/**
 * Node loader for the MNIST subset: reads public/data/mnist-subset.bin and decodes it with
 * the pure decoder in src/lib. (In a browser the same bytes come from
 * `fetch(import.meta.env.BASE_URL + "data/mnist-subset.bin")`; see src/lib/data/mnist.ts.)
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeMnist, type MnistSubset } from "../src/lib/data/mnist.ts";

export const MNIST_ASSET_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "public/data/mnist-subset.bin",
);

export function loadMnistSubset(file = MNIST_ASSET_FILE): MnistSubset {
  return decodeMnist(new Uint8Array(readFileSync(file)));
}
