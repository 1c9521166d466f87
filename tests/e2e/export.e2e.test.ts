/**
 * Export from charts in real Chromium, under the site's CSP: on three chapters a chart's
 * Export menu downloads all four formats (playwright's download event), and each file parses:
 *   CSV  header + columns, as many rows as the chart's data, the same rows as the JSON;
 *   JSON an array of row objects;
 *   SVG  well-formed XML (the browser's strict parser) with an <svg> root in the SVG
 *        namespace, every colour resolved (no var(--…), no currentColor) — in dark mode too,
 *        where the background rect must be the dark panel, not white;
 *   PNG  the PNG signature, and 2× the chart's width and height in its IHDR header.
 * One page load per chapter, only the tested figure hydrated (the other islands are other
 * tests' business); the menu is driven by keyboard on one of them. No console errors, no CSP
 * violations. Sequential: three pages exporting at once time out on a loaded 2-core machine.
 *
 * Set E2E_DIST=/path/to/dist to test another build than dist/.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Download, Locator } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { EXPLORER_X_DOMAIN } from "../../src/components/charts/activation-chart";
import { sampleActivation } from "../../src/components/charts/activation-data";
import { parseCsv } from "../helpers/csv";
import { formatViolation, runAxe } from "./axe.ts";
import { type Harness, type Page, startHarness } from "./harness.ts";

let h: Harness;

beforeAll(async () => {
  const root = process.env.E2E_DIST;
  h = await startHarness(root ? { root } : {});
});
afterAll(async () => {
  await h.close();
});

/** Polls wait long: a loaded 2-core CI machine can take seconds per step. */
const POLL = { timeout: 60_000, interval: 100 };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function bytesOf(download: Download): Promise<Buffer> {
  // createReadStream works with a remote (shared) browser, where path() does not.
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface Exported {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Opens the chart's Export menu and downloads one format; by keyboard or by mouse. */
async function download(page: Page, mount: Locator, format: string, keyboard: boolean): Promise<Exported> {
  const summary = mount.locator("[data-chart-export] summary");
  const button = mount.locator(`[data-export="${format}"]`);
  if (keyboard) {
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => button.isVisible(), POLL).toBe(true);
    await button.focus();
  } else {
    await summary.click();
    await expect.poll(() => button.isVisible(), POLL).toBe(true);
  }
  const [file] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    keyboard ? page.keyboard.press("Enter") : button.click(),
  ]);
  const bytes = await bytesOf(file);
  // EXPORT_E2E_OUT=/some/dir keeps the files, to look at them.
  const out = process.env.EXPORT_E2E_OUT;
  if (out) writeFileSync(join(out, file.suggestedFilename()), bytes);
  // The menu closes after an export and says what it saved.
  await expect
    .poll(() => mount.locator('[data-chart-export] [role="status"]').textContent(), POLL)
    .toBe(`Saved ${file.suggestedFilename()}`);
  expect(await mount.locator("[data-chart-export] details").getAttribute("open")).toBeNull();
  return { name: file.suggestedFilename(), bytes };
}

interface Checked {
  readonly csvRows: string[][];
  readonly header: string[];
  readonly svgBackground: string;
}

/**
 * Downloads all four formats of the chart in `mount` and checks each parses; returns the CSV
 * table and the SVG's background colour for chart-specific checks.
 */
