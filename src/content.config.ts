import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
import { REFERENCE_KEYS } from "./data/references";

/**
 * Chapters: one MDX file per chapter in src/content/chapters. The file name (without
 * extension) is the chapter id and its route, /chapters/<id>/ — never rename a published
 * chapter: coursework links to it (tests/anchors.manifest.json records its anchors).
 */
const chapters = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./src/content/chapters" }),
  schema: z.object({
    title: z.string().min(3),
    /** Position in the reading order (1 = first); navigation and prev/next follow it. */
    order: z.number().int().min(1),
    /** One or two sentences, shown on the home page and as the page description. */
    summary: z.string().min(10),
    /** Learning objectives: what a reader can do after the chapter. */
    objectives: z.array(z.string()).min(1),
    /** Keys of src/data/references.ts; an unknown key fails the build. */
    references: z.array(z.enum(REFERENCE_KEYS)).default([]),
    /** A draft builds in `astro dev` but is left out of production builds and navigation. */
    draft: z.boolean().default(false),
  }),
});

export const collections = { chapters };
