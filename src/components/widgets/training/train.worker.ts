/**
 * A training worker: a module Web Worker that hosts the runs the page's worker pool places on
 * it (run-host.ts: one pump per run, taking turns slice by slice) and trains them off the main
 * thread, posting points in small batches. Created by worker-pool.ts with
 *
 *   new Worker(new URL("./train.worker.ts", import.meta.url), { type: "module" })
 *
 * which Vite bundles as a separate chunk (fetched only when a widget starts training).
 */
/// <reference lib="webworker" />
import { loadBrowserMnist } from "./browser-mnist";
import type { FromHost, ToHost } from "./messages";
import { createRunHost } from "./run-host";
import { restAfterSlice } from "./worker-pool";

declare const self: DedicatedWorkerGlobalScope;

/** A worker can use most of a frame's worth of time per slice: it never blocks the page. */
const SLICE_MS = 30;
/** Rest between slices on machines with two cores or fewer (see restAfterSlice). */
const REST_MS = restAfterSlice(SLICE_MS, navigator.hardwareConcurrency);
/**
 * Engine warm-up per config the worker is given, and for its whole life (jit-warmup.ts): long
 * enough for V8 to compile the training loop's hot functions before Play, short enough to cost
 * a page with eight training runs about a second of one worker's time, off the page's thread.
 */
const WARMUP_PER_CONFIG_MS = 150;
const WARMUP_TOTAL_MS = 1_500;

const host = createRunHost({
  post: (m: FromHost) => self.postMessage(m),
  now: () => performance.now(),
  later: (f) => {
    const id = setTimeout(f, REST_MS);
    return () => clearTimeout(id);
  },
  sliceMs: SLICE_MS,
  loadMnist: loadBrowserMnist,
  warmup: { perConfigMs: WARMUP_PER_CONFIG_MS, totalMs: WARMUP_TOTAL_MS },
});

self.onmessage = (e: MessageEvent<ToHost>) => host.handle(e.data);
