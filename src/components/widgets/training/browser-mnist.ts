/**
 * The one MNIST loader of this thread: the worker imports it for its runs, the main-thread
 * fallback for its own. A module is evaluated once per thread, so every run (and every widget
 * on the page, for the fallback) shares one fetch and one decoded subset.
 */
import { mnistUrl } from "./mnist-asset";
import { mnistLoader } from "./mnist-source";

// `fetch` is looked up per call (not captured at import), so tests can stub it.
export const loadBrowserMnist = mnistLoader(mnistUrl(import.meta.env.BASE_URL), (url) => fetch(url));
