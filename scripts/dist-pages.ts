/**
 * The pages of a built site: every `*.html` under a dist directory, with the URL path a
 * static host serves it at (trailingSlash "always": `chapters/01-sigmoid/index.html` is
 * `/chapters/01-sigmoid/`, `404.html` stays `/404.html`). Shared by the link checker, the JS
 * budget, the e2e sweep and the screenshot tool so they all see the same list of pages.
 */
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

export interface DistPage {
  /** Absolute path of the HTML file. */
  readonly file: string;
  /** URL path, e.g. `/`, `/chapters/01-sigmoid/`, `/404.html`. */
  readonly path: string;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return Promise.resolve(entry.isFile() ? [full] : []);
    }),
  );
  return nested.flat();
}

/** Every file under `root` (absolute paths), sorted. */
export async function listFiles(root: string): Promise<string[]> {
  return (await walk(root)).sort();
}

/** `index.html` → its directory URL with a trailing slash; any other file keeps its name. */
export function urlPathOf(root: string, file: string): string {
  const rel = relative(root, file).split(sep).join("/");
  if (rel === "index.html") return "/";
  if (rel.endsWith("/index.html")) return `/${rel.slice(0, -"index.html".length)}`;
  return `/${rel}`;
}

export async function listPages(root: string): Promise<DistPage[]> {
  const files = await listFiles(root);
  return files
    .filter((file) => file.endsWith(".html"))
    .map((file) => ({ file, path: urlPathOf(root, file) }));
}
