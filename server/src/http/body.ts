import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Limits } from "../runtime/config.ts";
import { ApiError, tooLarge } from "./respond.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** Bytes of the request body as received (0 without one). */
    bodyBytes: number;
  }
}

/**
 * JSON is the only body the API reads. `text/plain` (and every other type a web page can send
 * without a CORS preflight) is refused with 415 before a byte of it is buffered, so a page a
 * person visits cannot make their browser create or change models here. An empty body is
 * `undefined` (a blank model, a restore).
 */
export function jsonBodies(app: FastifyInstance, limits: Limits): void {
  app.decorateRequest("bodyBytes", 0);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    "application/json",
    { parseAs: "buffer", bodyLimit: limits.maxBodyBytes },
    (request, body, done) => {
      const buffer = body as Buffer;
      request.bodyBytes = buffer.length;
      const text = buffer.toString("utf8");
      if (text.trim() === "") {
        done(null, undefined);
        return;
      }
      try {
        done(null, JSON.parse(text));
      } catch (error) {
        const detail = error instanceof Error ? error.message : "";
        done(new ApiError(400, "bad-json", `The request body is not valid JSON: ${detail}`.trim()));
      }
    },
  );
}

export const unsupportedMediaType = () =>
  new ApiError(
    415,
    "unsupported-media-type",
    "Send the request body as JSON, with the header 'Content-Type: application/json'.",
  );

/** Bodies up to this size draw on their own share of the buffer budget. */
const SMALL_BODY = 64 * 1024;

/**
 * Bounds what request bodies can hold in memory before a handler sees them: at most
 * `maxUploadsPerAddress` bodies in flight per address, and at most `maxBufferedBodyBytes`
 * reserved over all requests (a body reserves its declared length, or the body limit when it is
 * sent in chunks). A refused body is read and discarded (no memory) until the request timeout,
 * so that the refusal reaches the sender instead of a reset connection. Small bodies (a title, a label, a role) have an eighth of the budget to
 * themselves, so large uploads that hang cannot starve everyday requests. Slow senders are cut off by
 * the server's request timeout.
 */
export function uploadGuard(limits: Limits) {
  const perAddress = new Map<string, number>();
  const smallBudget = Math.floor(limits.maxBufferedBodyBytes / 8);
  const pools = {
    small: { reserved: 0, budget: smallBudget },
    large: { reserved: 0, budget: limits.maxBufferedBodyBytes - smallBudget },
  };
  const close = { Connection: "close" };

  return async function guardUpload(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const headers = request.raw.headers;
    const declared = Number(headers["content-length"] ?? 0);
    const chunked = headers["transfer-encoding"] !== undefined;
    if (!chunked && !(declared > 0)) return;
    if (!chunked && declared > limits.maxBodyBytes) {
      const error = tooLarge(limits.maxBodyBytes);
      throw new ApiError(error.status, error.code, error.message, undefined, close);
    }
    const address = request.ip;
    const inFlight = perAddress.get(address) ?? 0;
    if (inFlight >= limits.maxUploadsPerAddress) {
      throw new ApiError(
        429,
        "too-many-uploads",
        `Your address already has ${inFlight} uploads in progress; wait for them to finish, then try again.`,
        undefined,
        { "Retry-After": "5" },
      );
    }
    const reserve = chunked ? limits.maxBodyBytes : declared;
    const pool = reserve <= SMALL_BODY ? pools.small : pools.large;
    if (pool.reserved + reserve > pool.budget) {
      throw new ApiError(
        503,
        "server-busy",
        "The server is receiving too many uploads right now; try again in a moment.",
        undefined,
        { "Retry-After": "5" },
      );
    }
    perAddress.set(address, inFlight + 1);
    pool.reserved += reserve;
    let released = false;
    // 'close' comes once the response is done or the connection is gone, whichever is first.
    reply.raw.once("close", () => {
      if (released) return;
      released = true;
      pool.reserved -= reserve;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  };
}
