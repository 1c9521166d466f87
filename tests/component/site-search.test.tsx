// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { activateCopyButton, installCopyButtons } from "../../src/components/site/cite/cite-copy";
import { renderResults, resultSummary, safeHref } from "../../src/components/site/search/render-results";

afterEach(() => {
  document.body.innerHTML = "";
});

describe("search results", () => {
  it("render titles, excerpts with <mark> and section links, in order", () => {
    const list = document.createElement("ol");
    const links = renderResults(list, [
      {
        url: "/chapters/01-sigmoid/",
        meta: { title: "The sigmoid and its derivative" },
        excerpt: "its maximum <mark>one quarter</mark> at x = 0",
        sub_results: [
          { title: "The sigmoid and its derivative", url: "/chapters/01-sigmoid/", excerpt: "same page" },
          {
            title: "Saturation",
            url: "/chapters/01-sigmoid/#saturation",
            excerpt: "<mark>one quarter</mark>",
          },
        ],
      },
      { url: "/references/", meta: {}, excerpt: "Nielsen &amp; co" },
    ]);
    expect(links).toBe(3);
    const anchors = Array.from(list.querySelectorAll("a"));
    expect(anchors.map((a) => a.getAttribute("href"))).toEqual([
      "/chapters/01-sigmoid/",
      "/chapters/01-sigmoid/#saturation",
      "/references/",
    ]);
    expect(anchors[0]!.querySelector("mark")?.textContent).toBe("one quarter");
    expect(anchors[2]!.textContent).toBe("/references/Nielsen & co");
  });

  it("never copy markup other than <mark> from the index, nor follow off-site URLs", () => {
    const list = document.createElement("ol");
    renderResults(list, [
      {
        url: "/x/",
        meta: { title: "<img src=x onerror=alert(1)>" },
        excerpt:
          '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b> <mark onclick="x()">hit</mark>',
      },
      { url: "javascript:alert(1)", meta: { title: "bad" }, excerpt: "" },
      { url: "//evil.example/", meta: { title: "bad" }, excerpt: "" },
    ]);
    expect(list.querySelectorAll("img, script, b, [onclick], [onerror]").length).toBe(0);
    expect(list.querySelectorAll("a").length).toBe(1);
    expect(list.querySelector(".site-search__title")?.textContent).toBe("<img src=x onerror=alert(1)>");
    expect(list.querySelector("mark")?.attributes.length).toBe(0);
    expect(safeHref("/a/#b")).toBe("/a/#b");
    expect(safeHref("https://x.org/")).toBeNull();
  });

  it("summarise the count", () => {
    expect(resultSummary("relu", 0)).toBe("Nothing matches “relu”.");
    expect(resultSummary("relu", 1)).toBe("1 page matches “relu”.");
    expect(resultSummary("relu", 4)).toBe("4 pages match “relu”.");
  });
});

describe("cite-this-page copy buttons", () => {
  function setUp() {
    document.body.innerHTML = `
      <pre><code id="cite-bibtex">@misc{key,\n  title = {{T}}\n}</code></pre>
      <button type="button" data-copy-target="cite-bibtex" data-copy-status="st" data-copy-label="BibTeX" hidden>Copy BibTeX</button>
      <p id="st" role="status"></p>`;
    return document.querySelector<HTMLButtonElement>("button")!;
  }

  it("show themselves and copy the target's exact text", async () => {
    const button = setUp();
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(window.navigator, "clipboard", { value: { writeText }, configurable: true });
    installCopyButtons(document);
    expect(button.hidden).toBe(false);
    expect(await activateCopyButton(button)).toBe("copied");
    expect(writeText).toHaveBeenCalledWith("@misc{key,\n  title = {{T}}\n}");
    expect(document.getElementById("st")?.textContent).toBe("BibTeX copied.");
    expect(button.dataset.state).toBe("copied");
  });

  it("say so when copying fails", async () => {
    const button = setUp();
    Object.defineProperty(window.navigator, "clipboard", {
      value: { writeText: async () => Promise.reject(new Error("denied")) },
      configurable: true,
    });
    Object.defineProperty(document, "execCommand", { value: () => false, configurable: true });
    expect(await activateCopyButton(button)).toBe("failed");
    expect(document.getElementById("st")?.textContent).toMatch(/Copy failed/);
  });
});
