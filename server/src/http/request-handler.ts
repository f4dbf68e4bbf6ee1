import type { IncomingMessage, ServerResponse } from "node:http";
import { errorText, type Logger } from "../logger.ts";
import { ModelUnavailableError } from "../models.ts";
import { ApiError, sendError } from "./respond.ts";
import { serveStatic } from "./static-files.ts";

type ApiHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  segments: string[],
) => Promise<void>;

/** A per-address token bucket for the API (429 when empty). */
function apiRateLimiter(perSecond: number) {
  const burst = Math.max(1, perSecond * 10);
  const buckets = new Map<string, { tokens: number; at: number }>();
  setInterval(() => {
    const now = Date.now();
    for (const [key, b] of buckets) if (now - b.at > 60_000) buckets.delete(key);
  }, 60_000).unref();
  return (key: string): boolean => {
    const now = Date.now();
    const bucket = buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };
}

/** The HTTP side: `/api/*` to the API, everything else to the built client. */
export function requestHandler(options: {
  api: ApiHandler;
  clientDist: string;
  apiRequestsPerSecond: number;
  logger: Logger;
}) {
  const allow = apiRateLimiter(options.apiRequestsPerSecond);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = Date.now();
    const rawPath = (request.url ?? "/").split("?")[0] ?? "/";
    // Paths are logged without the query string and cut short; tokens never travel in either.
    response.on("finish", () => {
      options.logger.info("http", {
        method: request.method,
        path: rawPath.slice(0, 200),
        status: response.statusCode,
        ms: Date.now() - started,
      });
    });
    try {
      if (rawPath === "/api" || rawPath.startsWith("/api/")) {
        if (!allow(request.socket.remoteAddress ?? "")) {
          throw new ApiError(429, "rate-limited", "Too many requests; try again in a moment.");
        }
        const segments = rawPath.slice("/api/".length).split("/");
        await options.api(request, response, segments);
        return;
      }
      await serveStatic(options.clientDist, rawPath, request, response);
    } catch (error) {
      if (error instanceof ApiError) {
        sendError(response, error);
        if (error.status === 413) request.resume();
        return;
      }
      if (error instanceof ModelUnavailableError) {
        options.logger.error("model-unavailable", {
          path: rawPath.slice(0, 200),
          error: errorText(error),
        });
        sendError(
          response,
          new ApiError(
            503,
            "storage-error",
            "The model could not be read from storage; nothing was changed. Try again later.",
          ),
        );
        return;
      }
      options.logger.error("http-error", { path: rawPath.slice(0, 200), error: errorText(error) });
      sendError(
        response,
        new ApiError(500, "internal", "Something went wrong on the server; nothing was changed."),
      );
    }
  };
}
