/**
 * Citations, references, exercises and the search index in the built site (dist/):
 * - every in-text citation (`#ref-<key>` link, Markdown or <Cite>) on a chapter names a key of
 *   src/data/references.ts and lands on that entry of the chapter's own reference list;
 * - /references/ has an entry `#ref-<key>` for every key, and each chapter's list only known keys;
 * - every chapter ends with a cite-this-page block whose BibTeX and plain text name the
 *   chapter's title and canonical URL;
 * - /instructors/ lists exactly the exercises the built chapters contain, each linked;
 * - Pagefind indexed every searchable page.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { listPages } from "../../scripts/dist-pages.ts";
import { isSearchable } from "../../scripts/search-index.ts";
import { isReferenceKey, REFERENCE_KEYS } from "../../src/data/references.ts";

const DIST = resolve("dist");
const pages = existsSync(DIST) ? await listPages(DIST) : [];
const chapters = pages.filter((p) => p.path.startsWith("/chapters/"));

async function load(path: string): Promise<Document> {
  const page = pages.find((p) => p.path === path);
  if (!page) throw new Error(`no page ${path} in dist/ (run \`npm run build\` first)`);
  return parseHTML(await readFile(page.file, "utf8")).document as unknown as Document;
}

test("dist has chapter pages", () => {
  expect(chapters.length, "run `npm run build` first").toBeGreaterThan(0);
});

describe.each(chapters.map((c) => c.path))("%s", (path) => {
  test("in-text citations name known works and land on the chapter's reference list", async () => {
    const doc = await load(path);
    const listed = new Set(
      Array.from(doc.querySelectorAll("section.references li[id^='ref-']"), (li) => li.id),
    );
    for (const id of listed) expect(isReferenceKey(id.slice(4)), `${path} lists unknown ${id}`).toBe(true);
    const problems: string[] = [];
    for (const a of doc.querySelectorAll<HTMLAnchorElement>("a[href^='#ref-']")) {
      const id = a.getAttribute("href")!.slice(1);
      if (!isReferenceKey(id.slice(4))) problems.push(`"${a.textContent}" cites unknown ${id}`);
      else if (!listed.has(id))
        problems.push(`"${a.textContent}" cites ${id}, not in the chapter's references frontmatter`);
    }
    expect(problems).toEqual([]);
  });

  test("ends with a cite-this-page block naming the title and URL", async () => {
    const doc = await load(path);
    const title = doc.querySelector("h1")?.textContent?.trim() ?? "";
    const canonical = doc.querySelector("link[rel=canonical]")?.getAttribute("href") ?? "";
    expect(canonical).toMatch(new RegExp(`${path}$`));
    const bibtex = doc.querySelector("#cite-bibtex")?.textContent ?? "";
    const plain = doc.querySelector("#cite-plain")?.textContent ?? "";
    expect(bibtex).toMatch(/^@misc\{[a-z0-9-]+,\n/);
    expect(bibtex).toContain(`title        = {{${title}}}`);
    expect(bibtex).toContain(`url          = {${canonical}}`);
    expect(plain).toContain(`"${title}"`);
    expect(plain.endsWith(canonical)).toBe(true);
    expect(doc.querySelectorAll("button[data-copy-target='cite-bibtex']").length).toBe(1);
  });
});

test("/references/ has an entry with a stable anchor and a link for every work", async () => {
  const doc = await load("/references/");
  const ids = Array.from(doc.querySelectorAll("li[id^='ref-']"), (li) => li.id).sort();
  expect(ids).toEqual(REFERENCE_KEYS.map((k) => `ref-${k}`).sort());
  for (const li of doc.querySelectorAll("li[id^='ref-']")) {
    expect(li.querySelector("a[href^='http']"), li.id).not.toBeNull();
  }
});

test("/instructors/ lists exactly the exercises of the built chapters, each linked", async () => {
  const built: string[] = [];
  for (const chapter of chapters) {
    const doc = await load(chapter.path);
    for (const ex of doc.querySelectorAll("aside.exercise[id]")) built.push(`${chapter.path}#${ex.id}`);
  }
  const doc = await load("/instructors/");
  const listed = Array.from(
    doc.querySelectorAll("a[data-exercise-link]"),
    (a) => a.getAttribute("href") ?? "",
  );
  expect(built.length).toBeGreaterThan(0);
  expect(listed.sort()).toEqual(built.sort());
});

test("Pagefind indexed every searchable page, and not the 404 or embed pages", async () => {
  const entry = JSON.parse(await readFile(resolve(DIST, "pagefind/pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  expect(indexed).toBe(pages.filter((p) => isSearchable(p.path)).length);
  expect(existsSync(resolve(DIST, "pagefind/pagefind.js"))).toBe(true);
});
