/**
 * The site search index: Pagefind run over the built pages, written to dist/pagefind/.
 * It runs as an Astro integration at the end of every `astro build` (astro.config.mjs), so
 * `npm run build`, `npx astro build` and the test script all produce it; it is offline (the
 * binary ships inside the `pagefind` npm package).
 *
 * What is indexed: each page's <main>, without what is not prose — KaTeX's visual glyph
 * boxes (the MathML text stays searchable), chart SVGs, the inline contents block, the
 * section-link controls and the cite-this-page block. Left out: the 404 page and the
 * chrome-less embed pages (/embed/...), which are for iframes, not for readers arriving
 * from search.
 *
 *   npx tsx scripts/search-index.ts [dist]   # re-index an existing build by hand
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
// Static import: the config is loaded through Vite's module runner, which is closed by the
// time astro:build:done runs, so a dynamic import() there fails. Pagefind starts its
// service binary on the first call, not on import.
import * as pagefind from "pagefind";
import { listFiles, listPages } from "./dist-pages.ts";

/** Pages a reader should be able to land on from a search. */
export function isSearchable(path: string): boolean {
  return path !== "/404.html" && !path.startsWith("/embed/");
}

export const EXCLUDE_SELECTORS = [
  ".katex-html",
  "svg",
  ".contents-inline",
  ".heading-anchor",
  ".cite-page",
  "script",
  "style",
] as const;

export interface SearchIndexReport {
  readonly pages: number;
  readonly files: number;
}

export async function buildSearchIndex(dist: string): Promise<SearchIndexReport> {
  const { index, errors } = await pagefind.createIndex({
    rootSelector: "main",
    excludeSelectors: [...EXCLUDE_SELECTORS],
    forceLanguage: "en",
  });
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  try {
    let pages = 0;
    for (const page of await listPages(dist)) {
      if (!isSearchable(page.path)) continue;
      const added = await index.addHTMLFile({ url: page.path, content: await readFile(page.file, "utf8") });
      if (added.errors.length > 0) throw new Error(`pagefind ${page.path}: ${added.errors.join("; ")}`);
      pages++;
    }
    const written = await index.writeFiles({ outputPath: resolve(dist, "pagefind") });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join("; ")}`);
    const files = (await listFiles(resolve(dist, "pagefind"))).length;
    return { pages, files };
  } finally {
    await pagefind.close();
  }
}

/** Astro integration: index the site once the build has written it. */
export function searchIndex(): AstroIntegration {
  return {
    name: "site-search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const report = await buildSearchIndex(fileURLToPath(dir));
        logger.info(
          `indexed ${report.pages} pages (${report.files} files in pagefind/) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? "dist");
  const report = await buildSearchIndex(dist);
  console.log(`pagefind: indexed ${report.pages} pages into ${dist}/pagefind (${report.files} files)`);
}
