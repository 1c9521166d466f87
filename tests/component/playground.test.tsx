// @vitest-environment happy-dom
/**
 * The playground island (main-thread trainer here): the no-JS server render, the warm-up on
 * mount, a knob starting a new run, the core schema's message beside a refused value (and the
 * run held back), presets, instructor parameters, the decision grid, and "export config".
 */
import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { renderToString } from "preact-render-to-string";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_KNOBS } from "../../src/components/widgets/playground/knobs";
import Playground from "../../src/components/widgets/playground/Playground";
import { PG_PRESETS } from "../../src/components/widgets/playground/presets";
import { parseConfig } from "../../src/lib/config";

beforeEach(() => vi.stubGlobal("Worker", undefined));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.history.replaceState(null, "", "/");
});

const WARMUP = 10;
const readout = (root: ParentNode, name: string) =>
  root.querySelector(`[data-readout="${name}"] dd`)?.textContent ?? null;
const control = <E extends Element>(root: ParentNode, name: string, sel: string) =>
  root.querySelector<E>(`[data-control="${name}"] ${sel}`) as E;
const configShown = (root: ParentNode) =>
  JSON.parse(root.querySelector("[data-config-json]")?.textContent ?? "{}") as Record<
    string,
    Record<string, unknown>
  >;

