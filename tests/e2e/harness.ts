/**
 * End-to-end harness: the built site (`dist/`) served on 127.0.0.1 and Debian's Chromium
 * driven by playwright-core. Every page opened through it records what must never happen on
 * our site — console errors, uncaught page errors, Content-Security-Policy violations,
 * failed local requests and any request that leaves localhost (those are also blocked) —
 * so a test can assert the page is clean in one line.
 *
 * Usage (a widget test, e.g. tests/e2e/activation-explorer.e2e.test.ts):
 *
 *   import { afterAll, beforeAll, expect, test } from "vitest";
 *   import { type Harness, startHarness } from "./harness.ts";
 *
 *   let h: Harness;
 *   beforeAll(async () => { h = await startHarness(); });
 *   afterAll(async () => { await h.close(); });
 *
 *   test("the readout follows the keyboard", async () => {
 *     const p = await h.openPage("/chapters/01-sigmoid/", { colorScheme: "dark" });
 *     const widget = p.page.locator('[data-widget="activation-explorer"]');
 *     await p.hydrate();                       // scroll islands into view, wait for hydration
 *     await widget.getByRole("slider").press("ArrowRight");
 *     await expect.poll(() => widget.locator("output").first().textContent()).not.toBe("0.500");
 *     p.expectClean();                         // no console/page error, CSP violation, off-site request
 *     await p.close();
 *   });
 *
 * Run: `npm run test:e2e` (needs `npm run build` first) or
 * `npx vitest run -c vitest.e2e.config.ts tests/e2e/activation-explorer.e2e.test.ts`.
 * Under that config one Chromium and one server are shared by all files (global-setup.ts);
 * elsewhere `startHarness()` starts its own. `startHarness({ root: "tests/fixtures/..." })`
 * serves another directory (the gate fixtures use it).
 */
import type { Browser, BrowserContext, ConsoleMessage, Page } from "playwright-core";
import { expect, inject } from "vitest";
import { type StaticServer, startStaticServer } from "../../scripts/serve.ts";
import { connectChromium, launchChromium } from "./browser.ts";

export type { Locator, Page } from "playwright-core";

/** Everything a clean page must not produce. Each entry is a human-readable line. */
export interface PageProblems {
  /** `console.error` calls and browser-logged errors (failed loads, CSP reports, ...). */
  readonly consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections. */
  readonly pageErrors: string[];
  /** `securitypolicyviolation` events and console messages about the Content Security Policy. */
  readonly cspViolations: string[];
  /** Requests to any host other than 127.0.0.1 / localhost (blocked, and recorded here). */
  readonly offsiteRequests: string[];
  /** Local requests answered with HTTP >= 400, or that failed outright. */
  readonly failedRequests: string[];
}

export interface OpenPageOptions {
  /** Default true. With false the page is what a reader without JavaScript sees. */
  javaScriptEnabled?: boolean;
  /** Default "light". Sets `prefers-color-scheme`. */
  colorScheme?: "light" | "dark";
  /** Default 1280 x 800. */
  viewport?: { width: number; height: number };
  /** Default "no-preference". */
  reducedMotion?: "reduce" | "no-preference";
  /** What `goto` waits for; default "load". */
  waitUntil?: "load" | "domcontentloaded" | "networkidle";
}

export interface OpenedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Absolute URL that was opened. */
  readonly url: string;
  /** HTTP status of the main document. */
  readonly status: number;
  readonly problems: PageProblems;
  /** All problems as one flat list of `kind: detail` lines (empty when clean). */
  problemList(): string[];
  /** Fails the current test, listing every problem, unless the page is clean. */
  expectClean(): void;
  /**
   * Scrolls every `astro-island` into view (they hydrate `client:visible`) and waits until
   * Astro has hydrated them all (it removes the `ssr` attribute), then lets pending work settle.
   */
  hydrate(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface Harness {
  /** e.g. `http://127.0.0.1:40123` */
  readonly baseUrl: string;
  readonly browser: Browser;
  /** Opens `path` (e.g. `/chapters/01-sigmoid/`) in a fresh browser context. */
  openPage(path: string, options?: OpenPageOptions): Promise<OpenedPage>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /**
   * Directory to serve instead of `dist/` (relative to the repository root). The shared
   * server of the e2e project only serves `dist/`, so this always starts a server of its own.
   */
  root?: string;
}

/** Quiet time after the last request that counts as "lazy chunks have arrived" in hydrate(). */
const SETTLE_MS = 200;
/** Network silence after which an in-flight count above zero is taken to be a lost event. */
const STUCK_MS = 2_000;

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** True for URLs that stay on this machine; `data:`, `blob:` and `about:` never touch a network. */
export function isLocalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === "data:" || url.protocol === "blob:" || url.protocol === "about:") return true;
  return LOCAL_HOSTS.has(url.hostname);
}

