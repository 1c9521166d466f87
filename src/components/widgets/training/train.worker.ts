/**
 * The training worker: a module Web Worker that owns one run (see pump.ts) and trains it off
 * the main thread, posting points in small batches. Created by useTrainingRun.ts with
 *
 *   new Worker(new URL("./train.worker.ts", import.meta.url), { type: "module" })
 *
 * which Vite bundles as a separate chunk (fetched only when a widget starts training).
 */
/// <reference lib="webworker" />
import { loadBrowserMnist } from "./browser-mnist";
import type { FromWorker, ToWorker } from "./messages";
import { createPump } from "./pump";

declare const self: DedicatedWorkerGlobalScope;

/** A worker can use most of a frame's worth of time per slice: it never blocks the page. */
const SLICE_MS = 30;

const pump = createPump({
  post: (m: FromWorker) => self.postMessage(m),
  now: () => performance.now(),
  later: (f) => {
    const id = setTimeout(f, 0);
    return () => clearTimeout(id);
  },
  sliceMs: SLICE_MS,
  loadMnist: loadBrowserMnist,
});

self.onmessage = (e: MessageEvent<ToWorker>) => pump.handle(e.data);
