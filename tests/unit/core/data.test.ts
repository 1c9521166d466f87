import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildMnistAsset } from "../../../scripts/build-mnist-asset";
import { loadMnistSubset } from "../../../scripts/load-mnist";
import {
  applyStandardiser,
  classCounts,
  type Dataset,
  decodeMnist,
  decodePixelRuns,
  encodeMnist,
  encodePixelRuns,
  fitStandardiser,
  MNIST_HEADER_BYTES,
  makeTabularData,
  makeToy2d,
  mnistSplit,
  TOY2D_NAMES,
  toyTestSize,
} from "../../../src/lib/data";
import { createRng } from "../../../src/lib/rng";

const point = (d: Dataset, i: number): [number, number] => [
  d.inputs[2 * i] as number,
  d.inputs[2 * i + 1] as number,
];

describe("2-D data sets", () => {
  it.each(TOY2D_NAMES)("%s: documented shape, balanced binary labels, finite, deterministic", (name) => {
    const a = makeToy2d(name, { n: 201, noise: 0.1, rng: createRng(1) });
    const b = makeToy2d(name, { n: 201, noise: 0.1, rng: createRng(1) });
    expect(a.n).toBe(201);
    expect(a.inputDim).toBe(2);
    expect(a.numClasses).toBe(2);
    expect(a.inputs.length).toBe(402);
    expect(a.labels.length).toBe(201);
    expect(classCounts(a)).toEqual([101, 100]);
    expect(a.inputs.every(Number.isFinite)).toBe(true);
    expect(Array.from(b.inputs)).toEqual(Array.from(a.inputs));
    const c = makeToy2d(name, { n: 201, noise: 0.1, rng: createRng(2) });
    expect(Array.from(c.inputs)).not.toEqual(Array.from(a.inputs));
  });

  it.each(TOY2D_NAMES)("%s: clean points lie in the square [-1, 1]^2 (up to Gaussian tails)", (name) => {
    const d = makeToy2d(name, { n: 2000, noise: 0, rng: createRng(3) });
    const inSquare = Array.from({ length: d.n }, (_, i) => point(d, i)).filter(
      ([x, y]) => Math.abs(x) <= 1 && Math.abs(y) <= 1,
    ).length;
    // Only the gaussians have unbounded support: their blobs (sd 0.25, centre +-0.5) leave the square rarely.
    expect(inSquare / d.n).toBeGreaterThan(name === "gaussians" ? 0.95 : 0.9999);
  });

  it("xor labels follow the sign of x1 * x2 when there is no noise", () => {
    const d = makeToy2d("xor", { n: 500, noise: 0, rng: createRng(4) });
    for (let i = 0; i < d.n; i++) {
      const [x, y] = point(d, i);
      expect(d.labels[i]).toBe(x * y > 0 ? 1 : 0);
      expect(Math.min(Math.abs(x), Math.abs(y))).toBeGreaterThanOrEqual(0.05);
    }
  });

  it("circles put class 1 inside radius 0.5 and class 0 in the ring [0.7, 1]", () => {
    const d = makeToy2d("circles", { n: 500, noise: 0, rng: createRng(5) });
    for (let i = 0; i < d.n; i++) {
      const r = Math.hypot(...point(d, i));
      if (d.labels[i] === 1) expect(r).toBeLessThanOrEqual(0.5);
      else expect(r).toBeGreaterThanOrEqual(0.7 - 1e-12);
    }
  });

  it("spiral arms are point reflections of each other (angle offset pi)", () => {
    const d = makeToy2d("spiral", { n: 400, noise: 0, rng: createRng(6) });
    for (let i = 0; i < d.n; i++) {
      const [x, y] = point(d, i);
      const r = Math.hypot(x, y);
      // angle = 2 pi 1.75 r + label pi (mod 2 pi)
      const expected = 2 * Math.PI * 1.75 * r + (d.labels[i] as number) * Math.PI;
      const diff = Math.atan2(y, x) - expected;
      expect(Math.abs(Math.atan2(Math.sin(diff), Math.cos(diff)))).toBeLessThan(1e-9);
    }
  });

  it("gaussians have class means near (+-0.5, +-0.5)", () => {
    const d = makeToy2d("gaussians", { n: 4000, noise: 0, rng: createRng(7) });
    const sums = [
      [0, 0],
      [0, 0],
    ];
    for (let i = 0; i < d.n; i++) {
      const [x, y] = point(d, i);
      const s = sums[d.labels[i] as number] as number[];
      s[0] = (s[0] as number) + x;
      s[1] = (s[1] as number) + y;
    }
    expect((sums[1]?.[0] as number) / 2000).toBeCloseTo(0.5, 1);
    expect((sums[0]?.[1] as number) / 2000).toBeCloseTo(-0.5, 1);
  });

  it("noise spreads points: the mean distance to the clean set grows with noise", () => {
    const clean = makeToy2d("moons", { n: 1000, noise: 0, rng: createRng(8) });
    // Same rng seed: same clean points, but noisy sets also draw jitter, so compare spreads instead.
    const noisy = makeToy2d("moons", { n: 1000, noise: 0.3, rng: createRng(8) });
    const spread = (d: Dataset) => {
      let s = 0;
      for (let i = 0; i < d.n; i++) s += (d.inputs[2 * i + 1] as number) ** 2;
      return s / d.n;
    };
    expect(spread(noisy)).toBeGreaterThan(spread(clean) + 0.05);
  });

  it("rejects bad sizes and noise", () => {
    expect(() => makeToy2d("xor", { n: 1, noise: 0, rng: createRng(1) })).toThrow(/n must be/);
    expect(() => makeToy2d("xor", { n: 10, noise: -1, rng: createRng(1) })).toThrow(/noise/);
    expect(() => makeToy2d("xor", { n: 10, noise: Number.NaN, rng: createRng(1) })).toThrow(/noise/);
  });
});

