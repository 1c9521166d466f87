// @vitest-environment happy-dom
/**
 * Live charts carry no <style> of their own: ChartMount hoists Plot's (identical) <style> into
 * one shared copy in <head>, because inserting a stylesheet with every redraw restyles the
 * whole page (the main cost of long tasks while a dashboard trained).
 */
import { cleanup, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { ChartMount } from "../../src/components/widgets/common/ChartMount";
import { hoistChartStyles } from "../../src/components/widgets/common/hoist-chart-styles";

const PLOT_CSS = ":where(.plot-d6a7b5) { display: block; }";

function plotLike(doc: Document, css = PLOT_CSS): SVGSVGElement {
  const svg = doc.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", "plot-d6a7b5");
  const style = doc.createElement("style");
  style.textContent = css;
  svg.append(style, doc.createElementNS("http://www.w3.org/2000/svg", "g"));
  return svg;
}

const shared = () => Array.from(document.head.querySelectorAll("style[data-chart-styles]"));

afterEach(() => {
  cleanup();
});

describe("hoistChartStyles", () => {
  it("moves each distinct <style> to <head> once and strips it from every chart", () => {
    const a = plotLike(document);
    const b = plotLike(document);
    const c = plotLike(document, ":where(.plot-d6a7b5-swatches) { display: flex; }");
    for (const chart of [a, b, c]) hoistChartStyles(chart);
    for (const chart of [a, b, c]) expect(chart.querySelector("style")).toBeNull();
    const texts = shared().map((s) => s.textContent);
    expect(texts.filter((t) => t === PLOT_CSS)).toHaveLength(1);
    expect(texts).toContain(":where(.plot-d6a7b5-swatches) { display: flex; }");
    // Charts keep everything else.
    expect(a.querySelector("g")).not.toBeNull();
  });

  it("inserts nothing when the page was built with the text in <head> (PlotStyles.astro)", () => {
    const page = document.implementation.createHTMLDocument("built page");
    const built = page.createElement("style");
    built.setAttribute("data-chart-styles", "");
    built.textContent = PLOT_CSS;
    page.head.append(built);
    const chart = plotLike(page);
    hoistChartStyles(chart);
    expect(chart.querySelector("style")).toBeNull();
    expect(page.head.querySelectorAll("style")).toHaveLength(1);
  });

  it("ChartMount redraws without adding stylesheets to the page", async () => {
    let n = 0;
    const draw = (doc: Document) => {
      n += 1;
      return plotLike(doc);
    };
    const { rerender, container } = render(<ChartMount draw={draw} name="x" />);
    await waitFor(() => expect(container.querySelector("[data-drawn='true']")).not.toBeNull());
    const sheets = document.querySelectorAll("style").length;
    rerender(<ChartMount draw={(doc) => draw(doc)} name="x" />);
    await waitFor(() => expect(n).toBeGreaterThan(1));
    expect(container.querySelector(".chart-live style")).toBeNull();
    expect(document.querySelectorAll("style").length).toBe(sheets);
  });
});
