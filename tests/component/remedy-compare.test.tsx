// @vitest-environment happy-dom
/**
 * The same-seed comparison island (main-thread trainer here): no-JS render of the build-time
 * table and charts, Step trains both runs to the numbers the core gives for the same configs,
 * Reset restores the build-time figure, the picker switches comparisons, and the residual
 * comparison's depth knob retrains both runs at the chosen depth.
 */
import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { renderToString } from "preact-render-to-string";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ComparisonPair, withDepth } from "../../src/components/widgets/remedy-compare/comparisons";
import { comparisonPair } from "../../src/components/widgets/remedy-compare/pairs";
import RemedyCompare from "../../src/components/widgets/remedy-compare/RemedyCompare";
import { formatRow, type RunRow, runNumbers } from "../../src/components/widgets/remedy-compare/summary";
import { createSession } from "../../src/components/widgets/training/session";

beforeEach(() => vi.stubGlobal("Worker", undefined));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const STEPS = 30;
/** A registry pair cut short, so a test trains it in a moment. */
function short(name: "batchNorm" | "he" | "residual"): ComparisonPair {
  const p = comparisonPair(name);
  return {
    ...p,
    baseline: { ...p.baseline, config: { ...p.baseline.config, steps: STEPS } },
    remedy: { ...p.remedy, config: { ...p.remedy.config, steps: STEPS } },
  };
}
const pairs = { batchNorm: short("batchNorm"), he: short("he"), residual: short("residual") };
const fakeRow: RunRow = {
  finalLoss: "9.99",
  testAccuracy: "12%",
  gradRatio: "3",
  stepsToTarget: "7",
  maxDead: "0%",
};
const staticRows = { baseline: fakeRow, remedy: { ...fakeRow, finalLoss: "8.88" } };

function expected(pair: ComparisonPair, side: "baseline" | "remedy", steps: number): RunRow {
  const s = createSession(pair[side].config);
  s.advance({ maxSteps: steps });
  return formatRow(runNumbers(s.points, pair.lossTarget));
}
const cells = (root: ParentNode, side: string) =>
  Array.from(root.querySelectorAll(`[data-run="${side}"] td`)).map((td) => td.textContent);
const readout = (root: ParentNode, name: string) =>
  root.querySelector(`[data-readout="${name}"] dd`)?.textContent;

describe("remedy-compare", () => {
  it("server-renders the static charts and table with controls disabled", () => {
    const html = renderToString(
      <RemedyCompare pairs={pairs} initial={{ comparison: "batchNorm" }} staticRows={staticRows}>
        <svg data-static="loss" />
      </RemedyCompare>,
    );
    expect(html).toContain('data-widget="remedy-compare"');
    expect(html).toContain('data-static="loss"');
    expect(html).toContain("9.99");
    expect(html).toContain("8.88");
    expect(html).toMatch(/data-action="play"[^>]*disabled/);
    expect(html).toContain(`${STEPS} of ${STEPS}`);
  });

  it("Step trains both runs to the core's numbers; Reset brings back the build-time figure", async () => {
    const { container } = render(
      <RemedyCompare
        pairs={pairs}
        initial={{ comparison: "batchNorm" }}
        staticRows={staticRows}
        stepSize={10}
      >
        <svg data-static="loss" />
      </RemedyCompare>,
    );
    expect(cells(container, "baseline")[0]).toBe("9.99");
    fireEvent.click(container.querySelector('[data-action="step"]')!);
    await waitFor(() => expect(readout(container, "step")).toBe(`10 of ${STEPS}`), { timeout: 20_000 });
    expect(container.querySelector('[data-static="loss"]')).toBeNull();
    await waitFor(() =>
      expect(container.querySelector('[data-chart="loss"] .chart-live svg')).not.toBeNull(),
    );
    expect(cells(container, "baseline")).toEqual(Object.values(expected(pairs.batchNorm, "baseline", 10)));
    expect(cells(container, "remedy")).toEqual(Object.values(expected(pairs.batchNorm, "remedy", 10)));
    expect(cells(container, "remedy")).not.toEqual(cells(container, "baseline"));

    fireEvent.click(container.querySelector('[data-action="reset"]')!);
    await waitFor(() => expect(cells(container, "baseline")[0]).toBe("9.99"));
    expect(container.querySelector('[data-static="loss"]')).not.toBeNull();
    expect(readout(container, "step")).toBe(`${STEPS} of ${STEPS}`);
  });

  it("the picker switches to another comparison and trains it", async () => {
    const { container } = render(
      <RemedyCompare
        pairs={pairs}
        initial={{ comparison: "batchNorm" }}
        choices={["batchNorm", "he"]}
        stepSize={5}
      />,
    );
    const he = container.querySelector<HTMLInputElement>('[data-control="comparison"] input[value="he"]')!;
    fireEvent.click(he);
    fireEvent.change(he);
    await waitFor(() =>
      expect(container.querySelector('[data-widget="remedy-compare"]')?.getAttribute("data-comparison")).toBe(
        "he",
      ),
    );
    expect(container.querySelector('[data-run="baseline"] th')?.textContent).toBe(pairs.he.baseline.name);
    fireEvent.click(container.querySelector('[data-action="step"]')!);
    await waitFor(() => expect(readout(container, "step")).toBe(`5 of ${STEPS}`), { timeout: 20_000 });
    expect(cells(container, "remedy")).toEqual(Object.values(expected(pairs.he, "remedy", 5)));
  });

  it("the residual comparison's depth knob retrains both runs at that depth; Reset restores 20", async () => {
    const { container } = render(
      <RemedyCompare pairs={pairs} initial={{ comparison: "residual" }} staticRows={staticRows} stepSize={5}>
        <svg data-static="loss" />
      </RemedyCompare>,
    );
    const root = () => container.querySelector('[data-widget="remedy-compare"]')!;
    expect(root().getAttribute("data-depth")).toBe("20");
    const slider = container.querySelector<HTMLInputElement>('[data-control="depth"] input[type="range"]')!;
    expect([slider.min, slider.max]).toEqual(["20", "30"]);
    slider.value = "23";
    fireEvent.input(slider);
    await waitFor(() => expect(root().getAttribute("data-depth")).toBe("23"));
    // Another depth than the build-time figure's: the live runs replace the static figure (in
    // the next task: each live chart's first draw is queued, useQueuedFlag).
    await waitFor(() => expect(container.querySelector('[data-static="loss"]')).toBeNull());
    expect(container.querySelector("caption")?.textContent).toContain("23 hidden layers");
    fireEvent.click(container.querySelector('[data-action="step"]')!);
    await waitFor(() => expect(readout(container, "step")).toBe(`5 of ${STEPS}`), { timeout: 20_000 });
    const r = pairs.residual;
    const deep = {
      ...r,
      baseline: { ...r.baseline, config: withDepth(r.baseline.config, 23) },
      remedy: { ...r.remedy, config: withDepth(r.remedy.config, 23) },
    };
    expect(cells(container, "baseline")).toEqual(Object.values(expected(deep, "baseline", 5)));
    expect(cells(container, "remedy")).toEqual(Object.values(expected(deep, "remedy", 5)));
    fireEvent.click(container.querySelector('[data-action="reset"]')!);
    await waitFor(() => expect(root().getAttribute("data-depth")).toBe("20"));
    expect(cells(container, "baseline")[0]).toBe("9.99");
  });
});