describe("standardisation", () => {
  const make = (rows: number[][]): Dataset => ({
    name: "t",
    n: rows.length,
    inputDim: rows[0]?.length ?? 0,
    numClasses: 2,
    inputs: Float64Array.from(rows.flat()),
    labels: new Uint8Array(rows.length),
  });

  it("gives the training set zero mean and unit variance per feature", () => {
    const train = makeToy2d("gaussians", { n: 500, noise: 0.2, rng: createRng(9) });
    const shifted = { ...train, inputs: train.inputs.map((v, i) => (i % 2 ? 100 + 3 * v : v - 7)) };
    const z = applyStandardiser(fitStandardiser(shifted), shifted);
    for (let j = 0; j < 2; j++) {
      let m = 0;
      let v = 0;
      for (let i = 0; i < z.n; i++) m += z.inputs[2 * i + j] as number;
      m /= z.n;
      for (let i = 0; i < z.n; i++) v += ((z.inputs[2 * i + j] as number) - m) ** 2;
      expect(Math.abs(m)).toBeLessThan(1e-12);
      expect(v / z.n).toBeCloseTo(1, 12);
    }
  });

  it("uses training statistics for the test set and leaves constant features finite", () => {
    const train = make([
      [0, 5],
      [2, 5],
    ]);
    const test = make([[4, 9]]);
    const s = fitStandardiser(train);
    expect(Array.from(s.mean)).toEqual([1, 5]);
    expect(Array.from(s.scale)).toEqual([1, 1]); // feature 0 has sd 1; feature 1 is constant -> 1
    expect(Array.from(applyStandardiser(s, test).inputs)).toEqual([3, 4]);
    expect(Array.from(test.inputs)).toEqual([4, 9]); // input not mutated
    expect(() => applyStandardiser(s, make([[1, 2, 3]]))).toThrow(/features/);
  });

  it("makeTabularData standardises with train statistics and keeps data independent of other streams", () => {
    const opts = { dataset: "circles", n: 100, noise: 0.05, standardise: true } as const;
    const a = makeTabularData(opts, createRng(12));
    const b = makeTabularData(opts, createRng(12));
    expect(Array.from(a.test.inputs)).toEqual(Array.from(b.test.inputs));
    expect(a.test.n).toBe(toyTestSize(100));
    const raw = makeTabularData({ ...opts, standardise: false }, createRng(12));
    const s = fitStandardiser(raw.train);
    expect(Array.from(a.test.inputs)).toEqual(Array.from(applyStandardiser(s, raw.test).inputs));
  });

  it("makeTabularData asks for the MNIST bytes when they are missing", () => {
    expect(() =>
      makeTabularData({ dataset: "mnist", n: 10, noise: 0, standardise: false }, createRng(1)),
    ).toThrow(/needs the decoded MNIST/);
  });
});

