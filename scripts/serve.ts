/**
 * A tiny static file server over a built site (default `dist/`), for the end-to-end tests and
 * the screenshot tool. It mirrors how the site is deployed: `trailingSlash: "always"`, so
 * `/chapters/01-sigmoid/` serves `chapters/01-sigmoid/index.html` and `/chapters/01-sigmoid`
 * redirects (301) to the slashed URL, exactly as a static host would.
 *
 * It binds 127.0.0.1 only, on a free port chosen by the OS unless one is given.
 *
 *   import { startStaticServer } from "../scripts/serve.ts";
 *   const server = await startStaticServer({ root: "dist" });
 *   // ... fetch(`${server.url}/chapters/01-sigmoid/`)
 *   await server.close();
 *
 * From the shell: `npx tsx scripts/serve.ts [--root dist] [--port 4322]`.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Content types of every file kind an Astro build emits (anything else is octet-stream). */
const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".pdf": "application/pdf",
  ".csv": "text/csv; charset=utf-8",
  ".bib": "text/plain; charset=utf-8",
} as const satisfies Record<string, string>;

function contentTypeOf(file: string): string {
  const ext = extname(file).toLowerCase();
  return (CONTENT_TYPES as Record<string, string>)[ext] ?? "application/octet-stream";
}

export interface StaticServer {
  /** e.g. `http://127.0.0.1:40123` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Directory to serve; default `dist` relative to the repository root. */
  root?: string;
  /** Port; default 0 (a free port chosen by the OS). */
  port?: number;
}

const REPO_ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function sendFile(res: ServerResponse, file: string, status: number, method: string): Promise<void> {
  const info = await stat(file);
  res.writeHead(status, {
    "content-type": contentTypeOf(file),
    "content-length": String(info.size),
    "cache-control": "no-store",
  });
  if (method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400).end("bad request");
    return;
  }
  const target = resolve(join(root, pathname));
  // Refuse anything that escapes the root (`/../etc/passwd`).
  if (target !== root && !target.startsWith(root + sep)) {
    res.writeHead(403).end("forbidden");
    return;
  }
  if (pathname.endsWith("/")) {
    const index = join(target, "index.html");
    if (await isFile(index)) return sendFile(res, index, 200, method);
  } else if (await isFile(target)) {
    return sendFile(res, target, 200, method);
  } else if (await isDirectory(target)) {
    // trailingSlash: "always" — the canonical URL of a page ends in a slash.
    res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
    return;
  }
  const notFound = join(root, "404.html");
  if (await isFile(notFound)) return sendFile(res, notFound, 404, method);
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
}

export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = resolve(REPO_ROOT, options.root ?? "dist");
  if (!(await isDirectory(root))) {
    throw new Error(`startStaticServer: ${root} is not a directory (run \`npm run build\` first)`);
  }
  // 64 KiB of headers instead of Node's 16 KiB: the URL-state tests open links whose state
  // is deliberately huge (the widgets must reject it, so the server must let it through).
  const server = createServer({ maxHeaderSize: 65_536 }, (req, res) => {
    handle(root, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, "127.0.0.1", () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portArg = argValue(args, "--port");
  const server = await startStaticServer({
    root: argValue(args, "--root"),
    port: portArg === undefined ? 4322 : Number(portArg),
  });
  console.log(`serving ${argValue(args, "--root") ?? "dist"} at ${server.url}/`);
}
