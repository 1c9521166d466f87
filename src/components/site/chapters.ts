import { type CollectionEntry, getCollection } from "astro:content";

export type Chapter = CollectionEntry<"chapters">;

/** What navigation needs to know about a chapter. */
export interface ChapterLink {
  readonly id: string;
  readonly title: string;
  readonly order: number;
  readonly href: string;
}

/** The route of a chapter: /chapters/<id>/ (ids are the MDX file names; keep them stable). */
export function chapterHref(id: string): string {
  return `/chapters/${id}/`;
}

/**
 * Chapters in reading order. Drafts are kept in `astro dev` (so authors can see them) and
 * dropped from production builds, navigation and the home page.
 */
export async function getPublishedChapters(): Promise<Chapter[]> {
  const all = await getCollection("chapters", (entry) => import.meta.env.DEV || !entry.data.draft);
  return all.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

export function toLink(entry: Chapter): ChapterLink {
  return { id: entry.id, title: entry.data.title, order: entry.data.order, href: chapterHref(entry.id) };
}
