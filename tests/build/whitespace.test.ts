/**
 * Words glued to links in the built pages. Astro 7 compiles .astro templates with JSX
 * whitespace rules (compressHTML: "jsx"): a line break between text and an element is
 * dropped, so
 *
 *   see the
 *   <a href="/references/">references page</a>
 *
 * renders "see thereferences page". The fix is an explicit {" "}; this test finds the places
 * that need one: a letter or digit on one side of an inline element's edge and a letter,
 * digit or "(" on the other, with nothing between. Maths (KaTeX), code blocks, scripts and
 * SVG are left out: their markup is glued on purpose.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { listPages } from "../../scripts/dist-pages.ts";

const DIST = resolve("dist");
const pages = existsSync(DIST) ? await listPages(DIST) : [];

const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}(]/u;

/** A sentence glued on after an element: "licence</a>.Open source". */
const GLUED_SENTENCE = /^[.,;:]\p{L}/u;

/**
 * Where `el` touches a word of the text beside it, or null. Only text-node neighbours count:
 * two elements side by side are often spaced by CSS (a figure number and its caption).
 */
function gluedAt(el: Element): string | null {
  const text = el.textContent ?? "";
  if (text.trim() === "") return null;
  const textOf = (n: ChildNode | null) => (n?.nodeType === 3 ? (n.textContent ?? "") : "");
  const beforeText = textOf(el.previousSibling);
  const afterText = textOf(el.nextSibling);
  if (WORD_END.test(beforeText) && WORD_START.test(text))
    return `…${beforeText.slice(-20)}|${text.slice(0, 20)}`;
  if (WORD_END.test(text) && (WORD_START.test(afterText) || GLUED_SENTENCE.test(afterText))) {
    return `${text.slice(-20)}|${afterText.slice(0, 20)}…`;
  }
  return null;
}

test("dist has pages", () => {
  expect(pages.length, "run `npm run build` first").toBeGreaterThan(0);
});

describe.each(pages.map((p) => p.path))("%s", (path) => {
  test("no word is glued to a link or inline element", async () => {
    const page = pages.find((p) => p.path === path);
    if (!page) throw new Error(`no page ${path}`);
    const { document } = parseHTML(await readFile(page.file, "utf8"));
    for (const skip of Array.from(
      document.querySelectorAll(
        ".katex, pre, script, style, svg, template, .visually-hidden, [aria-hidden='true']",
      ),
    )) {
      skip.remove();
    }
    const glued: string[] = [];
    for (const el of Array.from(document.querySelectorAll("a, code, strong, em, kbd, cite"))) {
      const where = gluedAt(el);
      if (where) glued.push(where);
    }
    expect(glued, `${path}: add {" "} at these line breaks in the .astro source`).toEqual([]);
  });
});