async function exportAll(page: Page, mount: Locator, fileBase: string, keyboard = false): Promise<Checked> {
  const csv = await download(page, mount, "csv", keyboard);
  const json = await download(page, mount, "json", keyboard);
  const svg = await download(page, mount, "svg", keyboard);
  const png = await download(page, mount, "png", keyboard);
  expect([csv.name, json.name, svg.name, png.name]).toEqual(
    ["csv", "json", "svg", "png"].map((ext) => `${fileBase}.${ext}`),
  );

  // CSV and JSON: the same rows, the same columns.
  const table = parseCsv(csv.bytes.toString("utf8"));
  const rows = JSON.parse(json.bytes.toString("utf8")) as Record<string, unknown>[];
  expect(table.header.length).toBeGreaterThan(1);
  expect(rows.length).toBe(table.rows.length);
  expect(Object.keys(rows[0] ?? {})).toEqual(table.header);
  for (const [i, row] of table.rows.entries()) {
    expect(row).toHaveLength(table.header.length);
    const obj = rows[i] ?? {};
    table.header.forEach((col, j) => {
      const cell = row[j] ?? "";
      const v = obj[col];
      if (typeof v === "number") expect(Number(cell)).toBe(v);
      else if (v === null) expect(["", "NaN", "Infinity", "-Infinity"]).toContain(cell);
      else expect(cell).toBe(String(v));
    });
  }

  // SVG: strict XML in the browser's parser, <svg> root, colours resolved, the chart's size.
  const svgText = svg.bytes.toString("utf8");
  expect(svgText).not.toContain("var(--");
  expect(svgText.toLowerCase()).not.toContain("currentcolor");
  const live = await mount
    .locator(".chart-live svg")
    .first()
    .evaluate((el) => ({
      width: Number(el.getAttribute("width")),
      height: Number(el.getAttribute("height")),
    }));
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute("width")),
      height: Number(root.getAttribute("height")),
      background: root.querySelector("rect")?.getAttribute("fill") ?? "",
      texts: root.querySelectorAll("text").length,
    };
  }, svgText);
  expect(parsed.error).toBeNull();
  expect(parsed).toMatchObject({ root: "svg", ns: "http://www.w3.org/2000/svg", ...live });
  expect(parsed.texts).toBeGreaterThan(0);

  // PNG: signature, then IHDR width and height (big-endian at bytes 16 and 20) at 2×.
  expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  expect(png.bytes.readUInt32BE(16)).toBe(2 * live.width);
  expect(png.bytes.readUInt32BE(20)).toBe(2 * live.height);

  return { csvRows: table.rows, header: table.header, svgBackground: parsed.background };
}

/** Scrolls the chart's island into view (it hydrates when visible) and waits for the live chart. */
async function drawn(mount: Locator): Promise<void> {
  await mount.scrollIntoViewIfNeeded();
  await expect.poll(() => mount.getAttribute("data-drawn"), POLL).toBe("true");
}

/** Relative luminance-ish brightness (0–255) of an "rgb(r, g, b)" colour. */
function brightness(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test("chapter 1: the activation explorer's curves, by keyboard", async () => {
  const p = await h.openPage("/chapters/01-sigmoid/");
  const mount = p.page.locator('#fig-sigmoid [data-chart="activation"]');
  await drawn(mount);
  const out = await exportAll(p.page, mount, "fig-sigmoid-activation", true);
  expect(out.header).toEqual(["activation", "x", "f", "df", "saturated"]);
  // As many rows as the core's samples the chart draws.
  expect(out.csvRows).toHaveLength(sampleActivation("sigmoid", EXPLORER_X_DOMAIN).length);
  expect(brightness(out.svgBackground)).toBeGreaterThan(200);
  p.expectClean();
  await p.close();
});

test("chapter 3: the gradient chain, one row per layer of its table", async () => {
  const p = await h.openPage("/chapters/03-depth/");
  const mount = p.page.locator('#fig-gradient-chain [data-chart="gradient-chain"]');
  await drawn(mount);
  const layers = await p.page.locator('#fig-gradient-chain [data-readout="factors"] tbody tr').count();
  const out = await exportAll(p.page, mount, "fig-gradient-chain-gradient-chain");
  expect(out.header).toEqual(["layer", "z", "slope", "factor", "grad", "bound"]);
  expect(out.csvRows).toHaveLength(layers);
  expect(out.csvRows.map((r) => Number(r[0]))).toEqual(Array.from({ length: layers }, (_, i) => i + 1));
  // The open menu, in light mode, passes axe (names, contrast, focusable buttons).
  await mount.locator("[data-chart-export] summary").click();
  await expect.poll(() => mount.locator('[data-export="png"]').isVisible(), POLL).toBe(true);
  const axe = await runAxe(p.page);
  expect(axe.blocking.map(formatViolation)).toEqual([]);
  await p.page.keyboard.press("Escape");
  await expect.poll(() => mount.locator("[data-chart-export] details").getAttribute("open"), POLL).toBeNull();
  p.expectClean();
  await p.close();
});

test("chapter 6 in dark mode: the RNN profile, colours resolved against the dark panel", async () => {
  const p = await h.openPage("/chapters/06-remedies-architecture/", { colorScheme: "dark" });
  const mount = p.page.locator('#fig-rnn-gradients [data-chart="rnn-profile"]');
  await drawn(mount);
  const T = Number(
    await p.page.locator('#fig-rnn-gradients [data-control="T"] input[type="number"]').inputValue(),
  );
  const out = await exportAll(p.page, mount, "fig-rnn-gradients-rnn-profile");
  expect(out.header).toEqual(["cell", "t", "relative"]);
  expect(out.csvRows).toHaveLength(3 * T);
  // Dark panel behind the standalone figure, so its light text stays readable.
  expect(brightness(out.svgBackground)).toBeLessThan(80);
  p.expectClean();
  await p.close();
});
