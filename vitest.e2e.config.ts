import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The longest files first, so that the two workers finish together. Without a cache (a fresh
 * clone, as in CI) Vitest starts larger files first, and the site-wide sweep (a small file:
 * every page, light and dark, axe) started last and ran alone for minutes. Durations in the
 * last clean-clone rehearsal: site 289 s, url-state-roundtrip 155 s, url-state-hostile 105 s;
 * every other file 14-90 s.
 */
const LONGEST_FIRST = [
  "/site.e2e.test.ts",
  "/url-state-roundtrip.e2e.test.ts",
  "/url-state-hostile.e2e.test.ts",
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((end) => f.moduleId.endsWith(end));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

/**
 * End-to-end tests against the built site (`npm run build` first) in Debian's Chromium.
 * One static server and one browser are shared by all files (tests/e2e/global-setup.ts);
 * two files run at a time, each with at most three pages open at once (test.concurrent),
 * each page in its own browser context. Timeouts are generous because CI machines here are
 * 2 shared cores; a healthy page takes 1-3 s.
 */
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    environment: "node",
    globalSetup: ["tests/e2e/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    maxConcurrency: 3,
    testTimeout: 120_000,
    // One retry for a test that fails on a loaded 2-core machine (a page stalled past a
    // timeout); a test that fails twice fails the gate, and the first failure is still printed.
    retry: 1,
    hookTimeout: 120_000,
    sequence: { sequencer: LongestFirst },
  },
});
