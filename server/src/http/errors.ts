import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { ModelUnavailableError } from "../models/models.ts";
import { errorText, type Logger } from "../runtime/logger.ts";
import { unsupportedMediaType } from "./body.ts";
import { ApiError, errorBody, tooLarge } from "./respond.ts";
import { linkIdOf, modelIdOf, type RawParams, versionIdOf } from "./routes.ts";

const pathOf = (request: FastifyRequest) => (request.url.split("?")[0] ?? "/").slice(0, 200);

interface ValidationIssue {
  instancePath?: string;
  message?: string;
}

/** A zod schema's complaint as the API's `bad-request` with one detail per problem. */
function validationError(issues: ValidationIssue[]): ApiError {
  const details = issues.map((issue) => ({
    path: (issue.instancePath ?? "").replace(/^\//, "").replace(/\//g, "."),
    message: issue.message ?? "is not valid",
  }));
  const first = details[0];
  const message = first ? `${first.path ? `${first.path} ` : ""}${first.message}.` : "Bad request.";
  return new ApiError(400, "bad-request", message, details);
}

function asApiError(error: FastifyError, maxBodyBytes: number): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof ModelUnavailableError) {
    return new ApiError(
      503,
      "storage-error",
      "The model could not be read from storage; nothing was changed. Try again later.",
    );
  }
  if (Array.isArray(error.validation))
    return validationError(error.validation as ValidationIssue[]);
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE": {
      const large = tooLarge(maxBodyBytes);
      return new ApiError(413, large.code, large.message, undefined, { Connection: "close" });
    }
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return unsupportedMediaType();
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new ApiError(status, "bad-request", error.message);
  return undefined;
}

/** Every error as `{ error: { code, message, details? } }`; anything unexpected is a logged 500. */
export function errorHandler(logger: Logger, maxBodyBytes: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    let api = asApiError(error, maxBodyBytes);
    if (error instanceof ModelUnavailableError) {
      logger.error("model-unavailable", { path: pathOf(request), error: errorText(error) });
    }
    if (!api) {
      logger.error("http-error", { path: pathOf(request), error: errorText(error) });
      api = new ApiError(
        500,
        "internal",
        "Something went wrong on the server; nothing was changed.",
      );
    }
    if (reply.sent || reply.raw.headersSent) {
      reply.raw.destroy();
      return;
    }
    return reply
      .code(api.status)
      .headers({ "Cache-Control": "no-store", ...api.headers })
      .send(errorBody(api));
  };
}

/** Unknown `/api` paths are JSON 404s; anything but GET/HEAD on the client's files is a 405. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const path = pathOf(request);
  if (path === "/api" || path.startsWith("/api/")) {
    return reply
      .code(404)
      .header("Cache-Control", "no-store")
      .send(errorBody(new ApiError(404, "not-found", "There is no such API route.")));
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    return reply
      .code(405)
      .header("Allow", "GET, HEAD")
      .type("text/plain")
      .send("Method Not Allowed");
  }
  return reply.code(404).type("text/plain; charset=utf-8").send("Not Found");
}

/** The 405 every API path gives for a method it has no route for (an id not ours is a 404). */
export const methodNotAllowed = async (request: FastifyRequest) => {
  const params = request.params as RawParams;
  if (params.id !== undefined) modelIdOf(params);
  if (params.linkId !== undefined) linkIdOf(params);
  if (params.vid !== undefined) versionIdOf(params);
  throw new ApiError(405, "method-not-allowed", `${request.method} is not allowed here.`);
};
