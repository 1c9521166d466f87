/**
 * JavaScript budget of the built site: for every page, the gzipped size of all the JS it
 * loads, and whether that fits the budget.
 *
 * What a page "loads": its inline <script>s; its external scripts (`<script src>`,
 * `<link rel="modulepreload">`); for each island (`<astro-island>`) the component module
 * (`component-url`) and the framework renderer (`renderer-url`), which Astro imports when
 * the island hydrates; and, recursively, every module those import statically
 * (`import ... from "./x.js"`, `export ... from`, `import "./x.js"`). Dynamic `import()`
 * chunks and workers load only on demand and are not counted. Each file counts once per
 * page, gzipped on its own at level 9 (a slight over-estimate of what HTTP compression of
 * the inline scripts, which travel inside the HTML, really costs).
 *
 * The budget (issue 2):
 * - a page without widgets (no island) may load nothing beyond Astro's island runtime, plus
 *   SITE_SCRIPTS_ALLOWANCE for the site's own tiny scripts (theme before paint, theme toggle,
 *   copy-section-link). Astro's runtime is the inline `astro-island` element definition and
 *   its hydration directives (`(self.Astro||(self.Astro={})).visible=...`);
 * - a page with widgets may load at most WIDGET_PAGE_LIMIT in total, runtime included.
 *
 *   npm run budget [-- --root dist]     # prints the table, exits 1 if a page is over budget
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { listPages } from "./dist-pages.ts";

export const KB = 1024;

/** The budgets, in gzipped bytes. */
export const BUDGET = {
  /** Theme script (~0.3 KB gz), theme toggle (~0.7 KB), copy-link (~0.9 KB) with headroom. */
  SITE_SCRIPTS_ALLOWANCE: 4 * KB,
  /** All JS of a page with Plot widgets: Preact, Plot's used parts, widgets, core. */
  WIDGET_PAGE_LIMIT: 110 * KB,
} as const;

export type ScriptKind = "astro-runtime" | "inline" | "module";

