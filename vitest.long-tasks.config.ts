import { defineConfig } from "vitest/config";

/**
 * The long-task gate (tests/long-tasks): runs after the other e2e tests, alone — one file, one
 * page at a time — so that its own pages do not load the machine it measures. Same shared
 * server and Chromium as the e2e project (tests/e2e/global-setup.ts).
 */
export default defineConfig({
  test: {
    include: ["tests/long-tasks/**/*.e2e.test.ts"],
    environment: "node",
    globalSetup: ["tests/e2e/global-setup.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    maxConcurrency: 1,
    testTimeout: 180_000,
    // A fresh measurement once if a widget stalls or goes over on a busy machine; twice fails.
    retry: 1,
    hookTimeout: 120_000,
  },
});
