import type { Element, Root } from "hast";
import { describe, expect, it } from "vitest";
import rehypeHeadingAnchors, {
  accessibleText,
  headingTextsOf,
} from "../../../src/components/site/rehype-heading-anchors";

const text = (value: string) => ({ type: "text" as const, value });
const el = (tagName: string, properties: Element["properties"], children: Element["children"]): Element => ({
  type: "element",
  tagName,
  properties,
  children,
});

function run(tree: Root, levels?: number[]): Root {
  rehypeHeadingAnchors(levels ? { levels } : {})(tree);
  return tree;
}

describe("rehype-heading-anchors", () => {
  it("wraps h2 and h3 with a labelled fragment link to their id", () => {
    const tree = run({
      type: "root",
      children: [
        el("h2", { id: "the-logistic-function" }, [text("The logistic function")]),
        el("p", {}, [text("x")]),
      ],
    });
    const wrapper = tree.children[0] as Element;
    expect(wrapper.tagName).toBe("div");
    expect(wrapper.properties.className).toEqual(["heading-wrapper", "level-h2"]);
    const [heading, link] = wrapper.children as Element[];
    expect(heading!.tagName).toBe("h2");
    expect(link!.tagName).toBe("a");
    expect(link!.properties.href).toBe("#the-logistic-function");
    expect(link!.properties.dataHeadingAnchor).toBe("");
    expect(accessibleText(link!)).toBe("Link to section: The logistic function");
    expect((tree.children[1] as Element).tagName).toBe("p");
  });

  it("leaves other levels, and headings without an id, alone", () => {
    const h4 = el("h4", { id: "minor" }, [text("Minor")]);
    const bare = el("h2", {}, [text("No id")]);
    const tree = run({ type: "root", children: [h4, bare] });
    expect(tree.children).toEqual([h4, bare]);
  });

  it("honours a custom list of levels", () => {
    const tree = run({ type: "root", children: [el("h3", { id: "a" }, [text("A")])] }, [2]);
    expect((tree.children[0] as Element).tagName).toBe("h3");
  });

  it("labels maths by its MathML text, not KaTeX's hidden HTML or TeX source", () => {
    const katex = el("span", { className: ["katex"] }, [
      el("span", { className: ["katex-mathml"] }, [
        el("math", {}, [
          el("semantics", {}, [
            el("mi", {}, [text("σ")]),
            el("annotation", { encoding: "application/x-tex" }, [text("\\sigma")]),
          ]),
        ]),
      ]),
      el("span", { className: ["katex-html"], ariaHidden: "true" }, [text("σ (visual)")]),
    ]);
    const tree = run({
      type: "root",
      children: [el("h2", { id: "s" }, [text("Why "), katex, text(" saturates")])],
    });
    const link = (tree.children[0] as Element).children[1] as Element;
    expect(accessibleText(link)).toBe("Link to section: Why σ saturates");
  });
});

describe("readable heading texts for the table of contents", () => {
  it("records id → text (maths as MathML text) in the frontmatter plugins share", () => {
    const mathml = el("span", { className: ["katex"] }, [
      el("math", {}, [el("mi", {}, [text("w")])]),
      el("span", { className: ["katex-html"], ariaHidden: "true" }, [text("w")]),
    ]);
    const tree: Root = {
      type: "root",
      children: [el("h2", { id: "the-weight-w" }, [text("The weight "), mathml])],
    };
    const file: { data: { astro?: { frontmatter?: Record<string, unknown> } } } = { data: {} };
    rehypeHeadingAnchors()(tree, file);
    expect(headingTextsOf(file.data.astro!.frontmatter!)).toEqual({ "the-weight-w": "The weight w" });
    expect(headingTextsOf({})).toEqual({});
  });
});
