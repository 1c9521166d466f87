/**
 * The browser's MNIST loader (widgets/training/mnist-source.ts) with a fake fetch: one fetch
 * per loader however many runs ask, clear sentences for HTTP errors, network failures and
 * damaged files, and a retry after a failure.
 */

import { readFileSync, statSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { loadMnistSubset, MNIST_ASSET_FILE } from "../../scripts/load-mnist";
import {
  type FetchLike,
  MNIST_ASSET_MB,
  MNIST_LOAD_ERROR,
  mnistLoader,
  mnistUrl,
} from "../../src/components/widgets/training/mnist-source";

const bytes = new Uint8Array(readFileSync(MNIST_ASSET_FILE));

const serving = (body: Uint8Array, status = 200): FetchLike =>
  vi.fn(async () => ({
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 404 ? "Not Found" : "",
    arrayBuffer: async () => body.slice().buffer,
  }));

describe("mnistLoader", () => {
  it("builds the asset URL under any base", () => {
    expect(mnistUrl("/")).toBe("/data/mnist-subset.bin");
    expect(mnistUrl("/docs")).toBe("/docs/data/mnist-subset.bin");
    expect(mnistUrl("/docs/")).toBe("/docs/data/mnist-subset.bin");
  });

  it("states the file's size as it is (about 0.5 MB)", () => {
    const mb = statSync(MNIST_ASSET_FILE).size / 1e6;
    expect(Math.abs(mb - MNIST_ASSET_MB)).toBeLessThan(0.05);
  });

  it("fetches once and hands every caller the same decoded subset", async () => {
    const f = serving(bytes);
    const load = mnistLoader("/data/mnist-subset.bin", f);
    const [a, b] = await Promise.all([load(), load()]);
    const c = await load();
    expect(f).toHaveBeenCalledTimes(1);
    expect(f).toHaveBeenCalledWith("/data/mnist-subset.bin");
    expect(a).toBe(b);
    expect(a).toBe(c);
    const reference = loadMnistSubset();
    expect(a.train.labels).toEqual(reference.train.labels);
    expect(a.test.pixels.length).toBe(reference.test.pixels.length);
  });

  it("says what went wrong on an HTTP error, and fetches again on the next call", async () => {
    let status = 404;
    const f: FetchLike = vi.fn(async () => ({
      ok: status === 200,
      status,
      statusText: status === 404 ? "Not Found" : "",
      arrayBuffer: async () => bytes.slice().buffer,
    }));
    const load = mnistLoader("/data/mnist-subset.bin", f);
    await expect(load()).rejects.toThrow(
      `${MNIST_LOAD_ERROR} from /data/mnist-subset.bin: the server answered HTTP 404 Not Found`,
    );
    status = 200;
    const subset = await load();
    expect(subset.train.labels.length).toBeGreaterThan(0);
    expect(f).toHaveBeenCalledTimes(2);
  });

  it("turns a network failure into a sentence", async () => {
    const load = mnistLoader("/x.bin", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(load()).rejects.toThrow(/^Could not load the MNIST subset from \/x\.bin: Failed to fetch\./);
  });

  it("reports a damaged file (truncated, or not the format) with the decoder's reason", async () => {
    await expect(mnistLoader("/x.bin", serving(bytes.subarray(0, 1000)))()).rejects.toThrow(
      /^Could not load the MNIST subset: the file is damaged \(mnist: expected \d+ bytes, got 1000\)/,
    );
    const html = new TextEncoder().encode("<!doctype html><title>Not found</title>".padEnd(64, " "));
    await expect(mnistLoader("/x.bin", serving(html))()).rejects.toThrow(
      /the file is damaged \(mnist: bad magic/,
    );
  });
});
