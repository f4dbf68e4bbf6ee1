import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Redis } from "ioredis";
import type { Accounts } from "../accounts/accounts.ts";
import type { AttemptLimits } from "../accounts/limits.ts";
import { accountRoutes } from "../accounts/routes.ts";
import type { Limits } from "../runtime/config.ts";
import type { Logger } from "../runtime/logger.ts";
import { type ApiDeps, routeKit } from "./api.ts";
import { jsonBodies, uploadGuard } from "./body.ts";
import { errorHandler, methodNotAllowed, notFoundHandler } from "./errors.ts";
import { inboxEvents } from "./inbox-events.ts";
import { ApiError } from "./respond.ts";
import { actionRoutes } from "./routes-actions.ts";
import { cafeRoutes } from "./routes-cafe.ts";
import { cascadeRoutes } from "./routes-cascade.ts";
import { galleryRoutes } from "./routes-gallery.ts";
import { historyRoutes } from "./routes-history.ts";
import { inboxRoutes } from "./routes-inbox.ts";
import { linkRoutes } from "./routes-links.ts";
import { memberRoutes } from "./routes-members.ts";
import { modelRoutes, modelViewRoutes } from "./routes-models.ts";
import { readStateRoutes } from "./routes-read-state.ts";
import { reportRoutes } from "./routes-report.ts";
import { workspaceRoutes } from "./routes-workspaces.ts";
import { helmetOptions } from "./security-headers.ts";
import { staticFiles } from "./static-files.ts";

const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"] as const;

export interface HttpAppOptions {
  deps: ApiDeps;
  limits: Limits;
  /** People and sign-in, mounted at `/api/auth/*`, `/api/setup` and `/api/accounts/*`. */
  accounts: Accounts;
  attemptLimits: AttemptLimits;
  clientDist: string;
  logger: Logger;
  /** With REDIS_URL: the request rate is counted there, for all processes together. */
  redis: Redis | undefined;
  redisPrefix: string;
}

/** An idle keep-alive connection is closed after this long (at most half the request timeout). */
const keepAliveMs = (limits: Limits) => Math.min(5_000, Math.floor(limits.requestTimeoutMs / 2));

/**
 * The node server: a request that has not sent its headers and body within `requestTimeout` is
 * cut off (408); timeouts are checked every second rather than Node's default 30 s, so a slow
 * sender cannot hold a body buffer much past its limit. Idle keep-alive connections close well
 * before that, so a client never reuses one the server is about to drop.
 */
function nodeServer(limits: Limits) {
  return (handler: Parameters<typeof createServer>[1]): Server => {
    const server = createServer(
      {
        requestTimeout: limits.requestTimeoutMs,
        headersTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: keepAliveMs(limits),
        connectionsCheckingInterval: 1_000,
      },
      handler,
    );
    return server;
  };
}

function clientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) return;
  const status =
    error.code === "HPE_HEADER_OVERFLOW"
      ? "431 Request Header Fields Too Large"
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? "408 Request Timeout"
        : "400 Bad Request";
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Records each API path's methods, then answers every other method on it with 405. */
function methodTable(app: FastifyInstance) {
  const methods = new Map<string, Set<string>>();
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.handler === methodNotAllowed) return;
    const set = methods.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) set.add(method);
    methods.set(route.url, set);
  });
  return () => {
    for (const [url, used] of methods) {
      const missing = METHODS.filter((m) => !used.has(m) && !(m === "HEAD" && used.has("GET")));
      if (missing.length) app.route({ method: [...missing], url, handler: methodNotAllowed });
    }
  };
}

export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const { limits, logger } = options;
  const app = Fastify({
    serverFactory: nodeServer(limits),
    bodyLimit: limits.maxBodyBytes,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: keepAliveMs(limits),
    clientErrorHandler: clientError,
    logger: false,
    // Ids are checked by pattern in the routes (404 for one not ours); the URL itself is bounded
    // by Node's header size limit.
    routerOptions: { maxParamLength: 32 * 1024 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(logger, limits.maxBodyBytes));
  app.setNotFoundHandler(notFoundHandler);
  jsonBodies(app, limits);
  app.decorateRequest("access", null);

  // Paths are logged without the query string and cut short; tokens never travel in either.
  app.addHook("onResponse", async (request, reply) => {
    logger.info("http", {
      method: request.method,
      path: (request.url.split("?")[0] ?? "/").slice(0, 200),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    });
  });
  await app.register(helmet, helmetOptions);
  const burst = Math.max(1, limits.apiRequestsPerSecond * 10);
  await app.register(rateLimit, {
    // A burst of 10 s worth of requests, refilled over 10 s, per address; static files are free.
    max: burst,
    timeWindow: 10_000,
    allowList: (request) => !request.url.startsWith("/api/") && request.url !== "/api",
    keyGenerator: (request) => request.ip,
    ...(options.redis
      ? { redis: options.redis, nameSpace: `${options.redisPrefix}:rate:`, skipOnError: true }
      : {}),
    errorResponseBuilder: () =>
      new ApiError(429, "rate-limited", "Too many requests; try again in a moment."),
  });
  app.addHook("onRequest", uploadGuard(limits));

  const finish = methodTable(app);
  const kit = routeKit(app, options.deps);
  modelRoutes(kit);
  modelViewRoutes(kit);
  linkRoutes(kit);
  historyRoutes(kit);
  reportRoutes(kit);
  cafeRoutes(kit);
  readStateRoutes(kit);
  workspaceRoutes(kit);
  memberRoutes(kit);
  actionRoutes(kit);
  galleryRoutes(kit);
  cascadeRoutes(kit);
  inboxRoutes(kit);
  inboxEvents(kit);
  accountRoutes(app, options.accounts, options.attemptLimits);
  finish();
  await staticFiles(app, options.clientDist);
  await app.ready();
  return app;
}
