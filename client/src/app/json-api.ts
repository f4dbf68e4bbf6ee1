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
  if (!response.ok) throw failure(response, body);
  return body as T;
}

/** A file the API answers (a written plan, say): the bytes, or the same ApiError as above. */
export async function requestBlob(path: string, request: JsonRequest = {}): Promise<Blob> {
  const response = await send(path, request);
  if (!response.ok) throw failure(response, await response.json().catch(() => undefined));
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
    throw new ApiError(0, "network", "The server cannot be reached. Check your connection.");
  }
}

function failure(response: Response, body: { error?: Record<string, unknown> } | undefined) {
  const error = body?.error ?? {};
  return new ApiError(
    response.status,
    typeof error.code === "string" ? error.code : "http",
    typeof error.message === "string" ? error.message : `The server answered ${response.status}.`,
    Array.isArray(error.details) ? (error.details as FileError[]) : [],
  );
}
