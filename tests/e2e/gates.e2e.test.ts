/**
 * Each end-to-end gate can fail: the checks the site sweep (site.e2e.test.ts) runs are run
 * here on tests/fixtures/e2e-site/, where every page breaks exactly one rule. A gate that
 * passed everything would pass `clean/` and every broken page too; these tests require the
 * specific failure instead.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runAxe } from "./axe.ts";
import { type Harness, startHarness } from "./harness.ts";
import { mathsProblems, sidewaysScrollProblems, staticContentProblems } from "./page-checks.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ root: "tests/fixtures/e2e-site" });
});
afterAll(async () => {
  await h?.close();
});

describe.concurrent("the gates pass a clean page", () => {
  test("clean/ has no problem of any kind", async () => {
    const p = await h.openPage("/clean/");
    try {
      await p.page.waitForFunction(() => document.documentElement.dataset.ready === "yes");
      expect(p.problemList()).toEqual([]);
      expect((await runAxe(p.page)).blocking).toEqual([]);
      expect(await mathsProblems(p.page, { requireMaths: false })).toEqual([]);
      expect(await staticContentProblems(p.page, { minTextLength: 40 })).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test("clean/ at 360 px does not scroll sideways", async () => {
    const p = await h.openPage("/clean/", { viewport: { width: 360, height: 740 } });
    try {
      expect(await sidewaysScrollProblems(p.page)).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe.concurrent("the gates catch a broken page", () => {
  test("console.error is a console error", async () => {
    const p = await h.openPage("/console-error/");
    try {
      expect(p.problems.consoleErrors.join("\n")).toContain("fixture: something went wrong");
      expect(() => p.expectClean()).toThrow(/consoleErrors/);
    } finally {
      await p.close();
    }
  });

  test("an uncaught exception is a page error", async () => {
    const p = await h.openPage("/page-error/");
    try {
      expect(p.problems.pageErrors.join("\n")).toContain("fixture: uncaught");
      expect(() => p.expectClean()).toThrow(/pageErrors/);
    } finally {
      await p.close();
    }
  });

  test("a request to another host is recorded and blocked", async () => {
    const p = await h.openPage("/offsite/");
    try {
      expect(p.problems.offsiteRequests).toEqual(["GET https://fonts.example.invalid/pixel.png"]);
      expect(() => p.expectClean()).toThrow(/offsiteRequests/);
    } finally {
      await p.close();
    }
  });

  test("an inline script under the CSP is a CSP violation", async () => {
    const p = await h.openPage("/csp/");
    try {
      // The inline script did not run ...
      expect(await p.page.title()).toBe("CSP violation");
      // ... and both the securitypolicyviolation event and Chromium's console report were seen.
      expect(p.problems.cspViolations.some((line) => line.startsWith("script-src-elem blocked inline"))).toBe(
        true,
      );
      expect(p.problems.cspViolations.some((line) => /Content Security Policy/.test(line))).toBe(true);
      expect(() => p.expectClean()).toThrow(/cspViolations/);
    } finally {
      await p.close();
    }
  });

  test("axe reports a missing alt text and low contrast as serious/critical", async () => {
    const p = await h.openPage("/axe/");
    try {
      const ids = (await runAxe(p.page)).blocking.map((violation) => violation.id).sort();
      expect(ids).toEqual(["color-contrast", "image-alt"]);
    } finally {
      await p.close();
    }
  });

  test("axe in dark mode runs against the dark page too", async () => {
    const p = await h.openPage("/axe/", { colorScheme: "dark" });
    try {
      expect((await runAxe(p.page)).blocking.map((violation) => violation.id)).toContain("image-alt");
    } finally {
      await p.close();
    }
  });

  test("the Plot <g aria-label> exception is narrow: only inside a Plot svg", async () => {
    const p = await h.openPage("/plot-exception/");
    try {
      const result = await runAxe(p.page);
      expect(result.excepted).toHaveLength(1);
      expect(result.excepted[0]).toMatch(/^plot-g-aria-label: /);
      expect(result.blocking.map((violation) => violation.id)).toEqual(["aria-prohibited-attr"]);
      expect(result.blocking[0]!.nodes.map((node) => node.target.join(" "))).toEqual([".not-plot > g"]);
    } finally {
      await p.close();
    }
  });

  test("raw TeX and KaTeX errors fail the maths check; a page without maths fails where maths is required", async () => {
    const p = await h.openPage("/maths-broken/");
    try {
      const problems = await mathsProblems(p.page, { requireMaths: true });
      expect(problems).toContain("no display maths (.katex-display)");
      expect(problems.some((line) => line.startsWith("KaTeX error: ParseError"))).toBe(true);
      expect(problems.some((line) => line.startsWith("untypeset TeX in the text: $$"))).toBe(true);
    } finally {
      await p.close();
    }
  });

  test("a chart without its build-time figure, or an empty widget, fails the no-JavaScript check", async () => {
    const p = await h.openPage("/blank-widget/", { javaScriptEnabled: false });
    try {
      expect(await staticContentProblems(p.page, { minTextLength: 40 })).toEqual([
        'chart "activation" of widget "empty-explorer" has no build-time <svg>',
        'widget "empty-quiz" shows nothing without JavaScript',
      ]);
      expect(await staticContentProblems(p.page, { minTextLength: 5000 })).toHaveLength(3);
    } finally {
      await p.close();
    }
  });

  test("a 900 px box makes a 360 px page scroll sideways", async () => {
    const p = await h.openPage("/too-wide/", { viewport: { width: 360, height: 740 } });
    try {
      const problems = await sidewaysScrollProblems(p.page);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^page scrolls sideways: 9\d\dpx content in a 360px viewport/);
    } finally {
      await p.close();
    }
  });

  test("a missing local file is a failed request", async () => {
    const p = await h.openPage("/no-such-page/");
    try {
      expect(p.status).toBe(404);
      expect(p.problems.failedRequests.join("\n")).toMatch(/HTTP 404 .*\/no-such-page\//);
    } finally {
      await p.close();
    }
  });
});
