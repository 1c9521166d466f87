/**
 * The JavaScript budget (scripts/js-budget.ts) on the built site, with its table printed, and
 * on tests/fixtures/budget-site, where it must flag a widget-free page carrying JS, a widget
 * page above 110 KB gzipped and a broken import.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BUDGET, formatBudgetTable, KB, measureBudget, staticImports } from "../../scripts/js-budget.ts";

describe("the built site (dist)", () => {
  test("every page fits its JS budget", async () => {
    const pages = await measureBudget({ root: "dist" });
    console.info(`JS budget per page (gzipped):\n${formatBudgetTable(pages)}`);
    expect(pages.length, "run `npm run build` first").toBeGreaterThan(0);
    const over = pages
      .filter((p) => p.over)
      .map(
        (p) =>
          `${p.path}: ${(p.measuredGz / KB).toFixed(1)} KB > ${(p.limitGz / KB).toFixed(1)} KB ${p.missing}`,
      );
    expect(over).toEqual([]);
  });
});

describe("the budget on a fixture site", () => {
  let root: string;
  beforeAll(async () => {
    // The over-budget widget needs ~120 KB of gzip-incompressible JS; generated, not committed.
    root = await mkdtemp(join(tmpdir(), "budget-site-"));
    await cp("tests/fixtures/budget-site", root, { recursive: true });
    let state = 2463534242; // xorshift32: deterministic bytes that gzip cannot shrink
    const bytes = new Uint8Array(120_000);
    for (let i = 0; i < bytes.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      bytes[i] = state & 0xff;
    }
    await writeFile(
      join(root, "_astro/heavy-data.js"),
      `export const DATA = "${Buffer.from(bytes).toString("base64")}";\n`,
    );
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test("flags exactly the pages over budget, for the right reason", async () => {
    const pages = await measureBudget({ root });
    console.info(`fixture budget table:\n${formatBudgetTable(pages)}`);
    const byPath = new Map(pages.map((p) => [p.path, p]));

    const home = byPath.get("/")!;
    expect(home.over).toBe(false);
    expect(home.runtimeGz).toBeGreaterThan(0); // Astro's runtime is recognised and exempt

    const plainOver = byPath.get("/plain-over/")!;
    expect(plainOver.islands).toBe(0);
    expect(plainOver.limitGz).toBe(BUDGET.SITE_SCRIPTS_ALLOWANCE);
    expect(plainOver.scripts.map((s) => s.name)).toEqual(["inline #1", "/_astro/extra.js", "/_astro/dep.js"]);
    expect(plainOver.over).toBe(true);

    const widgetOk = byPath.get("/widget-ok/")!;
    expect(widgetOk.over).toBe(false);
    expect(
      widgetOk.scripts
        .filter((s) => s.kind === "module")
        .map((s) => s.name)
        .sort(),
    ).toEqual(["/_astro/Widget.js", "/_astro/client.js", "/_astro/shared.js"]);

    const widgetOver = byPath.get("/widget-over/")!;
    expect(widgetOver.limitGz).toBe(BUDGET.WIDGET_PAGE_LIMIT);
    expect(widgetOver.totalGz).toBeGreaterThan(BUDGET.WIDGET_PAGE_LIMIT);
    expect(widgetOver.missing).toEqual([]);
    expect(widgetOver.over).toBe(true);

    const broken = byPath.get("/broken-import/")!;
    expect(broken.missing).toEqual(["/_astro/missing-chunk.js (imported by /broken-import/)"]);
    expect(broken.over).toBe(true);

    expect(formatBudgetTable(pages)).toMatch(/\/widget-over\/ .* OVER$/m);
  });
});

describe("static import discovery", () => {
  test("finds minified and formatted static imports and re-exports, not dynamic import() or import.meta", () => {
    const source = [
      'import{a as e,i as t}from"./preact.module.CD939L6c.js";import"./side-effect.js";',
      'export{x}from"./re-export.js";export*from"../up.js";',
      'import { h } from "./formatted.js";',
      "import Default, { named } from './mixed.js';",
      "const lazy = () => import(`./signals.module.js`); const u = import.meta.url;",
      'const text = "imports are described in the docs";',
    ].join("\n");
    expect(staticImports(source)).toEqual([
      "./preact.module.CD939L6c.js",
      "./side-effect.js",
      "./re-export.js",
      "../up.js",
      "./formatted.js",
      "./mixed.js",
    ]);
  });
});
