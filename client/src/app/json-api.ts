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
  const hasBody = request.body !== undefined;
  let response: Response;
  try {
    response = await fetch(path, {
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
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = body?.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? "http",
      error.message ?? `The server answered ${response.status}.`,
      Array.isArray(error.details) ? error.details : [],
    );
  }
  return body as T;
}
