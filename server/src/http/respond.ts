/** An API error: `{ error: { code, message, details? } }` with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = "There is no such model.") => new ApiError(404, "not-found", what);

/** The body every API error is sent with. */
export function errorBody(error: ApiError): {
  error: { code: string; message: string; details?: unknown };
} {
  const body: { code: string; message: string; details?: unknown } = {
    code: error.code,
    message: error.message,
  };
  if (error.details !== undefined) body.details = error.details;
  return { error: body };
}

export function tooLarge(limit: number): ApiError {
  return new ApiError(
    413,
    "too-large",
    `The request body is larger than ${Math.round(limit / 1024)} KiB.`,
  );
}

/** "in 12 minutes" / "in 40 seconds", for refusals that clear by themselves. */
export function retryIn(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 120 ? `in ${seconds} seconds` : `in ${Math.ceil(seconds / 60)} minutes`;
}
