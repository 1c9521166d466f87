/**
 * Link checker for the built site: every internal link and asset reference in dist resolves
 * to a file, and every `#fragment` names an id on the target page, so that links from
 * coursework and the site's own navigation never rot. It also fails on any asset (script,
 * stylesheet, image, font, iframe) fetched from another host: the site is self-hosted.
 *
 * What it reads, per HTML page: href/src/srcset/poster/action of the usual elements, SVG
 * `href`/`xlink:href`, `<meta http-equiv="refresh">` targets (redirect pages), and `url(...)`
 * in inline `style` attributes; per CSS file: every `url(...)` (fonts, images).
 *
 * URLs on the site's own origin (`site` in astro.config.mjs, used by canonical links) count
 * as internal. Links to other hosts in <a> are references to the outside world: listed, not
 * fetched (no network here).
 *
 *   npx tsx scripts/check-links.ts [--root dist]      # prints problems, exits 1 if any
 */
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import { listFiles, urlPathOf } from "./dist-pages.ts";

export interface LinkProblem {
  /** URL path of the page or stylesheet where the reference is. */
  readonly source: string;
  /** The reference as written. */
  readonly ref: string;
  readonly reason: string;
}

export interface LinkReport {
  readonly pages: number;
  readonly stylesheets: number;
  /** Internal references checked (including fragments). */
  readonly checked: number;
  /** Distinct links to other hosts (in <a>, not fetched). */
  readonly external: string[];
  readonly problems: LinkProblem[];
}

export interface CheckLinksOptions {
  /** The built site; default `dist`. */
  root?: string;
  /** Origins that mean "this site" (e.g. `https://vanishing-gradients.example.org`). */
  siteOrigins?: readonly string[];
}

/** Where references live in HTML. `asset` references are fetched by the browser. */
const REFERENCE_ATTRIBUTES = [
  { selector: "a[href]", attr: "href", asset: false },
  { selector: "area[href]", attr: "href", asset: false },
  { selector: "link[href]", attr: "href", asset: true },
  { selector: "script[src]", attr: "src", asset: true },
  { selector: "img[src]", attr: "src", asset: true },
  { selector: "img[srcset]", attr: "srcset", asset: true },
  { selector: "source[src]", attr: "src", asset: true },
  { selector: "source[srcset]", attr: "srcset", asset: true },
  { selector: "video[src]", attr: "src", asset: true },
  { selector: "video[poster]", attr: "poster", asset: true },
  { selector: "audio[src]", attr: "src", asset: true },
  { selector: "track[src]", attr: "src", asset: true },
  { selector: "iframe[src]", attr: "src", asset: true },
  { selector: "embed[src]", attr: "src", asset: true },
  { selector: "object[data]", attr: "data", asset: true },
  { selector: "form[action]", attr: "action", asset: false },
  { selector: "use[href]", attr: "href", asset: true },
  { selector: "image[href]", attr: "href", asset: true },
  { selector: "astro-island[component-url]", attr: "component-url", asset: true },
  { selector: "astro-island[renderer-url]", attr: "renderer-url", asset: true },
] as const;

/** `<link rel>` values that are metadata, not fetched resources. */
const NON_FETCHED_LINK_RELS = new Set([
  "canonical",
  "alternate",
  "author",
  "license",
  "me",
  "help",
  "search",
]);

/** Schemes that never resolve to a file of ours. */
const SKIPPED_SCHEMES = new Set(["mailto:", "tel:", "sms:", "data:", "blob:"]);

/** The page-local base every path is resolved against. */
const LOCAL_ORIGIN = "http://site.invalid";

interface ParsedPage {
  readonly ids: Set<string>;
}

function srcsetUrls(value: string): string[] {
  return value
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter((url) => url !== "");
}

function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const match of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
    const url = match[1] ?? match[2] ?? match[3] ?? "";
    if (url !== "" && !url.startsWith("#")) urls.push(url);
  }
  return urls;
}

async function fileKind(path: string): Promise<"file" | "dir" | "none"> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? "dir" : "file";
  } catch {
    return "none";
  }
}

