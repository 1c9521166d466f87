import preact from "@preact/preset-vite";
import { defineConfig } from "vitest/config";

// Unit and component tests only. Tests of the built site run after the build, with their own
// configs: vitest.build.config.ts (tests/build) and vitest.e2e.config.ts (tests/e2e).
export default defineConfig({
  plugins: [preact()],
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/component/**/*.test.tsx"],
    environment: "node",
    pool: "threads",
    testTimeout: 30_000,
  },
});
