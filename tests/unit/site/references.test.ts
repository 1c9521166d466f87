import { describe, expect, it } from "vitest";
import { formatCitation, isReferenceKey, REFERENCE_KEYS, REFERENCES } from "../../../src/data/references";

describe("references", () => {
  it("cover the works DESIGN.md §7 relies on", () => {
    for (const key of [
      "nielsen2015",
      "glorot2010",
      "he2015",
      "he2016",
      "pascanu2013",
      "hochreiter1997",
      "ioffe2015",
    ]) {
      expect(isReferenceKey(key), key).toBe(true);
    }
  });

  it("have keys shaped author+year matching the entry's year, and a web address", () => {
    for (const key of REFERENCE_KEYS) {
      const r = REFERENCES[key];
      expect(key).toMatch(/^[a-z]+\d{4}$/);
      expect(key.endsWith(String(r.year))).toBe(true);
      expect(r.url).toMatch(/^https?:\/\/\S+$/);
      expect(r.title.length).toBeGreaterThan(5);
    }
  });

  it("format as Authors (year). Title. Venue.", () => {
    expect(formatCitation("glorot2010")).toBe(
      "Glorot, X. and Bengio, Y. (2010). Understanding the difficulty of training deep feedforward neural networks. Proceedings of AISTATS 2010, PMLR 9, 249–256.",
    );
  });

  it("reject unknown keys", () => {
    expect(isReferenceKey("smith2099")).toBe(false);
    expect(isReferenceKey("toString")).toBe(false);
  });
});
