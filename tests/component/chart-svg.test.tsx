// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { activationChart } from "../../src/components/charts/activation-chart";
import { scopeSvgIds } from "../../src/components/charts/chart-svg";
import { renderChartToString } from "../../src/components/charts/static-render";

describe("scopeSvgIds", () => {
  it("prefixes ids and every url(#id) / #id reference, leaving other attributes alone", () => {
    const host = document.createElement("div");
    host.innerHTML =
      '<svg><clipPath id="c1"><rect/></clipPath><g clip-path="url(#c1)" fill="#fff"><use href="#c1"/></g><g clip-path="url(#other)"/></svg>';
    const svg = host.querySelector("svg")!;
    scopeSvgIds(svg, "x7-");
    expect(svg.querySelector("clipPath")?.id).toBe("x7-c1");
    expect(svg.querySelector("g")?.getAttribute("clip-path")).toBe("url(#x7-c1)");
    expect(svg.querySelector("g")?.getAttribute("fill")).toBe("#fff");
    expect(svg.querySelector("use")?.getAttribute("href")).toBe("#x7-c1");
    // A reference to an id outside the chart is not touched.
    expect(svg.querySelectorAll("g")[1]?.getAttribute("clip-path")).toBe("url(#other)");
  });

  it("two static renders of the same chart get distinct ids, all references resolve inside each", () => {
    const data = { activation: "tanh", x: 3, threshold: 0.05 } as const;
    const a = renderChartToString(activationChart, data, {});
    const b = renderChartToString(activationChart, data, {});
    const ids = (s: string) => [...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    const refs = (s: string) => [...s.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(ids(a).length).toBeGreaterThan(0);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    for (const s of [a, b]) for (const r of refs(s)) expect(ids(s)).toContain(r);
  });
});
