/**
 * Links from coursework must not rot: every anchor recorded in tests/anchors.manifest.json
 * must still exist in the built site (dist/), or be declared moved in
 * tests/anchors.aliases.json. Runs after `astro build`; it only reads.
 * The fixture tests at the bottom prove the check catches what it is for.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type AnchorAliases,
  type AnchorManifest,
  type AnchorMap,
  collectAnchors,
  DEFAULT_PATHS,
  extractAnchorIds,
  findBrokenAnchors,
  findUnrecorded,
  readJson,
} from "../../scripts/anchors.ts";

const root = resolve(DEFAULT_PATHS.root);

describe("the built site keeps every recorded anchor", () => {
  it("has a build to check", () => {
    expect(
      existsSync(resolve(root, "index.html")),
      "dist/index.html missing: run `npm run build` first",
    ).toBe(true);
  });

  it("resolves every page and anchor of the manifest, following declared aliases", async () => {
    const manifest = (await readJson<AnchorManifest>(DEFAULT_PATHS.manifest)).pages;
    const aliases = await readJson<AnchorAliases>(DEFAULT_PATHS.aliases);
    const built = await collectAnchors(root);
    expect(Object.keys(manifest).length).toBeGreaterThan(0);
    const unrecorded = findUnrecorded(manifest, built);
    if (unrecorded.length > 0) {
      console.warn(
        `anchors not yet recorded (run \`npm run anchors:update\` and commit):\n  ${unrecorded.join("\n  ")}`,
      );
    }
    expect(findBrokenAnchors(manifest, built, aliases).map((p) => p.message)).toEqual([]);
  });

  it("records chapter pages with their section anchors", async () => {
    const manifest = (await readJson<AnchorManifest>(DEFAULT_PATHS.manifest)).pages;
    const chapters = Object.entries(manifest).filter(([path]) => path.startsWith("/chapters/"));
    expect(chapters.length).toBeGreaterThan(0);
    for (const [, ids] of chapters) expect(ids.length).toBeGreaterThan(0);
  });
});

describe("anchor check on a fixture site (proves the gate can fail)", () => {
  const fixture = resolve("tests/fixtures/anchors-site");

  it("collects h2, h3 and figure ids only", async () => {
    const built = await collectAnchors(fixture);
    expect(built).toEqual({
      "/": ["chapters"],
      "/chapters/alpha/": ["a-detail", "fig-alpha", "first-section"],
    });
  });

  it("passes when the manifest matches the build", async () => {
    const built = await collectAnchors(fixture);
    expect(findBrokenAnchors(built, built)).toEqual([]);
  });

  it("fails when a recorded heading id has disappeared", async () => {
    const built = await collectAnchors(fixture);
    const manifest: AnchorMap = {
      ...built,
      "/chapters/alpha/": [...built["/chapters/alpha/"]!, "old-section"],
    };
    const problems = findBrokenAnchors(manifest, built);
    expect(problems.map((p) => p.location)).toEqual(["/chapters/alpha/#old-section"]);
    expect(problems[0]!.message).toMatch(/disappeared/);
  });

  it("accepts the disappearance when an alias points to an existing anchor", async () => {
    const built = await collectAnchors(fixture);
    const manifest: AnchorMap = { ...built, "/chapters/alpha/": ["old-section"] };
    const aliases = { "/chapters/alpha/#old-section": "/chapters/alpha/#first-section" };
    expect(findBrokenAnchors(manifest, built, aliases)).toEqual([]);
  });

  it("fails when an alias points nowhere", async () => {
    const built = await collectAnchors(fixture);
    const manifest: AnchorMap = { "/chapters/alpha/": ["old-section"] };
    const aliases = { "/chapters/alpha/#old-section": "/chapters/alpha/#also-gone" };
    expect(findBrokenAnchors(manifest, built, aliases).map((p) => p.message)).toEqual([
      "anchor /chapters/alpha/#old-section is aliased to /chapters/alpha/#also-gone, which does not exist",
    ]);
  });

  it("fails when a whole page has disappeared, even with an alias (its URL must still answer)", async () => {
    const built = await collectAnchors(fixture);
    const manifest: AnchorMap = { "/chapters/renamed/": ["first-section"] };
    const aliases = { "/chapters/renamed/": "/chapters/alpha/" };
    expect(findBrokenAnchors(manifest, built, aliases).map((p) => p.location)).toEqual([
      "/chapters/renamed/",
    ]);
  });

  it("follows a page alias from a redirect page to the same id on the new page", () => {
    const built: AnchorMap = { "/chapters/old/": [], "/chapters/new/": ["first-section"] };
    const manifest: AnchorMap = { "/chapters/old/": ["first-section", "dropped"] };
    const aliases = { "/chapters/old/": "/chapters/new/" };
    expect(findBrokenAnchors(manifest, built, aliases).map((p) => p.location)).toEqual([
      "/chapters/old/#dropped",
    ]);
  });

  it("reports anchors the manifest does not record yet", async () => {
    const built = await collectAnchors(fixture);
    expect(findUnrecorded({ "/": ["chapters"] }, built)).toEqual([
      "/chapters/alpha/#a-detail",
      "/chapters/alpha/#fig-alpha",
      "/chapters/alpha/#first-section",
    ]);
  });

  it("reads ids from Astro-style heading wrappers", () => {
    const html = `<div class="heading-wrapper level-h2"><h2 id="x">X</h2><a href="#x">#</a></div>`;
    expect(extractAnchorIds(html)).toEqual(["x"]);
  });
});