describe("MNIST subset asset", () => {
  const subset = loadMnistSubset();

  it("holds 2,000 training and 500 test 28x28 digits, balanced over 0..9", () => {
    expect(subset.train.labels.length).toBe(2000);
    expect(subset.test.labels.length).toBe(500);
    expect(subset.train.rows * subset.train.cols).toBe(784);
    expect(subset.train.pixels.length).toBe(2000 * 784);
    const split = mnistSplit(subset);
    expect(classCounts(split.train)).toEqual(new Array(10).fill(200));
    expect(classCounts(split.test)).toEqual(new Array(10).fill(50));
  });

  it("decodes to pixels in [0, 1] with real ink (not blank images)", () => {
    const { train } = mnistSplit(subset, 100);
    expect(train.n).toBe(100);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of train.inputs) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    expect(lo).toBe(0);
    expect(hi).toBe(1);
    for (let i = 0; i < train.n; i++) {
      let ink = 0;
      for (let p = 0; p < 784; p++) ink += train.inputs[i * 784 + p] as number;
      // A handwritten digit covers roughly 5-30% of the 784 pixels.
      expect(ink).toBeGreaterThan(20);
      expect(ink).toBeLessThan(300);
    }
  });

  it("is shuffled so that any prefix mixes the classes", () => {
    const first = Array.from(subset.train.labels.subarray(0, 50));
    expect(new Set(first).size).toBeGreaterThanOrEqual(8);
  });

  it("round-trips through encode and decode byte for byte", () => {
    const bytes = encodeMnist(subset);
    const again = decodeMnist(bytes);
    expect(Array.from(again.test.labels)).toEqual(Array.from(subset.test.labels));
    // Buffer.compare: toEqual on two megabytes element by element takes seconds.
    expect(Buffer.compare(Buffer.from(encodeMnist(again)), Buffer.from(bytes))).toBe(0);
  });

  it("is exactly what the build script produces from the mnist package", () => {
    const fresh = buildMnistAsset();
    expect(Buffer.compare(Buffer.from(fresh), Buffer.from(encodeMnist(subset)))).toBe(0);
  });

  it("is compact: run-length coding keeps it near a quarter of the raw 1.96 MB", () => {
    const bytes = encodeMnist(subset);
    expect(bytes.length).toBeLessThan(600_000);
  });

  it("run-length coding round-trips any bytes, long zero runs included (fast-check)", () => {
    const pixels = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 255 })), { maxLength: 2000 });
    const withRuns = fc
      .tuple(pixels, fc.integer({ min: 0, max: 1000 }))
      .map(([p, zeros]) => Uint8Array.from([...p, ...new Array<number>(zeros).fill(0), ...p]));
    fc.assert(
      fc.property(withRuns, (p) => {
        const back = decodePixelRuns(encodePixelRuns(p), new Uint8Array(p.length));
        expect(Buffer.compare(Buffer.from(back), Buffer.from(p))).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it("rejects malformed run-length data", () => {
    expect(() => decodePixelRuns(Uint8Array.from([5, 0]), new Uint8Array(3))).toThrow(/bad zero run/);
    expect(() => decodePixelRuns(Uint8Array.from([5, 0, 0]), new Uint8Array(3))).toThrow(/bad zero run/);
    expect(() => decodePixelRuns(Uint8Array.from([0, 4]), new Uint8Array(3))).toThrow(
      /longer than the images/,
    );
    expect(() => decodePixelRuns(Uint8Array.from([7]), new Uint8Array(3))).toThrow(/gives 1 pixels/);
  });

  it("rejects truncated or foreign bytes with a reason", () => {
    const bytes = encodeMnist(subset);
    expect(() => decodeMnist(bytes.subarray(0, 10))).toThrow(/shorter than the header/);
    expect(() => decodeMnist(bytes.subarray(0, bytes.length - 1))).toThrow(/expected \d+ bytes/);
    const foreign = bytes.slice();
    foreign[0] = 0x50;
    expect(() => decodeMnist(foreign)).toThrow(/bad magic/);
    const badLabel = bytes.slice();
    badLabel[MNIST_HEADER_BYTES] = 12;
    expect(() => decodeMnist(badLabel)).toThrow(/label 12/);
  });
});