export interface LoadedScript {
  /** `/_astro/x.js` for files, `inline #n` for inline scripts. */
  readonly name: string;
  readonly kind: ScriptKind;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface PageBudget {
  readonly path: string;
  readonly islands: number;
  readonly scripts: LoadedScript[];
  readonly runtimeGz: number;
  /** Everything but Astro's runtime. */
  readonly ownGz: number;
  readonly totalGz: number;
  /** What is measured against `limitGz`: `ownGz` without islands, `totalGz` with. */
  readonly measuredGz: number;
  readonly limitGz: number;
  readonly over: boolean;
  /** Imports that point at no file (a page that would break at runtime). */
  readonly missing: string[];
}

/** Signatures of Astro's inline island runtime and its `client:*` directive scripts. */
const ASTRO_RUNTIME_PATTERNS = [
  /customElements\.define\(\s*["']astro-island["']/,
  /\(self\.Astro\|\|\(self\.Astro=\{\}\)\)\.\w+\s*=/,
] as const;

export function isAstroRuntime(source: string): boolean {
  return ASTRO_RUNTIME_PATTERNS.some((pattern) => pattern.test(source));
}

/**
 * Static import specifiers of an ES module. `import(`, `import.meta` are not matched: after
 * the keyword comes either a quote directly (`import"./a.js"`) or a clause ending in `from`.
 */
export function staticImports(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:^|[^\w$.])(?:import|export)\s*(?:[^"'`();=]*?[\s}*]from\s*)?(["'`])([^"'`\n]+)\1/g;
  for (const match of source.matchAll(pattern)) specifiers.push(match[2]!);
  return specifiers;
}

function gzipSize(text: string | Buffer): number {
  return gzipSync(text, { level: 9 }).length;
}

interface FileInfo {
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly imports: string[];
}

export interface MeasureOptions {
  /** Built site; default `dist`. */
  root?: string;
}

export async function measureBudget(options: MeasureOptions = {}): Promise<PageBudget[]> {
  const root = resolve(options.root ?? "dist");
  const cache = new Map<string, FileInfo | null>();

  async function fileInfo(urlPath: string): Promise<FileInfo | null> {
    if (!cache.has(urlPath)) {
      try {
        const buffer = await readFile(resolve(root, `.${urlPath}`));
        cache.set(urlPath, {
          bytes: buffer.length,
          gzipBytes: gzipSize(buffer),
          imports: staticImports(buffer.toString("utf8")),
        });
      } catch {
        cache.set(urlPath, null);
      }
    }
    return cache.get(urlPath) ?? null;
  }

  /** Resolves a specifier against the importing module's URL path; only local paths count. */
  function resolveSpecifier(specifier: string, fromPath: string): string | null {
    if (!specifier.startsWith("/") && !specifier.startsWith("./") && !specifier.startsWith("../"))
      return null;
    return new URL(specifier, `http://site.invalid${fromPath}`).pathname;
  }

  const results: PageBudget[] = [];
  for (const page of await listPages(root)) {
    const { document } = parseHTML(await readFile(page.file, "utf8"));
    const scripts: LoadedScript[] = [];
    const missing: string[] = [];
    const seen = new Set<string>();
    const queue: { path: string; from: string }[] = [];
    const enqueue = (specifier: string | null, from: string) => {
      if (!specifier) return;
      const path = resolveSpecifier(specifier, from);
      if (path && !seen.has(path)) {
        seen.add(path);
        queue.push({ path, from });
      }
    };

    let inlineIndex = 0;
    for (const script of document.querySelectorAll("script")) {
      const type = (script.getAttribute("type") ?? "").toLowerCase();
      const executable = type === "" || type === "module" || type === "text/javascript";
      if (!executable) continue;
      const src = script.getAttribute("src");
      if (src) {
        enqueue(src, page.path);
        continue;
      }
      const source = script.textContent ?? "";
      inlineIndex++;
      scripts.push({
        name: `inline #${inlineIndex}`,
        kind: isAstroRuntime(source) ? "astro-runtime" : "inline",
        bytes: Buffer.byteLength(source),
        gzipBytes: gzipSize(source),
      });
      if (type === "module") for (const specifier of staticImports(source)) enqueue(specifier, page.path);
    }
    for (const link of document.querySelectorAll('link[rel="modulepreload"]')) {
      enqueue(link.getAttribute("href"), page.path);
    }
    const islands = document.querySelectorAll("astro-island");
    for (const island of islands) {
      enqueue(island.getAttribute("component-url"), page.path);
      enqueue(island.getAttribute("renderer-url"), page.path);
    }

    while (queue.length > 0) {
      const { path, from } = queue.shift()!;
      const info = await fileInfo(path);
      if (!info) {
        missing.push(`${path} (imported by ${from})`);
        continue;
      }
      scripts.push({ name: path, kind: "module", bytes: info.bytes, gzipBytes: info.gzipBytes });
      for (const specifier of info.imports) enqueue(specifier, path);
    }

    const sum = (list: readonly LoadedScript[]) => list.reduce((total, s) => total + s.gzipBytes, 0);
    const runtimeGz = sum(scripts.filter((s) => s.kind === "astro-runtime"));
    const totalGz = sum(scripts);
    const ownGz = totalGz - runtimeGz;
    const hasIslands = islands.length > 0;
    const measuredGz = hasIslands ? totalGz : ownGz;
    const limitGz = hasIslands ? BUDGET.WIDGET_PAGE_LIMIT : BUDGET.SITE_SCRIPTS_ALLOWANCE;
    results.push({
      path: page.path,
      islands: islands.length,
      scripts,
      runtimeGz,
      ownGz,
      totalGz,
      measuredGz,
      limitGz,
      over: measuredGz > limitGz || missing.length > 0,
      missing,
    });
  }
  return results;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** A fixed-width table, one row per page, and the largest files of each page with islands. */
export function formatBudgetTable(pages: readonly PageBudget[]): string {
  const header = ["page", "islands", "astro runtime", "site+widgets", "total gz", "budget", "status"];
  const rows = pages.map((p) => [
    p.path,
    String(p.islands),
    kb(p.runtimeGz),
    kb(p.ownGz),
    kb(p.totalGz),
    p.islands > 0 ? `total <= ${kb(p.limitGz)}` : `site+widgets <= ${kb(p.limitGz)}`,
    p.missing.length > 0 ? "MISSING IMPORT" : p.over ? "OVER" : "ok",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  for (const page of pages) {
    if (page.missing.length > 0) out.push(`  ${page.path}: missing ${page.missing.join(", ")}`);
  }
  const withIslands = pages.filter((p) => p.islands > 0);
  if (withIslands.length > 0) {
    const heaviest = withIslands.reduce((a, b) => (b.totalGz > a.totalGz ? b : a));
    const files = [...heaviest.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 8);
    out.push("", `largest scripts on ${heaviest.path}:`);
    for (const file of files) out.push(`  ${kb(file.gzipBytes).padStart(9)}  ${file.name} (${file.kind})`);
  }
  return out.join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const rootIndex = args.indexOf("--root");
  const root =
    rootIndex >= 0 ? args[rootIndex + 1] : resolve(dirname(fileURLToPath(import.meta.url)), "../dist");
  const pages = await measureBudget({ root });
  console.log(formatBudgetTable(pages));
  const over = pages.filter((p) => p.over);
  if (over.length > 0) {
    console.error(`\n${over.length} page(s) over the JS budget: ${over.map((p) => p.path).join(", ")}`);
    process.exit(1);
  }
}
