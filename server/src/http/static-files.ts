import { stat } from "node:fs/promises";
import { resolve, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Logic Canvas</title>
<p>The Logic Canvas client is not built yet. Run <code>npm start</code> from the repository root, which builds it.</p>`;

const isAppRoute = (path: string) =>
  path === "/" ||
  path === "/index.html" ||
  path.startsWith("/m/") ||
  path === "/account" ||
  path.startsWith("/account/") ||
  path === "/workspaces" ||
  path.startsWith("/workspaces/") ||
  path === "/invite" ||
  path === "/unsubscribe" ||
  path === "/my-actions";

/**
 * Serves the built client: `/` and `/m/*` get index.html (the app routes on the client), other
 * paths a file under `root` or 404. The path is decoded and checked here, before the file is
 * sent, so a traversal attempt or a NUL byte is a plain 404 like any missing file.
 */
export async function staticFiles(app: FastifyInstance, root: string): Promise<void> {
  const base = resolve(root);
  await app.register(fastifyStatic, {
    root: base,
    serve: false,
    dotfiles: "ignore",
    cacheControl: false,
    etag: true,
    lastModified: true,
    suppressWarning: true,
    setHeaders: (reply, path) => {
      const immutable = path.startsWith(`${base}${sep}assets${sep}`);
      reply.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });

  const notFound = (reply: FastifyReply) =>
    reply.code(404).type("text/plain; charset=utf-8").send("Not Found");

  app.get("/*", async (request, reply) => {
    const pathname = request.url.split("?")[0] ?? "/";
    if (pathname === "/api" || pathname.startsWith("/api/")) return reply.callNotFound();
    if (isAppRoute(pathname)) {
      const built = await stat(resolve(base, "index.html")).catch(() => undefined);
      if (!built?.isFile()) return reply.type("text/html; charset=utf-8").send(NOT_BUILT);
      return reply.sendFile("index.html");
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return notFound(reply);
    }
    if (decoded.includes("\0") || decoded.includes("\\")) return notFound(reply);
    const file = resolve(base, `.${decoded}`);
    if (!file.startsWith(base + sep)) return notFound(reply);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return notFound(reply);
    return reply.sendFile(file.slice(base.length + 1));
  });
}
