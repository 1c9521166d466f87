import preact from "@preact/preset-vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/component/**/*.test.tsx", "tests/build/**/*.test.ts"],
    environment: "node",
    pool: "threads",
    testTimeout: 30_000,
  },
});
