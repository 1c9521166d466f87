// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { currentSectionId, markCurrent } from "../../src/components/site/toc-spy";

/** A heading whose top edge sits `top` px below the top of the window. */
function heading(id: string, top: number): HTMLElement {
  const h = document.createElement("h2");
  h.id = id;
  h.getBoundingClientRect = () => ({ top }) as DOMRect;
  return h;
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("table of contents: you are here", () => {
  it("picks the last heading above the reading line (30 % of the window)", () => {
    const hs = [heading("a", -400), heading("b", 100), heading("c", 500)];
    expect(currentSectionId(hs, 1000)).toBe("b");
    expect(currentSectionId(hs, 200)).toBe("a");
    expect(currentSectionId([heading("a", 600)], 1000)).toBeUndefined();
  });

  it("marks every link to that section, and only those", () => {
    document.body.innerHTML = `<ol class="toc"><li><a href="#a">A</a></li><li><a href="#b">B</a></li></ol>
      <ol class="toc"><li><a href="#b">B</a></li></ol>`;
    const links = [...document.querySelectorAll<HTMLAnchorElement>(".toc a")];
    markCurrent(links, "b");
    expect(links.map((l) => l.getAttribute("aria-current"))).toEqual([null, "location", "location"]);
    markCurrent(links, undefined);
    expect(links.every((l) => !l.hasAttribute("aria-current"))).toBe(true);
  });
});