describe("playground", () => {
  it("server-renders every knob's control, disabled, with the config it stands for", () => {
    const html = renderToString(<Playground warmup={WARMUP} />);
    expect(html).toContain('data-widget="playground"');
    for (const k of [
      "dataset",
      "depth",
      "width",
      "activation",
      "init",
      "norm",
      "residual",
      "optimiser",
      "lr",
      "batchSize",
      "clip",
      "steps",
      "seed",
    ])
      expect(html, k).toMatch(new RegExp(`data-control="${k}"[^]*?disabled`));
    expect(html).toMatch(/data-action="play"[^>]*disabled/);
    expect(html).toContain("&quot;depth&quot;: 4");
  });

  it("trains the warm-up, and a knob change starts a new run with that knob", async () => {
    const { container } = render(<Playground warmup={WARMUP} />);
    await waitFor(() => expect(readout(container, "step")).toBe(`${WARMUP} of 400`), { timeout: 20_000 });
    const before = readout(container, "train-loss");
    const depth = control<HTMLInputElement>(container, "depth", "input");
    fireEvent.input(depth, { target: { value: "2" } });
    fireEvent.change(depth, { target: { value: "2" } });
    expect(configShown(container).model?.depth).toBe(2);
    await waitFor(
      () => expect(container.querySelectorAll('[data-table="layers"] tbody tr')).toHaveLength(3),
      {
        timeout: 20_000,
      },
    );
    await waitFor(() => expect(readout(container, "step")).toBe(`${WARMUP} of 400`), { timeout: 20_000 });
    expect(readout(container, "train-loss")).not.toBe(before);
    expect(container.querySelector<HTMLSelectElement>("#pg-preset")?.value).toBe("custom");
  });

  it("puts the schema's message beside a refused value and holds the run back until it is fixed", async () => {
    const { container } = render(<Playground warmup={WARMUP} />);
    await waitFor(() => expect(readout(container, "step")).toBe(`${WARMUP} of 400`), { timeout: 20_000 });
    const lr = control<HTMLInputElement>(container, "lr", "input");
    fireEvent.change(lr, { target: { value: "0" } });
    await waitFor(() =>
      expect(container.querySelector('[data-knob-error="lr"]')?.textContent).toContain(
        "optimiser.lr: must be a number in (0, 1000000] (got 0)",
      ),
    );
    expect(lr.getAttribute("aria-invalid")).toBe("true");
    expect(container.querySelector("[data-blocked]")).not.toBeNull();
    expect(container.querySelector<HTMLButtonElement>('[data-action="play"]')?.disabled).toBe(true);
    // The last valid run is still on screen.
    expect(readout(container, "step")).toBe(`${WARMUP} of 400`);
    // Text that is not a number is reported and not sent anywhere.
    fireEvent.change(lr, { target: { value: "" } });
    expect(container.querySelector('[data-knob-error="lr"]')?.textContent).toContain("enter a number");
    fireEvent.change(lr, { target: { value: "0.05" } });
    await waitFor(() => expect(container.querySelector("[data-knob-error]")).toBeNull());
    expect(container.querySelector("[data-blocked]")).toBeNull();
    expect(configShown(container).optimiser?.lr).toBe(0.05);
  });

  it("a preset replaces every knob; its description is shown", async () => {
    const { container } = render(<Playground warmup={WARMUP} />);
    const preset = container.querySelector<HTMLSelectElement>("#pg-preset")!;
    fireEvent.change(preset, { target: { value: "vanishing" } });
    expect(configShown(container).model?.depth).toBe(PG_PRESETS.vanishing.knobs.depth);
    expect(container.querySelector("[data-preset-description]")?.textContent).toBe(
      PG_PRESETS.vanishing.description,
    );
    await waitFor(() => expect(readout(container, "step")).toBe(`${WARMUP} of 600`), { timeout: 20_000 });
  });

  it("locks and hides controls named in the address, and reports unknown names", async () => {
    window.history.replaceState(null, "", "/playground/?lock=activation,presets&hide=optimisation,nope");
    const { container } = render(<Playground warmup={WARMUP} />);
    await waitFor(() =>
      expect(container.querySelector("[data-instructor-notice]")?.textContent).toContain("hide=nope"),
    );
    expect(control<HTMLSelectElement>(container, "activation", "select").disabled).toBe(true);
    expect(container.querySelector('[data-control="activation"] .pg-lock')).not.toBeNull();
    expect(container.querySelector<HTMLSelectElement>("#pg-preset")?.disabled).toBe(true);
    expect(container.querySelector('[data-group="optimisation"]')).toBeNull();
    expect(container.querySelector('[data-control="lr"]')).toBeNull();
    await waitFor(() => expect(control<HTMLSelectElement>(container, "depth", "input").disabled).toBe(false));
    // The exercise-link builder starts from these settings and writes them back into a link.
    expect(container.querySelector<HTMLInputElement>('[data-lock="activation"]')?.checked).toBe(true);
    const url = new URL(container.querySelector<HTMLInputElement>("[data-exercise-url]")!.value);
    expect(url.searchParams.get("lock")).toBe("activation,presets");
    expect(url.searchParams.get("hide")).toContain("lr");
    expect(url.searchParams.get("playground")).toMatch(/^v1\./);
  });

  it("asks the trainer for the decision grid of a 2-D run and draws it", async () => {
    // happy-dom has no 2-D canvas; Plot's raster needs one (a browser's is tested end to end).
    const fakeContext = {
      createImageData: (w: number, h: number) => ({
        data: new Uint8ClampedArray(w * h * 4),
        width: w,
        height: h,
      }),
      putImageData: () => undefined,
    };
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(
      (() => fakeContext) as unknown as HTMLCanvasElement["getContext"],
    );
    vi.spyOn(HTMLCanvasElement.prototype, "toDataURL").mockImplementation(() => "data:image/png;base64,");
    const { container } = render(<Playground warmup={WARMUP} />);
    await waitFor(
      () =>
        expect(container.querySelector("[data-boundary] figcaption")?.textContent).toContain(
          `at step ${WARMUP}`,
        ),
      { timeout: 20_000 },
    );
    await waitFor(
      () =>
        expect(container.querySelector('[data-chart="boundary"]')?.getAttribute("data-drawn")).toBe("true"),
      {
        timeout: 20_000,
      },
    );
    expect(container.querySelector(".widget--failed")).toBeNull();
  });

  it("exports the config as JSON the core's parser accepts unchanged", async () => {
    const blobs: Blob[] = [];
    vi.stubGlobal(
      "URL",
      Object.assign(URL, {
        createObjectURL: (b: Blob) => {
          blobs.push(b);
          return "blob:x";
        },
        revokeObjectURL: () => undefined,
      }),
    );
    const { container } = render(<Playground warmup={WARMUP} />);
    await waitFor(() =>
      expect(container.querySelector<HTMLButtonElement>('[data-action="export-config"]')?.disabled).toBe(
        false,
      ),
    );
    fireEvent.click(container.querySelector('[data-action="export-config"]')!);
    expect(blobs).toHaveLength(1);
    const parsed = parseConfig(JSON.parse(await blobs[0]!.text()));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.config.model).toMatchObject({
      depth: DEFAULT_KNOBS.depth,
      activation: DEFAULT_KNOBS.activation,
    });
  });
});
