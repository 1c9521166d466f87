// @vitest-environment happy-dom
/**
 * The export menu ChartMount puts under every chart: opens by keyboard, closes on Escape and
 * outside clicks, names files after the figure and the chart, downloads the chart's rows as
 * CSV and JSON and the figure as SVG, and reports a failure in words instead of throwing.
 */
import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { withChartData } from "../../src/components/charts/chart-data";
import { ChartMount } from "../../src/components/widgets/common/ChartMount";
import { exportFileBase } from "../../src/components/widgets/common/export/file-name";
import { parseCsv } from "../helpers/csv";

const SVG_NS = "http://www.w3.org/2000/svg";
const ROWS = [
  { step: 1, loss: 0.5, run: "a, b" },
  { step: 2, loss: Number.NaN, run: "a, b" },
];

/** A tiny chart: one line coloured with a CSS variable, the rows attached as a chart function does. */
function drawChart(doc: Document) {
  const svg = doc.createElementNS(SVG_NS, "svg") as SVGSVGElement;
  svg.setAttribute("width", "320");
  svg.setAttribute("height", "120");
  svg.setAttribute("viewBox", "0 0 320 120");
  svg.setAttribute("style", "color: var(--fg, #1c1e22)");
  const path = doc.createElementNS(SVG_NS, "path");
  path.setAttribute("d", "M0,0L10,10");
  path.setAttribute("stroke", "var(--series-1, #1f66cc)");
  svg.append(path);
  return withChartData(svg, ROWS);
}

interface Saved {
  name: string;
  blob: Blob;
}
let saved: Saved[] = [];

beforeEach(() => {
  saved = [];
  // Capture downloads: the blob behind each object URL and the name of the anchor clicked.
  const blobs = new Map<string, Blob>();
  let n = 0;
  URL.createObjectURL = (b: Blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, b);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute("href") ?? "");
    if (blob) saved.push({ name: this.download, blob });
  });
});

const realCreate = URL.createObjectURL;
const realRevoke = URL.revokeObjectURL;
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  URL.createObjectURL = realCreate;
  URL.revokeObjectURL = realRevoke;
});

function mount(props: { exportRows?: () => readonly Record<string, number>[] } = {}) {
  const view = render(
    <figure id="fig-test-chart">
      <div data-widget="test-widget">
        <ChartMount name="loss" draw={drawChart} {...props} />
      </div>
    </figure>,
  );
  const c = view.container;
  return {
    ...view,
    details: () => c.querySelector<HTMLDetailsElement>("[data-chart-export] details")!,
    summary: () => c.querySelector<HTMLElement>("[data-chart-export] summary")!,
    button: (f: string) => c.querySelector<HTMLButtonElement>(`[data-export="${f}"]`)!,
    status: () => c.querySelector('[data-chart-export] [role="status"]')?.textContent ?? "",
  };
}

