import type { Element, ElementContent, Root } from "hast";

/**
 * Rehype plugin: keep inline maths together with the punctuation that follows it.
 *
 * KaTeX renders inline maths as inline-block boxes, and a line may break after such a box,
 * so "… where $x$, the input …" can leave the comma alone at the start of the next line.
 * We wrap each inline formula and the punctuation right after it in
 * `<span class="math-nowrap">` (white-space: nowrap, global.css). Display maths and the
 * text beyond the punctuation are untouched. Runs after rehype-katex.
 */
const TRAILING_PUNCTUATION = /^[,.;:!?)\]\u2019\u201d\u2026]+/;

function hasClass(node: Element, name: string): boolean {
  const cls = node.properties.className;
  return Array.isArray(cls) && cls.includes(name);
}

function isInlineKatex(node: ElementContent): boolean {
  return node.type === "element" && hasClass(node, "katex");
}

function wrapChildren(parent: { children: ElementContent[] }): void {
  const out: ElementContent[] = [];
  const kids = parent.children;
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i]!;
    const next = kids[i + 1];
    const punct = next?.type === "text" ? TRAILING_PUNCTUATION.exec(next.value) : null;
    if (isInlineKatex(node) && next?.type === "text" && punct) {
      out.push({
        type: "element",
        tagName: "span",
        properties: { className: ["math-nowrap"] },
        children: [node, { type: "text", value: punct[0] }],
      });
      const rest = next.value.slice(punct[0].length);
      if (rest) out.push({ type: "text", value: rest });
      i++; // the text node was consumed
      continue;
    }
    // Recurse into everything except KaTeX's own output and display maths.
    if (node.type === "element" && !hasClass(node, "katex") && !hasClass(node, "katex-display")) {
      wrapChildren(node);
    }
    out.push(node);
  }
  parent.children = out;
}

export default function rehypeMathPunctuation() {
  return (tree: Root): void => {
    wrapChildren(tree as unknown as { children: ElementContent[] });
  };
}
