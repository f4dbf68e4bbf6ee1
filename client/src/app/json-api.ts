import type { FileError } from "@logic-canvas/shared";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FileError[] = [],
  ) {
    super(message);
  }
}

export interface JsonRequest {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON, with `content-type: application/json` (the server refuses write bodies without it). */
  body?: unknown;
}

/**
 * The one way the client calls the JSON API: the reply's body is the result, and a failure
 * (no connection, or an `{ error: { code, message, details } }` reply) throws an ApiError.
 */
export async function requestJson<T>(path: string, request: JsonRequest = {}): Promise<T> {
  const response = await send(path, request);
  const body = await response.json().catch(() => undefined);
  return answerOf<T>(response.status, body);
}

/**
 * A reply's status and JSON body as `requestJson` returns or throws them, for a request made
 * before the bundle ran (the early scripts under public/assets); status 0: no connection.
 */
export function answerOf<T>(status: number, body: unknown): T {
  if (status === 0) throw NO_CONNECTION();
  if (status < 200 || status > 299)
    throw failure(status, body as { error?: Record<string, unknown> } | undefined);
  return body as T;
}

const NO_CONNECTION = () =>
  new ApiError(0, "network", "The server cannot be reached. Check your connection.");

/** A file the API answers (a written plan, say): the bytes, or the same ApiError as above. */
export async function requestBlob(path: string, request: JsonRequest = {}): Promise<Blob> {
  const response = await send(path, request);
  if (!response.ok) throw failure(response.status, await response.json().catch(() => undefined));
  return response.blob();
}

async function send(path: string, request: JsonRequest): Promise<Response> {
  const hasBody = request.body !== undefined;
  try {
    return await fetch(path, {
      method: request.method,
      headers: {
        ...request.headers,
        ...(hasBody ? { "content-type": "application/json" } : {}),
      },
      body: hasBody ? JSON.stringify(request.body) : undefined,
    });
  } catch {
    throw NO_CONNECTION();
  }
}

function failure(status: number, body: { error?: Record<string, unknown> } | undefined) {
  const error = body?.error ?? {};
  return new ApiError(
    status,
    typeof error.code === "string" ? error.code : "http",
    typeof error.message === "string" ? error.message : `The server answered ${status}.`,
    Array.isArray(error.details) ? (error.details as FileError[]) : [],
  );
}
