import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vitest/config";

// Unit and component tests only. Tests of the built site run after the build, with their own
// configs: vitest.build.config.ts (tests/build) and vitest.e2e.config.ts (tests/e2e).
export default defineConfig({
  plugins: [preact()],
  // The site's stand-in for d3's colour schemes (see astro.config.mjs), so a chart that would
  // need one fails in the component tests, not only in the browser.
  resolve: {
    alias: {
      "d3-scale-chromatic": fileURLToPath(
        new URL("./src/components/charts/d3-scale-chromatic-lite.ts", import.meta.url),
      ),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/component/**/*.test.tsx"],
    environment: "node",
    pool: "threads",
    // Both cores: Vitest's default is one worker fewer than the cores, which on this project's
    // two-core CI machines ran the files one at a time (measured: 101 s; with two, 60 s).
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