const CSP_CONSOLE_PATTERN = /Content[ -]Security[ -]Policy/i;

function describeConsole(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  const where = url ? ` (${url}:${lineNumber})` : "";
  return `${message.text()}${where}`;
}

/**
 * Runs in the page before any of its own scripts (CDP injects it, so the page's CSP does not
 * apply to it) and forwards each CSP violation to the harness.
 */
function listenForCspViolations(): void {
  document.addEventListener("securitypolicyviolation", (event) => {
    const report = (window as unknown as { __e2eReportCsp?: (line: string) => void }).__e2eReportCsp;
    report?.(
      `${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber}` +
        (event.sample ? ` sample=${JSON.stringify(event.sample)}` : ""),
    );
  });
}

async function openPageWith(
  browser: Browser,
  baseUrl: string,
  path: string,
  options: OpenPageOptions,
): Promise<OpenedPage> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? "light",
    viewport: options.viewport ?? { width: 1280, height: 800 },
    reducedMotion: options.reducedMotion ?? "no-preference",
    serviceWorkers: "block",
  });
  const problems: PageProblems = {
    consoleErrors: [],
    pageErrors: [],
    cspViolations: [],
    offsiteRequests: [],
    failedRequests: [],
  };

  const recordOffsite = (line: string) => {
    if (!problems.offsiteRequests.includes(line)) problems.offsiteRequests.push(line);
  };
  // Block and record anything that would leave the machine (fonts, analytics, CDNs, ...).
  await context.route(
    (url) => !isLocalUrl(url.href),
    (route) => {
      recordOffsite(`${route.request().method()} ${route.request().url()}`);
      return route.abort("blockedbyclient");
    },
  );
  // Requests in flight, for hydrate()'s settle (cheaper than waiting for "networkidle").
  const network = { inFlight: 0, changedAt: Date.now() };
  const settleOne = () => {
    network.inFlight -= 1;
    network.changedAt = Date.now();
  };
  context.on("requestfinished", settleOne);
  context.on("requestfailed", settleOne);
  // Also record requests the router may not see (e.g. from workers).
  context.on("request", (request) => {
    network.inFlight += 1;
    network.changedAt = Date.now();
    if (!isLocalUrl(request.url())) recordOffsite(`${request.method()} ${request.url()}`);
  });
  context.on("response", (response) => {
    if (response.status() >= 400 && isLocalUrl(response.url())) {
      problems.failedRequests.push(`HTTP ${response.status()} ${response.url()}`);
    }
  });
  context.on("requestfailed", (request) => {
    if (isLocalUrl(request.url())) {
      problems.failedRequests.push(`${request.failure()?.errorText ?? "failed"} ${request.url()}`);
    }
  });
  await context.exposeBinding("__e2eReportCsp", (_source, line: string) => {
    problems.cspViolations.push(line);
  });
  await context.addInitScript(listenForCspViolations);

  // Generous: on 2 shared cores a busy CI machine can take tens of seconds to load a page.
  context.setDefaultNavigationTimeout(90_000);
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  page.on("console", (message) => {
    if (CSP_CONSOLE_PATTERN.test(message.text())) problems.cspViolations.push(describeConsole(message));
    else if (message.type() === "error") problems.consoleErrors.push(describeConsole(message));
  });
  page.on("pageerror", (error) => {
    problems.pageErrors.push(`${error.name}: ${error.message}`);
  });
  page.on("websocket", (socket) => {
    if (!isLocalUrl(socket.url())) recordOffsite(`WS ${socket.url()}`);
  });
  page.on("worker", (worker) => {
    worker.on("console", (message) => {
      if (message.type() === "error") problems.consoleErrors.push(`[worker] ${describeConsole(message)}`);
    });
  });

  const url = new URL(path, `${baseUrl}/`).href;
  const response = await page.goto(url, { waitUntil: options.waitUntil ?? "load" });
  const status = response?.status() ?? 0;

  const problemList = (): string[] =>
    (Object.entries(problems) as [keyof PageProblems, string[]][]).flatMap(([kind, lines]) =>
      lines.map((line) => `${kind}: ${line}`),
    );

  return {
    page,
    context,
    url,
    status,
    problems,
    problemList,
    expectClean() {
      const list = problemList();
      // The message carries every line: vitest would abbreviate a long array in its diff.
      expect(list, `problems on ${path}:\n  ${list.join("\n  ")}\n`).toEqual([]);
    },
    async hydrate(timeoutMs = 30_000) {
      if (options.javaScriptEnabled === false) return;
      const islands = page.locator("astro-island");
      const count = await islands.count();
      // Scroll an island into view and let a frame render there, so its IntersectionObserver
      // sees it before the next scroll moves it away (a plain scroll, without waiting for the
      // island to hold still as Playwright's scrollIntoViewIfNeeded does; that wait could take
      // a minute per island for widgets that redraw on a loaded machine).
      const revealInPage = (el: Element) =>
        new Promise<void>((done) => {
          // <astro-island> is display: contents (no box of its own): scroll to what it shows.
          const shown = [el, ...Array.from(el.querySelectorAll("*"))].find(
            (node) => node.getClientRects().length > 0,
          );
          (shown ?? el).scrollIntoView({ block: "center" });
          requestAnimationFrame(() => requestAnimationFrame(() => done()));
          // Rendering is skipped for a page that is not in front: never wait long for it.
          setTimeout(done, 500);
        });
      for (let i = 0; i < count; i++) await islands.nth(i).evaluate(revealInPage);
      // Islands still waiting (scrolled past before their IntersectionObserver ran, which a
      // busy page delays, or moved away by an island above that hydrated and grew): one at a
      // time, scroll it into view and keep it there until it has hydrated, scrolling to it
      // again every second (a layout shift can move it off screen again: measured on chapter 4,
      // an exercise below the dashboards waited out a whole 5 s wait, then hydrated at once
      // when scrolled to again); all of it bounded by timeoutMs.
      const waiting = page.locator("astro-island[ssr]");
      const hydrateBy = Date.now() + timeoutMs;
      let left = await waiting.count();
      while (left > 0) {
        if (Date.now() > hydrateBy) {
          const names = await waiting.evaluateAll((els) =>
            els.map((e) => e.getAttribute("component-url") ?? "?"),
          );
          throw new Error(`${left} island(s) not hydrated after ${timeoutMs} ms: ${names.join(", ")}`);
        }
        // A handle, not the locator: an island that hydrates between two calls no longer
        // matches `astro-island[ssr]`, and a locator would then wait its full 60 s default
        // timeout for another match (measured: one such race made a 2 s hydrate take 62 s).
        const island = await waiting
          .first()
          .elementHandle({ timeout: 1_000 })
          .catch(() => null);
        if (!island) {
          left = await waiting.count();
          continue;
        }
        await island.evaluate(revealInPage).catch(() => undefined);
        await island
          .evaluate(
            (el, ms) =>
              new Promise<void>((done) => {
                if (!el.hasAttribute("ssr")) return done();
                const stop = () => {
                  observer.disconnect();
                  done();
                };
                const observer = new MutationObserver(() => {
                  if (!el.hasAttribute("ssr")) stop();
                });
                observer.observe(el, { attributes: true });
                setTimeout(stop, ms);
              }),
            1_000,
          )
          .catch(() => undefined);
        await island.dispose();
        left = await waiting.count();
      }
      // Let lazy chunks (islands' imports, worker modules, data) arrive: no request in flight
      // for SETTLE_MS. Playwright's "networkidle" waits 500 ms of silence on every page, and
      // could stall on a busy machine; this is bounded the same way — the check above is the
      // one that matters, and failed requests are recorded as problems anyway.
      const deadline = Date.now() + 15_000;
      const quietFor = () => Date.now() - network.changedAt;
      // A request counted but never reported finished must not hold every page: after
      // STUCK_MS without any network event the count is not trusted.
      while (
        Date.now() < deadline &&
        (quietFor() < SETTLE_MS || (network.inFlight > 0 && quietFor() < STUCK_MS))
      ) {
        await page.waitForTimeout(50);
      }
    },
    async close() {
      await context.close();
    },
  };
}

