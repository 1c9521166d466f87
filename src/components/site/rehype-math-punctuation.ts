import type { Element, ElementContent, Root } from "hast";

/**
 * Rehype plugin: keep inline maths together with the punctuation around it.
 *
 * KaTeX renders inline maths as inline-block boxes, and a line may break on either side of
 * such a box, so "… where $x$, the input …" can leave the comma alone at the start of the next
 * line, and "… chain ($w = 1$) …" the opening bracket alone at the end of a line. We wrap each
 * inline formula with an opening bracket or quote right before it and the punctuation right
 * after it in `<span class="math-nowrap">` (white-space: nowrap, global.css). Display maths
 * and the text beyond the punctuation are untouched. Runs after rehype-katex.
 */
const TRAILING_PUNCTUATION = /^[,.;:!?)\]\u2019\u201d\u2026]+/;
const LEADING_PUNCTUATION = /[([\u2018\u201c]+$/;

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
    if (isInlineKatex(node)) {
      const prev = out[out.length - 1];
      const next = kids[i + 1];
      const lead = prev?.type === "text" ? LEADING_PUNCTUATION.exec(prev.value) : null;
      const trail = next?.type === "text" ? TRAILING_PUNCTUATION.exec(next.value) : null;
      if (lead || trail) {
        const children: ElementContent[] = [node];
        if (lead && prev?.type === "text") {
          const before = prev.value.slice(0, prev.value.length - lead[0].length);
          if (before) prev.value = before;
          else out.pop();
          children.unshift({ type: "text", value: lead[0] });
        }
        if (trail) children.push({ type: "text", value: trail[0] });
        out.push({ type: "element", tagName: "span", properties: { className: ["math-nowrap"] }, children });
        if (trail && next?.type === "text") {
          const rest = next.value.slice(trail[0].length);
          if (rest) out.push({ type: "text", value: rest });
          i++; // the text node was consumed
        }
        continue;
      }
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
