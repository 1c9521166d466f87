/**
 * Vitest global setup for the e2e project (vitest.e2e.config.ts): one static server over
 * `dist/` and one Chromium for all e2e test files. Test files reach both through the harness
 * (`startHarness()` reads what is provided here with `inject`).
 */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { startStaticServer } from "../../scripts/serve.ts";
import { launchChromiumServer } from "./browser.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the static server over dist/, e.g. `http://127.0.0.1:40123`. */
    e2eBaseUrl: string;
    /** WebSocket endpoint of the shared Chromium (playwright `launchServer`). */
    e2eBrowserWs: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Without a build there is no shared server; tests of dist/ then fail with "run
  // `npm run build` first", while tests that serve fixtures still run.
  const server = existsSync("dist") ? await startStaticServer({ root: "dist" }) : undefined;
  const browser = await launchChromiumServer();
  project.provide("e2eBaseUrl", server?.url ?? "");
  project.provide("e2eBrowserWs", browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server?.close();
  };
}
