/**
 * The Content-Security-Policy of every built page (Astro `security.csp`, astro.config.mjs):
 * present, ahead of everything it governs, no 'unsafe-eval', no inline script allowed
 * except by hash, and every inline <script>/<style> the page ships is covered by a hash,
 * so the browser will block nothing of ours and would block anything injected.
 * The fixture cases at the bottom prove the check fails on what it is for.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { listPages } from "../../scripts/dist-pages.ts";
import { plotStyleHashes } from "../../src/components/site/csp-hashes";

type Policy = Map<string, string[]>;

function parsePolicy(content: string): Policy {
  const policy: Policy = new Map();
  for (const part of content.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) policy.set(name, values);
  }
  return policy;
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** Everything wrong with one page's CSP; empty when the page is sound. */
function cspProblems(html: string): string[] {
  const problems: string[] = [];
  const { document } = parseHTML(html);
  const metas = [...document.querySelectorAll('meta[http-equiv="content-security-policy" i]')];
  if (metas.length !== 1) return [`expected one CSP <meta>, found ${metas.length}`];
  const meta = metas[0]!;
  const policy = parsePolicy(meta.getAttribute("content") ?? "");
  const scriptSrc = policy.get("script-src") ?? [];
  const styleSrc = policy.get("style-src-elem") ?? policy.get("style-src") ?? [];
  if (!policy.has("script-src")) problems.push("no script-src directive");
  for (const [name, values] of policy) {
    if (values.includes("'unsafe-eval'")) problems.push(`${name} allows 'unsafe-eval'`);
    if (values.includes("'unsafe-inline'") && name !== "style-src-attr") {
      problems.push(`${name} allows 'unsafe-inline'`);
    }
    for (const v of values) {
      if (/^(https?:|\*|\/\/)/.test(v)) problems.push(`${name} allows another origin: ${v}`);
    }
  }
  // A policy only governs what the parser meets after it. Before it we accept only inline
  // scripts the policy itself would allow (by hash): the no-flash theme script must run
  // before any stylesheet, and Astro places its <meta> after them.
  const all = [...document.querySelectorAll("meta, script, style, link")];
  const metaIndex = all.indexOf(meta);
  for (const el of document.querySelectorAll('script, style, link[rel="stylesheet"]')) {
    if (all.indexOf(el) > metaIndex) continue;
    const inlineHashed =
      el.tagName === "SCRIPT" && !el.hasAttribute("src") && scriptSrc.includes(sha256(el.textContent ?? ""));
    if (!inlineHashed) problems.push(`<${el.tagName.toLowerCase()}> comes before the CSP <meta>`);
  }
  for (const script of document.querySelectorAll("script")) {
    const type = script.getAttribute("type");
    if (type && type !== "module" && !/javascript/.test(type)) continue; // JSON data blocks do not run
    const src = script.getAttribute("src");
    if (src) {
      if (!src.startsWith("/")) problems.push(`script from another origin: ${src}`);
    } else if (!scriptSrc.includes(sha256(script.textContent ?? ""))) {
      problems.push(
        `inline script without its hash in script-src: ${(script.textContent ?? "").slice(0, 60)}`,
      );
    }
  }
  for (const style of document.querySelectorAll("style")) {
    if (!styleSrc.includes(sha256(style.textContent ?? ""))) {
      problems.push(
        `inline <style> without its hash in style-src: ${(style.textContent ?? "").slice(0, 60)}`,
      );
    }
  }
  return problems;
}

const root = resolve("dist");

describe("Content-Security-Policy of the built site", () => {
  it("is sound on every page", async () => {
    expect(
      existsSync(resolve(root, "index.html")),
      "dist/index.html missing: run `npm run build` first",
    ).toBe(true);
    const pages = await listPages(root);
    expect(pages.length).toBeGreaterThan(0);
    const report: Record<string, string[]> = {};
    for (const page of pages) {
      const problems = cspProblems(await readFile(page.file, "utf8"));
      if (problems.length > 0) report[page.path] = problems;
    }
    expect(report).toEqual({});
  });

  it("lets KaTeX's style attributes and Plot's chart styles through, and nothing inline for scripts", async () => {
    const html = await readFile(resolve(root, "index.html"), "utf8");
    const { document } = parseHTML(html);
    const policy = parsePolicy(
      document.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute("content") ?? "",
    );
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    const styleSrc = policy.get("style-src") ?? [];
    for (const hash of plotStyleHashes()) expect(styleSrc).toContain(`'${hash}'`);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
  });
});

describe("CSP check on fixtures (proves the gate can fail)", () => {
  const script = "console.log(1)";
  const page = (csp: string, body: string, head = "") =>
    `<!doctype html><html><head>${head}<meta http-equiv="content-security-policy" content="${csp}"></head><body>${body}</body></html>`;

  it("accepts a hashed inline script", () => {
    expect(cspProblems(page(`script-src 'self' ${sha256(script)}`, `<script>${script}</script>`))).toEqual(
      [],
    );
  });

  it("flags an inline script whose hash is not listed", () => {
    expect(cspProblems(page("script-src 'self'", `<script>${script}</script>`))).toEqual([
      "inline script without its hash in script-src: console.log(1)",
    ]);
  });

  it("flags 'unsafe-eval' and inline scripts allowed wholesale", () => {
    expect(cspProblems(page("script-src 'self' 'unsafe-eval' 'unsafe-inline'", ""))).toEqual([
      "script-src allows 'unsafe-eval'",
      "script-src allows 'unsafe-inline'",
    ]);
  });

  it("accepts a hashed inline script before the policy, not an unhashed one", () => {
    const ok = page(`script-src 'self' ${sha256(script)}`, "", `<script>${script}</script>`);
    expect(cspProblems(ok)).toEqual([]);
    const bad = page("script-src 'self'", "", `<script>${script}</script>`);
    expect(cspProblems(bad)).toEqual([
      "<script> comes before the CSP <meta>",
      "inline script without its hash in script-src: console.log(1)",
    ]);
  });

  it("flags an unhashed inline <style>, a script before the policy and a foreign origin", () => {
    const problems = cspProblems(
      page(
        "script-src 'self' https://cdn.example.com; style-src 'self'",
        "<style>p{color:red}</style>",
        "<script src='/early.js'></script>",
      ),
    );
    expect(problems).toEqual([
      "script-src allows another origin: https://cdn.example.com",
      "<script> comes before the CSP <meta>",
      "inline <style> without its hash in style-src: p{color:red}",
    ]);
  });

  it("flags a page without a policy", () => {
    expect(cspProblems("<!doctype html><html><head></head><body></body></html>")).toEqual([
      "expected one CSP <meta>, found 0",
    ]);
  });
});
