import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Logic Canvas</title>
<p>The Logic Canvas client is not built yet. Run <code>npm start</code> from the repository root, which builds it.</p>`;

/**
 * Serves the built client: `/` and `/m/*` get index.html (the app routes on the client), other
 * paths a file under `root` or 404. Nothing outside `root` is reachable.
 */
export async function serveStatic(
  root: string,
  pathname: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain" });
    response.end("Method Not Allowed");
    return;
  }
  const isAppRoute = pathname === "/" || pathname === "/index.html" || pathname.startsWith("/m/");
  let relative = "index.html";
  if (!isAppRoute) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return notFound(response);
    }
    if (decoded.includes("\0") || decoded.includes("\\")) return notFound(response);
    relative = `.${decoded}`;
  }
  const base = resolve(root);
  const file = resolve(base, relative);
  if (!file.startsWith(base + sep)) return notFound(response);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch {
    if (isAppRoute) {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end(NOT_BUILT);
      return;
    }
    return notFound(response);
  }
  if (!info.isFile()) return notFound(response);
  const immutable = relative.startsWith("./assets/");
  response.writeHead(200, {
    "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": info.size,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
  response.end("Not Found");
}
