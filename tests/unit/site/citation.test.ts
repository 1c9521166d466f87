import { describe, expect, it } from "vitest";
import {
  bibtexEscape,
  bibtexKey,
  pageCitation,
  shortAuthors,
  shortCitation,
  surnames,
} from "../../../src/components/site/cite/citation";
import { REFERENCE_KEYS, REFERENCES } from "../../../src/data/references";

describe("in-text labels", () => {
  it("take surnames from 'Surname, I. and Surname, I.' lists", () => {
    expect(surnames("Nielsen, M. A.")).toEqual(["Nielsen"]);
    expect(surnames("Glorot, X. and Bengio, Y.")).toEqual(["Glorot", "Bengio"]);
    expect(surnames(REFERENCES.cho2014.authors)).toEqual([
      "Cho",
      "van Merriënboer",
      "Gulcehre",
      "Bahdanau",
      "Bougares",
      "Schwenk",
      "Bengio",
    ]);
  });

  it("read one, two, or first et al.", () => {
    expect(shortCitation("nielsen2015")).toBe("Nielsen 2015");
    expect(shortCitation("glorot2010")).toBe("Glorot & Bengio 2010");
    expect(shortCitation("he2016")).toBe("He et al. 2016");
    expect(shortAuthors("Pascanu, R., Mikolov, T. and Bengio, Y.")).toBe("Pascanu et al.");
  });

  it("exist for every reference, ending in its year", () => {
    for (const key of REFERENCE_KEYS) {
      expect(shortCitation(key)).toMatch(new RegExp(`^\\p{Lu}[\\p{L} .&'-]+ ${REFERENCES[key].year}$`, "u"));
    }
  });
});

describe("BibTeX", () => {
  it("escapes the characters LaTeX treats specially", () => {
    expect(bibtexEscape("50% of {x} & y_1 #2 $5 ~a^b \\c")).toBe(
      "50\\% of \\{x\\} \\& y\\_1 \\#2 \\$5 \\textasciitilde{}a\\textasciicircum{}b \\textbackslash{}c",
    );
  });

  it("keys are lower-case ASCII with hyphens", () => {
    expect(bibtexKey("Vanishing Gradients", "explorable", "01-sigmoid")).toBe(
      "vanishing-gradients-explorable-01-sigmoid",
    );
    expect(bibtexKey("Ça  va!", "Über")).toBe("ca-va-uber");
  });
});

describe("cite this page", () => {
  const input = {
    title: "Why gradients vanish with depth",
    path: "/chapters/03-depth/",
    site: "https://vanishing-gradients.example.org/",
    siteTitle: "Vanishing Gradients, explorable",
    year: 2026,
  };

  it("gives a plain-text citation with authors, year, title, site and URL", () => {
    expect(pageCitation(input).plain).toBe(
      'Vanishing Gradients, explorable contributors (2026). "Why gradients vanish with depth". In Vanishing Gradients, explorable. https://vanishing-gradients.example.org/chapters/03-depth/',
    );
  });

  it("gives a BibTeX @misc entry keyed by the page", () => {
    expect(pageCitation(input).bibtex).toBe(
      [
        "@misc{vanishing-gradients-explorable-03-depth,",
        "  author       = {{Vanishing Gradients, explorable contributors}},",
        "  title        = {{Why gradients vanish with depth}},",
        "  booktitle    = {{Vanishing Gradients, explorable}},",
        "  year         = {2026},",
        "  howpublished = {\\url{https://vanishing-gradients.example.org/chapters/03-depth/}},",
        "  url          = {https://vanishing-gradients.example.org/chapters/03-depth/}",
        "}",
      ].join("\n"),
    );
  });

  it("escapes a title with special characters and keeps braces balanced", () => {
    const { bibtex } = pageCitation({ ...input, title: "Remedies: 100% & {more}" });
    expect(bibtex).toContain("title        = {{Remedies: 100\\% \\& \\{more\\}}}");
    const unescaped = bibtex.replace(/\\[{}]/g, "");
    expect(unescaped.split("{").length).toBe(unescaped.split("}").length);
  });

  it("keys the home page as 'home'", () => {
    expect(pageCitation({ ...input, path: "/" }).key).toBe("vanishing-gradients-explorable-home");
  });
});
