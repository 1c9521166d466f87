import type { Element, Root } from "hast";
import { describe, expect, it } from "vitest";
import rehypeMathPunctuation from "../../../src/components/site/rehype-math-punctuation";

const katex = (tex: string): Element => ({
  type: "element",
  tagName: "span",
  properties: { className: ["katex"] },
  children: [{ type: "text", value: tex }],
});
const p = (...children: Element["children"]): Element => ({
  type: "element",
  tagName: "p",
  properties: {},
  children,
});
const text = (value: string) => ({ type: "text" as const, value });

function run(...children: Root["children"]): Root {
  const tree: Root = { type: "root", children };
  rehypeMathPunctuation()(tree);
  return tree;
}

describe("rehype-math-punctuation", () => {
  it("binds a formula to the punctuation right after it, leaving the rest of the text", () => {
    const tree = run(p(text("where "), katex("x"), text(", the input")));
    const para = tree.children[0] as Element;
    expect(para.children).toEqual([
      text("where "),
      {
        type: "element",
        tagName: "span",
        properties: { className: ["math-nowrap"] },
        children: [katex("x"), text(",")],
      },
      text(" the input"),
    ]);
  });

  it("takes a run of closing punctuation and nothing when the text starts with a letter or space", () => {
    const tree = run(p(katex("a"), text(").")), p(katex("b"), text(" and")));
    const [first, second] = tree.children as Element[];
    expect((first!.children[0] as Element).children).toEqual([katex("a"), text(").")]);
    expect(first!.children).toHaveLength(1);
    expect(second!.children).toEqual([katex("b"), text(" and")]);
  });

  it("binds an opening bracket right before a formula, and its closing one after it", () => {
    const tree = run(p(text("the chain ("), katex("w = 1"), text(") shrinks")), p(text("a ( "), katex("c")));
    const [first, second] = tree.children as Element[];
    expect(first!.children).toEqual([
      text("the chain "),
      {
        type: "element",
        tagName: "span",
        properties: { className: ["math-nowrap"] },
        children: [text("("), katex("w = 1"), text(")")],
      },
      text(" shrinks"),
    ]);
    // A space between the bracket and the formula: nothing to bind.
    expect(second!.children).toEqual([text("a ( "), katex("c")]);
  });

  it("leaves display maths alone", () => {
    const display: Element = {
      type: "element",
      tagName: "span",
      properties: { className: ["katex-display"] },
      children: [katex("y"), text(".")],
    };
    const tree = run(p(display));
    expect((tree.children[0] as Element).children[0]).toEqual(display);
  });
});
