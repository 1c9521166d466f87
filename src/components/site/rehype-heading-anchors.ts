import type { Element, ElementContent, Root, RootContent } from "hast";

/**
 * Rehype plugin: give every top-level h2/h3 of a chapter a visible "link to this section"
 * control, rendered at build time so it exists without JavaScript.
 *
 *   <h2 id="x">Title</h2>
 * becomes
 *   <div class="heading-wrapper level-h2">
 *     <h2 id="x">Title</h2>
 *     <a class="heading-anchor" href="#x" data-heading-anchor>
 *       <svg aria-hidden="true">…</svg><span class="visually-hidden">Link to section: Title</span>
 *     </a>
 *   </div>
 *
 * Without JavaScript the control is an ordinary fragment link (the address bar then holds
 * the section's URL); heading-anchors.ts upgrades it to copy the full URL with feedback.
 * The link sits beside the heading, not inside it, so the heading's accessible name and
 * the text Astro collects for the table of contents stay exactly the heading's own text.
 *
 * Needs heading ids: run Astro's `rehypeHeadingIds` before this plugin (astro.config.mjs).
 */
export interface HeadingAnchorOptions {
  /** Heading levels that get a control. */
  readonly levels?: readonly number[];
}

const DEFAULT_LEVELS = [2, 3] as const;

/**
 * Where the plugin leaves each heading's readable text: `headingTexts` (id → text) in the
 * entry's frontmatter as plugins see it, which Astro returns from render() as
 * `remarkPluginFrontmatter`. Astro's own heading list reads every text node, so a heading
 * with maths would show KaTeX's MathML, TeX source and visual HTML run together
 * ("(w,b)(w, b)(w,b)"); the table of contents uses this text instead.
 */
export const HEADING_TEXTS_KEY = "headingTexts";

interface AstroVFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export default function rehypeHeadingAnchors(options: HeadingAnchorOptions = {}) {
  const levels = new Set<number>(options.levels ?? DEFAULT_LEVELS);
  return (tree: Root, file?: { data: AstroVFileData }): void => {
    const texts: Record<string, string> = {};
    tree.children = tree.children.map((node) => {
      const level = headingLevel(node);
      if (level !== undefined && node.type === "element" && typeof node.properties.id === "string") {
        texts[node.properties.id] = accessibleText(node);
      }
      return wrapIfHeading(node, levels);
    });
    if (file) {
      file.data.astro ??= {};
      file.data.astro.frontmatter ??= {};
      file.data.astro.frontmatter[HEADING_TEXTS_KEY] = texts;
    }
  };
}

/** The readable heading texts recorded by the plugin, from render()'s remarkPluginFrontmatter. */
export function headingTextsOf(remarkPluginFrontmatter: Record<string, unknown>): Record<string, string> {
  const value = remarkPluginFrontmatter[HEADING_TEXTS_KEY];
  return value && typeof value === "object" ? (value as Record<string, string>) : {};
}

function headingLevel(node: RootContent): number | undefined {
  if (node.type !== "element") return undefined;
  const match = /^h([1-6])$/.exec(node.tagName);
  return match ? Number(match[1]) : undefined;
}

function wrapIfHeading(node: RootContent, levels: ReadonlySet<number>): RootContent {
  const level = headingLevel(node);
  if (level === undefined || !levels.has(level) || node.type !== "element") return node;
  const id = node.properties.id;
  if (typeof id !== "string" || id === "") return node;
  return {
    type: "element",
    tagName: "div",
    properties: { className: ["heading-wrapper", `level-h${level}`] },
    children: [node, anchorLink(id, accessibleText(node))],
  };
}

function anchorLink(id: string, title: string): Element {
  return {
    type: "element",
    tagName: "a",
    properties: { className: ["heading-anchor"], href: `#${id}`, dataHeadingAnchor: "" },
    children: [
      linkIcon(),
      {
        type: "element",
        tagName: "span",
        properties: { className: ["visually-hidden"] },
        children: [{ type: "text", value: `Link to section: ${title}` }],
      },
    ],
  };
}

/** A chain-link icon (two rounded links), drawn in currentColor. */
function linkIcon(): Element {
  const path = (d: string): Element => ({
    type: "element",
    tagName: "path",
    properties: { d },
    children: [],
  });
  return {
    type: "element",
    tagName: "svg",
    properties: {
      ariaHidden: "true",
      focusable: "false",
      viewBox: "0 0 24 24",
      width: "18",
      height: "18",
      fill: "none",
      stroke: "currentColor",
      strokeWidth: "2",
      strokeLinecap: "round",
      strokeLinejoin: "round",
    },
    children: [
      path("M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5"),
      path("M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5"),
    ],
  };
}

/**
 * The heading's text as a screen reader hears it: skips aria-hidden subtrees (KaTeX's
 * visual HTML) and TeX source annotations, keeping KaTeX's MathML text (e.g. "σ′(x)").
 */
export function accessibleText(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type !== "element") return "";
  if (String(node.properties.ariaHidden) === "true" || node.tagName === "annotation") return "";
  return node.children.map(accessibleText).join("").replace(/\s+/g, " ").trim();
}
