import { defineConfig } from "vitest/config";

/**
 * End-to-end tests against the built site (`npm run build` first) in Debian's Chromium.
 * One static server and one browser are shared by all files (tests/e2e/global-setup.ts);
 * two files run at a time, each in its own browser contexts.
 */
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    environment: "node",
    globalSetup: ["tests/e2e/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
