/**
 * The MNIST subset for runs in a browser: fetched once per thread (the worker, or the page for
 * the main-thread fallback), decoded with the core's decoder, and kept.
 *
 *   const load = mnistLoader(mnistUrl(import.meta.env.BASE_URL), fetch);   // mnistUrl: mnist-asset.ts
 *   const subset = await load();   // the same promise for every later call
 *
 * The file is public/data/mnist-subset.bin (src/lib/data/mnist.ts documents its format; about
 * 0.5 MB). A failed fetch or a file that does not decode rejects with a sentence a reader can
 * act on, and is forgotten, so the next run tries again (a flaky connection heals on reset).
 */
import { decodeMnist, type MnistSubset } from "../../../lib/data/mnist";

export { MNIST_ASSET_MB, MNIST_ASSET_PATH, mnistUrl } from "./mnist-asset";

/** The part of fetch the loader uses (so tests can pass a fake). */
export type FetchLike = (url: string) => Promise<{
  readonly ok: boolean;
  readonly status: number;
  readonly statusText?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

export type MnistLoad = () => Promise<MnistSubset>;

/** The prefix of every loading error: widgets and tests recognise it. */
export const MNIST_LOAD_ERROR = "Could not load the MNIST subset";

/** A loader that fetches and decodes `url` at most once while it succeeds. */
export function mnistLoader(url: string, fetchImpl: FetchLike): MnistLoad {
  let pending: Promise<MnistSubset> | null = null;
  const fetchAndDecode = async (): Promise<MnistSubset> => {
    let bytes: Uint8Array;
    try {
      const response = await fetchImpl(url);
      if (!response.ok) {
        const text = response.statusText ? ` ${response.statusText}` : "";
        throw new Error(`the server answered HTTP ${response.status}${text}`);
      }
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (e) {
      throw new Error(`${MNIST_LOAD_ERROR} from ${url}: ${reason(e)}. Check the connection and try again.`);
    }
    try {
      return decodeMnist(bytes);
    } catch (e) {
      throw new Error(`${MNIST_LOAD_ERROR}: the file is damaged (${reason(e)}).`);
    }
  };
  return () => {
    if (!pending) {
      pending = fetchAndDecode();
      // Forget a failure so that the next run fetches again.
      pending.catch(() => {
        pending = null;
      });
    }
    return pending;
  };
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));