/**
 * Starts (or joins) the server and the browser. Call once per test file in `beforeAll`, and
 * `close()` in `afterAll`.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sharedBase = options.root === undefined ? inject("e2eBaseUrl") : undefined;
  const sharedWs = inject("e2eBrowserWs");

  let server: StaticServer | undefined;
  let baseUrl: string;
  if (sharedBase) {
    baseUrl = sharedBase;
  } else {
    server = await startStaticServer({ root: options.root ?? "dist" });
    baseUrl = server.url;
  }
  const browser = sharedWs ? await connectChromium(sharedWs) : await launchChromium();

  return {
    baseUrl,
    browser,
    openPage: (path, openOptions = {}) => openPageWith(browser, baseUrl, path, openOptions),
    async close() {
      // Disconnects from a shared browser; closes a browser of our own.
      await browser.close();
      await server?.close();
    },
  };
}

/**
 * Scrolls the element with this id (a chapter's `<figure>`) into view and waits until the
 * islands inside it have hydrated; the rest of the page stays static. Cheaper and steadier than
 * `hydrate()` on a loaded machine when one widget is what a test is about: a chapter's other
 * training widgets do not start training alongside, and no island can be scrolled past.
 */
export async function hydrateFigure(page: Page, id: string, timeoutMs = 90_000): Promise<void> {
  await page.locator(`#${id}`).evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.waitForFunction(
    (figure) => {
      const el = document.getElementById(figure);
      return el?.querySelector("astro-island") != null && el.querySelector("astro-island[ssr]") === null;
    },
    id,
    { timeout: timeoutMs },
  );
}
