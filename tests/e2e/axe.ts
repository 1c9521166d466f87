/**
 * Accessibility sweep with axe-core (WCAG 2.0 A/AA and 2.1 AA) inside a harness page.
 *
 * axe is evaluated through the DevTools protocol (`page.evaluate` of its source) rather than
 * added as a <script> element: the site's Content-Security-Policy forbids inline scripts, and
 * the sweep must run against the page exactly as readers get it, CSP included.
 *
 *   const p = await h.openPage("/", { colorScheme: "dark" });
 *   const result = await runAxe(p.page);
 *   expect(result.blocking.map(formatViolation)).toEqual([]);
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa"] as const;

/** Impacts that fail the gate; "minor" and "moderate" are reported but do not fail. */
export const BLOCKING_IMPACTS = ["serious", "critical"] as const;

export interface AxeNode {
  readonly target: string[];
  readonly html: string;
  readonly failureSummary?: string;
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: AxeNode[];
}

export interface AxeResult {
  /** Serious or critical violations left after the documented exceptions. */
  readonly blocking: AxeViolation[];
  /** Minor or moderate violations (printed, not failing). */
  readonly advisory: AxeViolation[];
  /** Nodes removed by an exception, with the exception's name, so the exception stays visible. */
  readonly excepted: string[];
}

/**
 * The one documented exception (DESIGN.md §6): Observable Plot puts `aria-label` on the `<g>`
 * of each mark, and axe's `aria-prohibited-attr` objects because `<g>` has no role that
 * permits a name. Plot's maintainers consider the label useful to screen readers (a known
 * upstream disagreement). The exception is narrow: that rule, on a `<g>` element, inside an
 * `<svg>` that Plot made (its class starts with `plot-`). Anything else still fails.
 */
const PLOT_G_ARIA_LABEL = {
  name: "plot-g-aria-label",
  rule: "aria-prohibited-attr",
} as const;

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

function loadAxeSource(): Promise<string> {
  axeSource ??= readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

/** Whether the element a node points at is a Plot `<g>` (checked in the page, not by regex). */
async function isPlotGroup(page: Page, target: string[]): Promise<boolean> {
  // Targets inside shadow DOM or iframes come as nested selectors; Plot output is plain DOM.
  if (target.length !== 1) return false;
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (element?.tagName.toLowerCase() !== "g") return false;
    const svg = element.closest("svg");
    return svg !== null && Array.from(svg.classList).some((c) => c.startsWith("plot-"));
  }, target[0]!);
}

export async function runAxe(page: Page): Promise<AxeResult> {
  const source = await loadAxeSource();
  const hasAxe = await page.evaluate(() => "axe" in window);
  if (!hasAxe) await page.evaluate(source);
  const raw = (await page.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: { run(context: Document, options: unknown): Promise<{ violations: unknown[] }> };
        }
      ).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    [...AXE_TAGS],
  )) as { violations: AxeViolation[] };

  const blocking: AxeViolation[] = [];
  const advisory: AxeViolation[] = [];
  const excepted: string[] = [];
  for (const violation of raw.violations) {
    let nodes = violation.nodes;
    if (violation.id === PLOT_G_ARIA_LABEL.rule) {
      const kept: AxeNode[] = [];
      for (const node of nodes) {
        if (await isPlotGroup(page, node.target)) {
          excepted.push(`${PLOT_G_ARIA_LABEL.name}: ${node.target.join(" ")}`);
        } else {
          kept.push(node);
        }
      }
      nodes = kept;
    }
    if (nodes.length === 0) continue;
    const kept = { ...violation, nodes };
    if ((BLOCKING_IMPACTS as readonly string[]).includes(violation.impact ?? "")) blocking.push(kept);
    else advisory.push(kept);
  }
  return { blocking, advisory, excepted };
}

/** One readable line per violation: rule, impact, help and the first few offending nodes. */
export function formatViolation(violation: AxeViolation): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `    ${node.target.join(" ")}  ${node.html.slice(0, 160)}`)
    .join("\n");
  const more = violation.nodes.length > 5 ? `\n    ... and ${violation.nodes.length - 5} more` : "";
  return `${violation.id} [${violation.impact}] ${violation.help} (${violation.helpUrl})\n${nodes}${more}`;
}
