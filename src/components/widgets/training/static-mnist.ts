/**
 * The MNIST subset at build time (Astro frontmatter, MDX exports, Node tests): read from
 * public/data/mnist-subset.bin and decoded once per process. Node only (node:fs) — never import
 * it from an island; in the browser the worker fetches the same file (browser-mnist.ts).
 *
 * The path is taken from the working directory, not from this module's URL: Astro bundles
 * build-time code into another folder, where a path relative to import.meta.url would point
 * nowhere. `astro build`, `astro check` and Vitest all run from the project root.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeMnist, type MnistSubset } from "../../../lib/data/mnist";
import { MNIST_ASSET_PATH } from "./mnist-asset";

let subset: MnistSubset | null = null;

export function staticMnist(root: string = process.cwd()): MnistSubset {
  subset ??= decodeMnist(new Uint8Array(readFileSync(join(root, "public", MNIST_ASSET_PATH))));
  return subset;
}
