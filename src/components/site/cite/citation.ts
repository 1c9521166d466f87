/**
 * Citation text for the site's own pages and short in-text labels for the works it cites.
 * Pure functions (no Astro, no DOM) so tests can check every format.
 *
 *   pageCitation({ title: "The sigmoid", path: "/chapters/01-sigmoid/", site: "https://x.org", ... })
 *     .plain  → 'Vanishing Gradients, explorable contributors (2026). "The sigmoid". In …. https://x.org/chapters/01-sigmoid/'
 *     .bibtex → '@misc{vanishing-gradients-explorable-01-sigmoid, ...}'
 *
 *   shortCitation("glorot2010") → "Glorot & Bengio 2010";  shortCitation("he2016") → "He et al. 2016"
 */
import { REFERENCES, type ReferenceKey } from "../../../data/references";

/**
 * Surnames from an author list printed as "Surname, I., Surname, I. and Surname, I.":
 * after turning the final " and " into a comma, names and initials alternate.
 */
export function surnames(authors: string): string[] {
  const parts = authors
    .replace(/\s+and\s+/g, ", ")
    .split(/,\s*/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return parts.filter((_, i) => i % 2 === 0);
}

/** "Nielsen", "Glorot & Bengio", "He et al." — the usual author-year label. */
export function shortAuthors(authors: string): string {
  const names = surnames(authors);
  if (names.length === 0) return authors;
  if (names.length === 1) return names[0]!;
  if (names.length === 2) return `${names[0]} & ${names[1]}`;
  return `${names[0]} et al.`;
}

/** The in-text label of a cited work: "Glorot & Bengio 2010". */
export function shortCitation(key: ReferenceKey): string {
  const r = REFERENCES[key];
  return `${shortAuthors(r.authors)} ${r.year}`;
}

/**
 * Escapes text for a BibTeX field inside braces: the characters LaTeX treats specially
 * (\ { } $ & % # _ ^ ~) would otherwise break the entry or change its meaning.
 */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}$&%#_^~]/g, (ch) => {
    switch (ch) {
      case "\\":
        return "\\textbackslash{}";
      case "^":
        return "\\textasciicircum{}";
      case "~":
        return "\\textasciitilde{}";
      default:
        return `\\${ch}`;
    }
  });
}

/** A BibTeX key from free text: lower-case ASCII letters, digits and hyphens only. */
export function bibtexKey(...parts: string[]): string {
  return parts
    .join("-")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "") // "Ü" → "U" + combining diaeresis → "U"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export interface PageCitationInput {
  /** The page's title, e.g. a chapter title. */
  readonly title: string;
  /** Its route, e.g. "/chapters/01-sigmoid/". */
  readonly path: string;
  /** The site's origin, e.g. "https://vanishing-gradients.example.org". */
  readonly site: string;
  /** The site's title; authors are "<siteTitle> contributors". */
  readonly siteTitle: string;
  readonly year: number;
}

export interface PageCitation {
  readonly url: string;
  readonly key: string;
  readonly plain: string;
  readonly bibtex: string;
}

/** Plain-text and BibTeX citations of one page of the site. */
export function pageCitation(input: PageCitationInput): PageCitation {
  const url = new URL(input.path, input.site).href;
  const author = `${input.siteTitle} contributors`;
  const slug = input.path.split("/").filter(Boolean).at(-1) ?? "home";
  const key = bibtexKey(input.siteTitle.replace(/,.*$/, ""), "explorable", slug);
  const plain = `${author} (${input.year}). "${input.title}". In ${input.siteTitle}. ${url}`;
  // Double braces keep BibTeX from re-casing the title and from splitting the collective
  // author into "first last" parts.
  const bibtex = [
    `@misc{${key},`,
    `  author       = {{${bibtexEscape(author)}}},`,
    `  title        = {{${bibtexEscape(input.title)}}},`,
    `  booktitle    = {{${bibtexEscape(input.siteTitle)}}},`,
    `  year         = {${input.year}},`,
    `  howpublished = {\\url{${url}}},`,
    `  url          = {${url}}`,
    "}",
  ].join("\n");
  return { url, key, plain, bibtex };
}
