import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

const chapters = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./src/content/chapters" }),
  schema: z.object({
    title: z.string().min(3),
    order: z.number().int().min(1),
    summary: z.string().min(10),
    objectives: z.array(z.string()).min(1),
    references: z.array(z.string()).default([]),
  }),
});

export const collections = { chapters };
