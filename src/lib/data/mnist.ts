/**
 * The compact MNIST subset: its byte format, encoder and decoder. No I/O here — the Node
 * loader (scripts/load-mnist.ts) reads the file, a browser fetches it
 * (`new Uint8Array(await (await fetch(url)).arrayBuffer())`), and both hand the bytes to
 * `decodeMnist`.
 *
 * Format (version 2), all integers little-endian uint32:
 *
 *   offset  size            field
 *   0       4               magic, ASCII "VGMN"
 *   4       4               version = 2
 *   8       4               nTrain
 *   12      4               nTest
 *   16      4               rows = 28
 *   20      4               cols = 28
 *   24      4               P, the byte length of the encoded pixels
 *   28      nTrain + nTest  labels, one byte each (0..9), training examples first
 *   ...     P               pixels, run-length encoded (below); decoded, one byte per pixel
 *                           (0 = background, 255 = full ink), row-major, image after image
 *
 * Pixel encoding: a byte v in 1..255 is one pixel of value v; a 0 byte is followed by a count
 * c in 1..255 and stands for c background pixels. About 80% of MNIST's pixels are background
 * in long runs, so this shrinks 2,500 digits from 1.96 MB to about 0.5 MB with a decoder of
 * ten lines — and needs no decompression API, so Node and every browser read it alike.
 *
 * Pixels are 8-bit: the source's values in [0, 1] (three decimals) times 255, rounded, so
 * decoding gives x = byte / 255 and the round-trip error is at most 1/510.
 */
import type { DataSplit, Dataset } from "./dataset";

export const MNIST_MAGIC = "VGMN";
export const MNIST_VERSION = 2;
export const MNIST_HEADER_BYTES = 28;
export const MNIST_CLASSES = 10;

export interface MnistImages {
  readonly rows: number;
  readonly cols: number;
  readonly labels: Uint8Array;
  /** [n, rows * cols] bytes, 0..255. */
  readonly pixels: Uint8Array;
}

export interface MnistSubset {
  readonly train: MnistImages;
  readonly test: MnistImages;
}

/** Run-length encodes pixel bytes: v (1..255) literal, or 0 then a count of zeros (1..255). */
export function encodePixelRuns(pixels: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < pixels.length; ) {
    const v = pixels[i] as number;
    if (v !== 0) {
      out.push(v);
      i++;
      continue;
    }
    let run = 0;
    while (i < pixels.length && pixels[i] === 0 && run < 255) {
      run++;
      i++;
    }
    out.push(0, run);
  }
  return Uint8Array.from(out);
}

/** Inverse of encodePixelRuns into `out` (exactly out.length pixels); throws on a malformed stream. */
export function decodePixelRuns(encoded: Uint8Array, out: Uint8Array): Uint8Array {
  let o = 0;
  for (let i = 0; i < encoded.length; i++) {
    const v = encoded[i] as number;
    if (v !== 0) {
      if (o >= out.length) throw new Error("mnist: pixel data longer than the images");
      out[o++] = v;
      continue;
    }
    const run = encoded[++i];
    if (run === undefined || run === 0) throw new Error(`mnist: bad zero run at encoded byte ${i - 1}`);
    if (o + run > out.length) throw new Error("mnist: pixel data longer than the images");
    out.fill(0, o, o + run);
    o += run;
  }
  if (o !== out.length) throw new Error(`mnist: pixel data gives ${o} pixels, the header says ${out.length}`);
  return out;
}

/** Serialises a subset into the format above. */
export function encodeMnist(subset: MnistSubset): Uint8Array {
  const { rows, cols } = subset.train;
  if (subset.test.rows !== rows || subset.test.cols !== cols) {
    throw new RangeError("mnist: train and test image sizes differ");
  }
  const nTrain = subset.train.labels.length;
  const nTest = subset.test.labels.length;
  const n = nTrain + nTest;
  const pixels = new Uint8Array(n * rows * cols);
  pixels.set(subset.train.pixels, 0);
  pixels.set(subset.test.pixels, nTrain * rows * cols);
  const encoded = encodePixelRuns(pixels);
  const bytes = new Uint8Array(MNIST_HEADER_BYTES + n + encoded.length);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = MNIST_MAGIC.charCodeAt(i);
  view.setUint32(4, MNIST_VERSION, true);
  view.setUint32(8, nTrain, true);
  view.setUint32(12, nTest, true);
  view.setUint32(16, rows, true);
  view.setUint32(20, cols, true);
  view.setUint32(24, encoded.length, true);
  bytes.set(subset.train.labels, MNIST_HEADER_BYTES);
  bytes.set(subset.test.labels, MNIST_HEADER_BYTES + nTrain);
  bytes.set(encoded, MNIST_HEADER_BYTES + n);
  return bytes;
}

/** Parses the format above; throws a descriptive Error on a truncated or foreign file. */
export function decodeMnist(bytes: Uint8Array): MnistSubset {
  if (bytes.length < MNIST_HEADER_BYTES) {
    throw new Error(`mnist: ${bytes.length} bytes is shorter than the header`);
  }
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MNIST_MAGIC) throw new Error(`mnist: bad magic "${magic}", expected "${MNIST_MAGIC}"`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== MNIST_VERSION) throw new Error(`mnist: unsupported version ${version}`);
  const nTrain = view.getUint32(8, true);
  const nTest = view.getUint32(12, true);
  const rows = view.getUint32(16, true);
  const cols = view.getUint32(20, true);
  const encodedLength = view.getUint32(24, true);
  const n = nTrain + nTest;
  const px = rows * cols;
  const expected = MNIST_HEADER_BYTES + n + encodedLength;
  if (bytes.length !== expected) throw new Error(`mnist: expected ${expected} bytes, got ${bytes.length}`);
  const labels = bytes.subarray(MNIST_HEADER_BYTES, MNIST_HEADER_BYTES + n);
  for (const y of labels) if (y >= MNIST_CLASSES) throw new Error(`mnist: label ${y} out of range 0..9`);
  const pixels = decodePixelRuns(bytes.subarray(MNIST_HEADER_BYTES + n), new Uint8Array(n * px));
  const slice = (from: number, count: number): MnistImages => ({
    rows,
    cols,
    labels: labels.slice(from, from + count),
    pixels: pixels.subarray(from * px, (from + count) * px),
  });
  return { train: slice(0, nTrain), test: slice(nTrain, nTest) };
}

/** Images as a Dataset with inputs x = byte / 255 in [0, 1]; `limit` keeps the first examples. */
export function mnistToDataset(images: MnistImages, name: string, limit = images.labels.length): Dataset {
  const n = Math.min(limit, images.labels.length);
  const d = images.rows * images.cols;
  const inputs = new Float64Array(n * d);
  for (let i = 0; i < n * d; i++) inputs[i] = (images.pixels[i] as number) / 255;
  return { name, n, inputDim: d, numClasses: MNIST_CLASSES, inputs, labels: images.labels.slice(0, n) };
}

/** Both halves of a decoded subset as data sets (nTrain / nTest cap their sizes). */
export function mnistSplit(subset: MnistSubset, nTrain?: number, nTest?: number): DataSplit {
  return {
    train: mnistToDataset(subset.train, "mnist", nTrain),
    test: mnistToDataset(subset.test, "mnist", nTest),
  };
}
