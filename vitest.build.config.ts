import { defineConfig } from "vitest/config";

/**
 * Tests of the built site (run after `npm run build`): anchors manifest, links and fragments,
 * JavaScript budget. They read dist/ as files; no browser.
 */
export default defineConfig({
  test: {
    include: ["tests/build/**/*.test.ts"],
    environment: "node",
    pool: "threads",
    testTimeout: 60_000,
  },
});