describe("ChartExport in ChartMount", () => {
  it("appears once the chart is drawn, with four formats, closed", async () => {
    const m = mount();
    await waitFor(() => expect(m.summary()).not.toBeNull());
    expect(m.summary().textContent).toBe("Export");
    expect(m.summary().getAttribute("aria-label")).toBe("Export chart: loss");
    expect(m.details().open).toBe(false);
    expect([...m.container.querySelectorAll("[data-export]")].map((b) => b.textContent)).toEqual([
      "Data as CSV",
      "Data as JSON",
      "Figure as SVG",
      "Figure as PNG (2×)",
    ]);
  });

  it("names files <figure id>-<chart>, or <widget>-<chart> outside a figure", () => {
    const { container } = render(
      <div>
        <figure id="fig-a">
          <span id="in-figure" />
        </figure>
        <div data-widget="clipping">
          <span id="in-widget" />
        </div>
      </div>,
    );
    expect(exportFileBase(container.querySelector("#in-figure")!, "loss")).toBe("fig-a-loss");
    expect(exportFileBase(container.querySelector("#in-widget")!, "clip-norms")).toBe("clipping-clip-norms");
    expect(exportFileBase(container.querySelector("#in-widget")!, undefined)).toBe("clipping-chart");
  });

  it("downloads the chart's rows as CSV and JSON", async () => {
    const m = mount();
    await waitFor(() => expect(m.summary()).not.toBeNull());
    m.details().open = true;
    fireEvent.click(m.button("csv"));
    await waitFor(() => expect(m.status()).toBe("Saved fig-test-chart-loss.csv"));
    fireEvent.click(m.button("json"));
    await waitFor(() => expect(m.status()).toBe("Saved fig-test-chart-loss.json"));
    expect(saved.map((s) => s.name)).toEqual(["fig-test-chart-loss.csv", "fig-test-chart-loss.json"]);
    const csv = parseCsv(await saved[0]!.blob.text());
    expect(csv.header).toEqual(["step", "loss", "run"]);
    expect(csv.rows).toEqual([
      ["1", "0.5", "a, b"],
      ["2", "NaN", "a, b"],
    ]);
    expect(JSON.parse(await saved[1]!.blob.text())).toEqual([
      { step: 1, loss: 0.5, run: "a, b" },
      { step: 2, loss: null, run: "a, b" },
    ]);
    // The menu closes after an export and gives focus back to its button.
    expect(m.details().open).toBe(false);
    expect(document.activeElement).toBe(m.summary());
  });

  it("exportRows overrides the rows the chart attached", async () => {
    const m = mount({ exportRows: () => [{ x: 1 }, { x: 2 }, { x: 3 }] });
    await waitFor(() => expect(m.summary()).not.toBeNull());
    fireEvent.click(m.button("csv"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(parseCsv(await saved[0]!.blob.text())).toEqual({ header: ["x"], rows: [["1"], ["2"], ["3"]] });
  });

  it("downloads a standalone SVG: namespace, size, no CSS variables left", async () => {
    const m = mount();
    await waitFor(() => expect(m.summary()).not.toBeNull());
    fireEvent.click(m.button("svg"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe("fig-test-chart-loss.svg");
    const text = await saved[0]!.blob.text();
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    expect(root.localName).toBe("svg");
    expect(root.getAttribute("xmlns")).toBe(SVG_NS);
    expect(root.getAttribute("width")).toBe("320");
    expect(root.getAttribute("height")).toBe("120");
    // A background rect first, then the chart.
    expect(root.querySelector("rect")?.getAttribute("width")).toBe("320");
    // Paint properties the element set itself are written out as attributes (their computed
    // values: resolved colours in a browser; happy-dom has no CSS engine, so tests/e2e/export
    // checks that no var(--…) is left), and the root's inline style is replaced.
    expect(root.querySelector("path")?.hasAttribute("stroke")).toBe(true);
    expect(root.getAttribute("style")).toBe("overflow: visible");
  });

  it("Escape closes the open menu and returns focus to its button", async () => {
    const m = mount();
    await waitFor(() => expect(m.summary()).not.toBeNull());
    m.details().open = true;
    fireEvent(m.details(), new Event("toggle"));
    m.button("csv").focus();
    fireEvent.keyDown(m.button("csv"), { key: "Escape" });
    expect(m.details().open).toBe(false);
    expect(document.activeElement).toBe(m.summary());
  });

  it("a press outside the open menu closes it", async () => {
    const m = mount();
    await waitFor(() => expect(m.summary()).not.toBeNull());
    m.details().open = true;
    fireEvent(m.details(), new Event("toggle"));
    // The listener is added by an effect after the menu opens: press until it has landed.
    await waitFor(() => {
      fireEvent.pointerDown(document.body);
      expect(m.details().open).toBe(false);
    });
  });

  it("a chart without data says so instead of throwing", async () => {
    const { container } = render(
      <ChartMount name="bare" draw={(doc) => doc.createElementNS(SVG_NS, "svg") as SVGSVGElement} />,
    );
    await waitFor(() => expect(container.querySelector('[data-export="csv"]')).not.toBeNull());
    fireEvent.click(container.querySelector('[data-export="csv"]')!);
    await waitFor(() =>
      expect(container.querySelector('[role="status"]')?.textContent).toBe(
        "Could not export CSV: this chart has no data to export",
      ),
    );
    expect(saved).toEqual([]);
  });
});
