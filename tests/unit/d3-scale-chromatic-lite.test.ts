/**
 * src/components/charts/d3-scale-chromatic-lite.ts stands in for d3-scale-chromatic in the
 * site's bundle and in these tests (astro.config.mjs and vitest.config.ts alias it). It must
 * export every name the real package does (Plot imports them all through the d3 umbrella) and
 * make each fail with a message that says what to do; and no chart may name a d3 scheme.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as lite from "../../src/components/charts/d3-scale-chromatic-lite";

const root = join(import.meta.dirname, "../..");

/** The real package's export names, read from its ES module (the alias hides the package). */
function realExportNames(): string[] {
  const src = readFileSync(join(root, "node_modules/d3-scale-chromatic/dist/d3-scale-chromatic.mjs"), "utf8");
  const list = src.match(/export \{([^}]*)\}/)?.[1] ?? "";
  return list
    .split(",")
    .map((s) => s.trim().split(" as ").at(-1)!)
    .sort();
}

describe("d3-scale-chromatic stand-in", () => {
  it("exports exactly the real package's names", () => {
    const names = realExportNames();
    expect(names.length).toBeGreaterThan(70);
    expect(Object.keys(lite).sort()).toEqual(names);
  });

  it("fails clearly for any scheme a chart asks for", () => {
    expect(() => lite.interpolateViridis(0.5)).toThrow(/interpolateViridis is not in this site's bundle/);
    expect(() => lite.schemeGreys[3]).toThrow(/give the chart's colour scale a range/);
    expect(() => lite.schemeObservable10.length).toThrow(/schemeObservable10/);
  });

  it("no chart names a d3 colour scheme", () => {
    const dir = join(root, "src/components");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f));
    for (const f of files) {
      const text = readFileSync(join(dir, f), "utf8");
      expect(text.match(/color:\s*\{[^}]*scheme:/), `${f} names a d3 colour scheme`).toBeNull();
    }
  });
});
