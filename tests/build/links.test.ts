/**
 * Every internal link, asset and #fragment in the built site resolves, and no asset comes
 * from another host (scripts/check-links.ts). The fixture test shows the checker catching
 * each kind of breakage on tests/fixtures/links-site.
 */
import { describe, expect, test } from "vitest";
import { checkLinks, configuredSiteOrigins, formatLinkProblems } from "../../scripts/check-links.ts";

describe("the built site (dist)", () => {
  test("every internal link, asset and fragment resolves; nothing loads from another host", async () => {
    const report = await checkLinks({ root: "dist", siteOrigins: await configuredSiteOrigins() });
    console.info(
      `links: ${report.checked} internal references on ${report.pages} pages and ${report.stylesheets} stylesheets; ` +
        `${report.external.length} external links (not fetched)`,
    );
    expect(report.pages, "run `npm run build` first").toBeGreaterThan(0);
    expect(report.checked).toBeGreaterThan(report.pages);
    expect(formatLinkProblems(report.problems)).toBe("");
  });
});

describe("the link checker on a broken fixture", () => {
  test("reports exactly the broken references", async () => {
    const report = await checkLinks({
      root: "tests/fixtures/links-site",
      siteOrigins: ["https://site.example.org"],
    });
    const lines = report.problems.map((p) => `${p.source} ${p.ref} :: ${p.reason}`).sort();
    expect(lines).toEqual(
      [
        "/ /assets/missing.js :: no file at /assets/missing.js",
        "/ https://cdn.example.com/library.js :: asset loaded from another host",
        '/ /good/#missing :: no id="missing" on /good/',
        "/ /nope/ :: no page at /nope/",
        "/ /good :: missing trailing slash (the page is /good/)",
        '/ #local-missing :: no id="local-missing" on /',
        "/ /assets/pixel@2x.svg :: no file at /assets/pixel@2x.svg",
        "/good/ #twice :: duplicate id on the page",
        '/redirect/ /good/#gone :: no id="gone" on /good/',
        "/assets/site.css /assets/fixture.woff2 :: no file at /assets/fixture.woff2",
        "/assets/site.css https://fonts.example.com/remote.woff2 :: asset loaded from another host",
      ].sort(),
    );
    expect(report.external).toEqual(["https://en.wikipedia.org/wiki/Logistic_function"]);
    expect(report.pages).toBe(3);
  });

  test("the canonical origin counts as this site only when configured", async () => {
    const report = await checkLinks({ root: "tests/fixtures/links-site" });
    expect(report.external).toContain("https://site.example.org/good/#present");
  });
});
