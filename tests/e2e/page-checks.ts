/**
 * Checks run inside a harness page. Each returns a list of problems (empty = pass) rather
 * than asserting, so the site sweep can expect `[]` and the gate fixtures can expect the
 * specific problem a broken page must produce.
 */
import type { Page } from "playwright-core";

export interface MathsExpectation {
  /** A chapter must show inline and display maths; other pages need not. */
  requireMaths: boolean;
  /** Also require KaTeX's stylesheet to be applied (it is loaded only when JS/CSS work). */
  requireKatexCss?: boolean;
}

/**
 * KaTeX at build time: inline maths is `.katex`, display maths `.katex-display`, a TeX error
 * `.katex-error`. Raw TeX in the text outside `.katex`, `code` and `pre` means some maths
 * escaped typesetting (e.g. a `$$` block MDX did not see).
 */
export async function mathsProblems(page: Page, expectation: MathsExpectation): Promise<string[]> {
  const found = await page.evaluate(() => {
    const first = document.querySelector(".katex");
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll(".katex, code, pre, script, style, textarea").forEach((node) => {
      node.remove();
    });
    const text = body.textContent ?? "";
    const rawTex =
      text.match(/\$\$|\\\(|\\\[|\\(?:frac|sigma|partial|cdot|sum|prod|mathrm|left|right|tanh)\b/g) ?? [];
    return {
      inline: document.querySelectorAll(".katex").length,
      display: document.querySelectorAll(".katex-display").length,
      errors: Array.from(document.querySelectorAll(".katex-error")).map((e) => e.getAttribute("title") ?? ""),
      katexFont: first ? getComputedStyle(first).fontFamily : "",
      rawTex: rawTex.slice(0, 5),
    };
  });
  const problems: string[] = [];
  for (const error of found.errors) problems.push(`KaTeX error: ${error}`);
  if (found.rawTex.length > 0) problems.push(`untypeset TeX in the text: ${found.rawTex.join(" ")}`);
  if (expectation.requireMaths) {
    if (found.inline === 0) problems.push("no inline maths (.katex)");
    if (found.display === 0) problems.push("no display maths (.katex-display)");
    if (expectation.requireKatexCss && found.inline > 0 && !/KaTeX_Main/.test(found.katexFont)) {
      problems.push(`KaTeX CSS not applied (.katex font-family is ${found.katexFont})`);
    }
  }
  return problems;
}

export interface StaticContentExpectation {
  /** Minimum characters of text in <main> (or <body> when there is no <main>). */
  minTextLength: number;
}

/**
 * What a reader without JavaScript must still get: a heading, the text, and every widget
 * (`[data-widget]`) showing something. A widget that draws charts marks each chart's place
 * with `[data-chart]` (the shared ChartMount); each must hold the chart rendered at build
 * time as an inline <svg>. A widget without charts (an exercise) must at least show its text.
 */
export async function staticContentProblems(
  page: Page,
  expectation: StaticContentExpectation,
): Promise<string[]> {
  const content = await page.evaluate(() => ({
    h1: document.querySelector("h1")?.textContent?.trim() ?? "",
    textLength: (document.querySelector("main") ?? document.body).textContent?.trim().length ?? 0,
    widgets: Array.from(document.querySelectorAll("[data-widget]")).map((widget) => ({
      name: widget.getAttribute("data-widget") ?? "",
      svgs: widget.querySelectorAll("svg").length,
      text: widget.textContent?.trim().length ?? 0,
      blankCharts: Array.from(widget.querySelectorAll("[data-chart]"))
        .filter((chart) => chart.querySelector("svg") === null)
        .map((chart) => chart.getAttribute("data-chart") ?? ""),
    })),
  }));
  const problems: string[] = [];
  if (content.h1 === "") problems.push("no <h1> with text");
  if (content.textLength < expectation.minTextLength) {
    problems.push(`only ${content.textLength} characters of text (want >= ${expectation.minTextLength})`);
  }
  for (const widget of content.widgets) {
    for (const chart of widget.blankCharts) {
      problems.push(`chart "${chart}" of widget "${widget.name}" has no build-time <svg>`);
    }
    if (widget.svgs === 0 && widget.text === 0) {
      problems.push(`widget "${widget.name}" shows nothing without JavaScript`);
    }
  }
  return problems;
}

/** The page must not scroll sideways at the current viewport (360 px is the narrowest we support). */
export async function sidewaysScrollProblems(page: Page): Promise<string[]> {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Diagnostic only: the first few elements that reach past the right edge.
    const culprits = Array.from(document.querySelectorAll("body *"))
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((element) => {
        const id = element.id ? `#${element.id}` : "";
        const cls = typeof element.className === "string" && element.className ? `.${element.className}` : "";
        return `${element.tagName.toLowerCase()}${id}${cls}`.slice(0, 80);
      });
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
  });
  if (overflow.scrollWidth <= overflow.width) return [];
  return [
    `page scrolls sideways: ${overflow.scrollWidth}px content in a ${overflow.width}px viewport` +
      ` (reaching past the edge: ${overflow.culprits.join(", ")})`,
  ];
}
