/**
 * How the end-to-end tests start Debian's Chromium. Downloading a browser is impossible on
 * these machines, so playwright-core drives the system `chromium` package; the flags keep it
 * quiet (no background network, no updates, no sync) so that any request the tests see came
 * from the page itself.
 */
import { type Browser, type BrowserServer, chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
] as const;

const LAUNCH_OPTIONS = { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true };

export function launchChromium(): Promise<Browser> {
  return chromium.launch(LAUNCH_OPTIONS);
}

/** A browser other processes connect to (one Chromium shared by every e2e test file). */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(LAUNCH_OPTIONS);
}

export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
