// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  activateHeadingAnchor,
  copyText,
  followAnchorAlias,
  installHeadingAnchors,
} from "../../src/components/site/heading-anchors";

// happy-dom serves the test page from its own origin; stay on it.
const PAGE = `${window.location.origin}/chapters/01-sigmoid/`;

function setUp(): HTMLAnchorElement {
  window.history.replaceState(null, "", PAGE);
  document.body.innerHTML = `
    <div class="heading-wrapper level-h2">
      <h2 id="the-logistic-function">The logistic function</h2>
      <a class="heading-anchor" href="#the-logistic-function" data-heading-anchor>
        <svg aria-hidden="true"></svg><span class="visually-hidden">Link to section: The logistic function</span>
      </a>
    </div>`;
  return document.querySelector<HTMLAnchorElement>("a[data-heading-anchor]")!;
}

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(window.navigator, "clipboard", { value: { writeText }, configurable: true });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = "";
});

describe("section link controls", () => {
  it("copy the section's full URL with the Clipboard API and say so", async () => {
    const link = setUp();
    const writeText = vi.fn(async (_: string) => {});
    stubClipboard(writeText);
    expect(await activateHeadingAnchor(link)).toBe("clipboard");
    expect(writeText).toHaveBeenCalledWith(`${PAGE}#the-logistic-function`);
    expect(window.location.href).toBe(`${PAGE}#the-logistic-function`);
    expect(link.dataset.state).toBe("copied");
    expect(link.dataset.feedback).toBe("Copied");
    const status = document.querySelector('[role="status"]');
    expect(status?.textContent).toBe(`Link to this section copied: ${PAGE}#the-logistic-function`);
    vi.advanceTimersByTime(2500);
    expect(link.dataset.state).toBeUndefined();
  });

  it("fall back to a selection copy when the Clipboard API refuses", async () => {
    const link = setUp();
    stubClipboard(async () => {
      throw new Error("NotAllowedError");
    });
    const exec = vi.fn(() => true);
    Object.defineProperty(document, "execCommand", { value: exec, configurable: true });
    expect(await activateHeadingAnchor(link)).toBe("fallback");
    expect(exec).toHaveBeenCalledWith("copy");
    expect(link.dataset.state).toBe("copied");
    expect(document.querySelector("textarea")).toBeNull();
  });

  it("when no copy works, follow the link and tell the reader where the URL is", async () => {
    const link = setUp();
    stubClipboard(async () => {
      throw new Error("NotAllowedError");
    });
    Object.defineProperty(document, "execCommand", { value: () => false, configurable: true });
    expect(await copyText("x", document)).toBe("failed");
    expect(await activateHeadingAnchor(link)).toBe("failed");
    expect(link.dataset.state).toBe("failed");
    expect(window.location.hash).toBe("#the-logistic-function");
    expect(document.querySelector('[role="status"]')?.textContent).toMatch(/address bar/);
  });

  it("respond to a click (and to Enter, which browsers turn into a click) via one listener", async () => {
    const link = setUp();
    const writeText = vi.fn(async (_: string) => {});
    stubClipboard(writeText);
    const uninstall = installHeadingAnchors(document);
    const click = new window.MouseEvent("click", { bubbles: true, cancelable: true });
    link.querySelector("svg")!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    uninstall();
  });

  it("leave modified clicks (open in a new tab) to the browser", () => {
    const link = setUp();
    const writeText = vi.fn(async (_: string) => {});
    stubClipboard(writeText);
    const uninstall = installHeadingAnchors(document);
    const click = new window.MouseEvent("click", { bubbles: true, cancelable: true, ctrlKey: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
    expect(writeText).not.toHaveBeenCalled();
    uninstall();
  });
});

describe("declared anchor aliases", () => {
  const aliases = {
    "/chapters/01-sigmoid/#old-name": "/chapters/01-sigmoid/#the-logistic-function",
    "/chapters/01-sigmoid/#gone-elsewhere": "/chapters/02-one-neuron/#a-saturated-neuron-barely-learns",
  };

  it("send an old fragment on this page to its new section", () => {
    setUp();
    window.history.replaceState(null, "", `${PAGE}#old-name`);
    expect(followAnchorAlias(document, aliases)).toBe(`${PAGE}#the-logistic-function`);
    expect(window.location.hash).toBe("#the-logistic-function");
  });

  it("leave fragments that exist, or that no alias mentions, alone", () => {
    setUp();
    window.history.replaceState(null, "", `${PAGE}#the-logistic-function`);
    expect(followAnchorAlias(document, aliases)).toBeUndefined();
    window.history.replaceState(null, "", `${PAGE}#never-existed`);
    expect(followAnchorAlias(document, aliases)).toBeUndefined();
    expect(window.location.hash).toBe("#never-existed");
  });

  it("navigate to another page when the section moved there", () => {
    setUp();
    window.history.replaceState(null, "", `${PAGE}#gone-elsewhere`);
    const replace = vi.spyOn(window.location, "replace").mockImplementation(() => {});
    expect(followAnchorAlias(document, aliases)).toBe(
      `${window.location.origin}/chapters/02-one-neuron/#a-saturated-neuron-barely-learns`,
    );
    expect(replace).toHaveBeenCalledWith(
      `${window.location.origin}/chapters/02-one-neuron/#a-saturated-neuron-barely-learns`,
    );
  });
});
