/**
 * One KaTeX version for the HTML and the CSS: rehype-katex renders the maths with whichever
 * `katex` it resolves, BaseLayout imports `katex/dist/katex.min.css` from the project's own
 * `katex`. Different versions use different class names and fonts, so the maths would
 * silently mis-render. This pins them together.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const versionOf = (packageJson: string) =>
  (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version;

describe("KaTeX", () => {
  it("rehype-katex renders with the same katex version whose CSS the layout imports", () => {
    // Resolve `katex` the way rehype-katex's own module does (it may have a nested copy).
    const rehypeKatexEntry = fileURLToPath(import.meta.resolve("rehype-katex"));
    const katexForRehype = createRequire(rehypeKatexEntry).resolve("katex/package.json");
    const katexForCss = require.resolve("katex/package.json");
    expect(versionOf(katexForRehype)).toBe(versionOf(katexForCss));
    const layout = readFileSync("src/layouts/BaseLayout.astro", "utf8");
    expect(layout).toContain('import "katex/dist/katex.min.css";');
  });

  it("is the version package.json pins", () => {
    const pinned = (
      JSON.parse(readFileSync("package.json", "utf8")) as { devDependencies: Record<string, string> }
    ).devDependencies.katex;
    expect(versionOf(require.resolve("katex/package.json"))).toBe(pinned);
  });
});
