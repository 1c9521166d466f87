/**
 * Screenshots of the built site in Debian's Chromium, to look at pages without a desktop.
 *
 *   npm run screenshot -- /chapters/01-sigmoid/ [--width 390] [--height 800] [--dark]
 *                         [--no-js] [--viewport-only] [--segments] [--out shot.png] [--root dist]
 *   npm run screenshot -- --all [--out-dir screenshots]   # every page, 390 and 1280, light and dark
 *
 * Default output: screenshots/<page>-<width>[-dark][-nojs].png (full page). `--segments`
 * cuts the full page into viewport-high pieces (<name>.01.png, .02.png, ...), which are
 * easier to look at than one very tall image. Islands are scrolled into view and hydrated
 * before the shot, as a reader would see them.
 * Run `npm run build` first.
 */
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/e2e/browser.ts";
import { listPages } from "./dist-pages.ts";
import { startStaticServer } from "./serve.ts";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface ShotOptions {
  path: string;
  width: number;
  height: number;
  dark: boolean;
  javaScript: boolean;
  fullPage: boolean;
  segments: boolean;
  out: string;
}

/** A full-page shot of a long chapter on a busy 2-core machine can take well over 30 s. */
const SHOT_TIMEOUT_MS = 120_000;

/** `/chapters/01-sigmoid/` at 390 dark → `chapters-01-sigmoid-390-dark.png`. */
export function defaultShotName(path: string, width: number, dark: boolean, javaScript: boolean): string {
  const slug = path.replace(/^\/+|\/+$/g, "").replace(/[^\w.-]+/g, "-") || "home";
  return `${slug}-${width}${dark ? "-dark" : ""}${javaScript ? "" : "-nojs"}.png`;
}

/** Takes one shot (or its segments); returns the page's errors and the files written. */
async function shoot(
  browser: Browser,
  baseUrl: string,
  shot: ShotOptions,
): Promise<{ errors: string[]; files: string[] }> {
  const context = await browser.newContext({
    viewport: { width: shot.width, height: shot.height },
    colorScheme: shot.dark ? "dark" : "light",
    javaScriptEnabled: shot.javaScript,
    reducedMotion: "reduce",
  });
  const errors: string[] = [];
  const files: string[] = [];
  try {
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(new URL(shot.path, `${baseUrl}/`).href, { waitUntil: "load" });
    if (shot.javaScript) {
      const islands = page.locator("astro-island");
      for (let i = 0; i < (await islands.count()); i++) await islands.nth(i).scrollIntoViewIfNeeded();
      await page
        .waitForFunction(() => document.querySelectorAll("astro-island[ssr]").length === 0, null, {
          timeout: 10_000,
        })
        .catch(() => errors.push("some islands did not hydrate within 10 s"));
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    await page.evaluate(() => document.fonts.ready);
    await mkdir(dirname(shot.out), { recursive: true });
    if (shot.segments) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const count = Math.ceil(height / shot.height);
      for (let i = 0; i < count; i++) {
        const y = i * shot.height;
        const path = shot.out.replace(/\.png$/, `.${String(i + 1).padStart(2, "0")}.png`);
        files.push(path);
        await page.screenshot({
          path,
          fullPage: true,
          clip: { x: 0, y, width: shot.width, height: Math.min(shot.height, height - y) },
          timeout: SHOT_TIMEOUT_MS,
        });
      }
    } else {
      files.push(shot.out);
      await page.screenshot({ path: shot.out, fullPage: shot.fullPage, timeout: SHOT_TIMEOUT_MS });
    }
  } finally {
    await context.close();
  }
  return { errors, files };
}

function parseArgs(args: readonly string[]) {
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const flags = new Set(args.filter((a) => a.startsWith("--")));
  const valued = new Set(["--width", "--height", "--out", "--out-dir", "--root"]);
  const positional = args.filter((a, i) => !a.startsWith("--") && !valued.has(args[i - 1] ?? ""));
  return {
    path: positional[0] ?? "/",
    width: Number(value("--width") ?? 1280),
    height: Number(value("--height") ?? 800),
    dark: flags.has("--dark"),
    javaScript: !flags.has("--no-js"),
    fullPage: !flags.has("--viewport-only"),
    segments: flags.has("--segments"),
    out: value("--out"),
    outDir: value("--out-dir") ?? "screenshots",
    root: value("--root") ?? "dist",
    all: flags.has("--all"),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const server = await startStaticServer({ root: options.root });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  let failed = false;
  try {
    const shots: ShotOptions[] = [];
    if (options.all) {
      const pages = await listPages(resolve(REPO_ROOT, options.root));
      for (const page of pages) {
        for (const width of [390, 1280]) {
          for (const dark of [false, true]) {
            const out = resolve(options.outDir, defaultShotName(page.path, width, dark, true));
            shots.push({ ...options, path: page.path, width, dark, out });
          }
        }
      }
    } else {
      const out = resolve(
        options.out ??
          `${options.outDir}/${defaultShotName(options.path, options.width, options.dark, options.javaScript)}`,
      );
      shots.push({ ...options, out });
    }
    for (const shot of shots) {
      // One shot that fails (a timeout on a loaded machine) is reported; the rest still run.
      const result = await shoot(browser, server.url, shot).catch((error: unknown) => {
        console.log(`${shot.out}  FAILED: ${String(error).split("\n")[0]}`);
        failed = true;
        return undefined;
      });
      if (!result) continue;
      const { errors, files } = result;
      const written = files.length > 1 ? `${files[0]} ... (${files.length} segments)` : files[0];
      console.log(`${written}${errors.length > 0 ? `  (page errors: ${errors.join(" | ")})` : ""}`);
      if (errors.length > 0) failed = true;
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (failed) process.exitCode = 1;
}