export async function checkLinks(options: CheckLinksOptions = {}): Promise<LinkReport> {
  const root = resolve(options.root ?? "dist");
  const siteOrigins = new Set((options.siteOrigins ?? []).map((origin) => new URL(origin).origin));
  const files = await listFiles(root);
  const htmlFiles = files.filter((file) => file.endsWith(".html"));
  const cssFiles = files.filter((file) => file.endsWith(".css"));

  const problems: LinkProblem[] = [];
  const external = new Set<string>();
  let checked = 0;

  // Pass 1: parse every page once; remember its ids (for fragments) and its references.
  const pages = new Map<string, ParsedPage>();
  const references: { source: string; ref: string; asset: boolean }[] = [];
  for (const file of htmlFiles) {
    const source = urlPathOf(root, file);
    const { document } = parseHTML(await readFile(file, "utf8"));
    const ids = new Set<string>();
    for (const element of document.querySelectorAll("[id]")) {
      const id = element.getAttribute("id") ?? "";
      if (ids.has(id)) problems.push({ source, ref: `#${id}`, reason: "duplicate id on the page" });
      ids.add(id);
    }
    for (const element of document.querySelectorAll("a[name]")) ids.add(element.getAttribute("name") ?? "");
    pages.set(source, { ids });

    for (const { selector, attr, asset } of REFERENCE_ATTRIBUTES) {
      for (const element of document.querySelectorAll(selector)) {
        const value = element.getAttribute(attr) ?? "";
        const rel = (element.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
        const fetched =
          asset && !(selector.startsWith("link") && rel.some((r) => NON_FETCHED_LINK_RELS.has(r)));
        const urls = attr === "srcset" ? srcsetUrls(value) : [value];
        for (const ref of urls) references.push({ source, ref, asset: fetched });
      }
    }
    for (const element of document.querySelectorAll("[xlink\\:href]")) {
      references.push({ source, ref: element.getAttribute("xlink:href") ?? "", asset: true });
    }
    for (const element of document.querySelectorAll('meta[http-equiv="refresh" i]')) {
      const target = /url\s*=\s*['"]?([^'"]+)/i.exec(element.getAttribute("content") ?? "")?.[1];
      if (target) references.push({ source, ref: target.trim(), asset: false });
    }
    for (const element of document.querySelectorAll("[style]")) {
      for (const ref of cssUrls(element.getAttribute("style") ?? ""))
        references.push({ source, ref, asset: true });
    }
    for (const element of document.querySelectorAll("style")) {
      for (const ref of cssUrls(element.textContent ?? "")) references.push({ source, ref, asset: true });
    }
  }
  for (const file of cssFiles) {
    const source = urlPathOf(root, file);
    for (const ref of cssUrls(await readFile(file, "utf8"))) references.push({ source, ref, asset: true });
  }

  // Pass 2: resolve each reference against its source and check file and fragment.
  for (const { source, ref, asset } of references) {
    if (ref === "") {
      problems.push({ source, ref, reason: "empty URL" });
      continue;
    }
    let url: URL;
    try {
      url = new URL(ref, `${LOCAL_ORIGIN}${source}`);
    } catch {
      problems.push({ source, ref, reason: "not a valid URL" });
      continue;
    }
    if (SKIPPED_SCHEMES.has(url.protocol)) continue;
    if (url.protocol === "javascript:") {
      problems.push({ source, ref, reason: "javascript: URL" });
      continue;
    }
    const internal = url.origin === LOCAL_ORIGIN || siteOrigins.has(url.origin);
    if (!internal) {
      if (asset) problems.push({ source, ref, reason: "asset loaded from another host" });
      else external.add(url.href);
      continue;
    }
    checked++;
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      problems.push({ source, ref, reason: "undecodable path" });
      continue;
    }
    const target = resolve(root, `.${pathname}`);
    if (target !== root && !target.startsWith(`${root}/`)) {
      problems.push({ source, ref, reason: "points outside the site" });
      continue;
    }
    let targetPage: string | undefined;
    if (pathname.endsWith("/")) {
      if ((await fileKind(resolve(target, "index.html"))) !== "file") {
        problems.push({ source, ref, reason: `no page at ${pathname}` });
        continue;
      }
      targetPage = pathname;
    } else {
      const kind = await fileKind(target);
      if (kind === "dir") {
        problems.push({ source, ref, reason: `missing trailing slash (the page is ${pathname}/)` });
        continue;
      }
      if (kind === "none") {
        problems.push({ source, ref, reason: `no file at ${pathname}` });
        continue;
      }
      if (pathname.endsWith(".html")) targetPage = pathname;
    }
    const fragment = url.hash.slice(1);
    if (fragment === "" || targetPage === undefined) continue;
    let id: string;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      problems.push({ source, ref, reason: "undecodable fragment" });
      continue;
    }
    // "#top" scrolls to the top of any HTML page (HTML spec), id or not.
    if (id === "top") continue;
    if (!pages.get(targetPage)?.ids.has(id)) {
      problems.push({ source, ref, reason: `no id="${id}" on ${targetPage}` });
    }
  }

  return {
    pages: htmlFiles.length,
    stylesheets: cssFiles.length,
    checked,
    external: [...external].sort(),
    problems,
  };
}

/**
 * The site's own origin, `site: "..."` in astro.config.mjs, so canonical URLs count as
 * internal. Read as text: importing the config loads all of Astro (15 s+ on a busy machine).
 */
export async function configuredSiteOrigins(): Promise<string[]> {
  const configPath = resolve(fileURLToPath(new URL("..", import.meta.url)), "astro.config.mjs");
  const site = /^\s*site:\s*["'`]([^"'`]+)["'`]/m.exec(await readFile(configPath, "utf8"))?.[1];
  return site ? [site] : [];
}

export function formatLinkProblems(problems: readonly LinkProblem[]): string {
  return problems.map((p) => `${p.source}: ${p.ref} — ${p.reason}`).join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const rootIndex = args.indexOf("--root");
  const report = await checkLinks({
    root: rootIndex >= 0 ? args[rootIndex + 1] : "dist",
    siteOrigins: await configuredSiteOrigins(),
  });
  console.log(
    `checked ${report.checked} internal references on ${report.pages} pages and ${report.stylesheets} stylesheets; ` +
      `${report.external.length} external links (not fetched)`,
  );
  if (report.problems.length > 0) {
    console.error(`${report.problems.length} broken:\n${formatLinkProblems(report.problems)}`);
    process.exit(1);
  }
}
