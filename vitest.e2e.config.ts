import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The site-wide sweep first. It is the longest file by far (every page, light and dark, axe:
 * ~340 s of the ~710 s e2e run in the last clean-clone rehearsal), but a small file, and
 * Vitest's default order without a cache (a fresh clone, as in CI) is larger files first: it
 * started last and ran for minutes with the other worker idle at the end. Started first, the
 * other worker takes the remaining files meanwhile.
 */
class SiteSweepFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const sweep = (f: TestSpecification) => (f.moduleId.endsWith("/site.e2e.test.ts") ? 0 : 1);
    return [...sorted].sort((a, b) => sweep(a) - sweep(b));
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
    sequence: { sequencer: SiteSweepFirst },
  },
});
