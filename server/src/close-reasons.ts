/**
 * Why the server closed a document connection. The client shows `message` and may act on `code`.
 *
 * How a client reads them: Hocuspocus delivers the reason as one string, `"<code>: <message>"`.
 * - After authentication, the server closes a document with an in-band close message: the
 *   provider's `onClose({ event })` / `provider.on("close")` fires with `event.reason` set to that
 *   string (`event.code` is always 1000 there, which is why the code travels in the reason).
 * - When authentication (or loading the document) is refused, the provider's
 *   `onAuthenticationFailed({ reason })` fires with the same format.
 * - When the whole WebSocket is closed (text frames, shutdown), the socket's close event carries
 *   the numeric `wsCode` below and the same reason string.
 * `parseCloseReason` turns the string back into `{ code, message }`; it has no dependencies, so a
 * client may copy or share it.
 */
export const CLOSE_REASONS = {
  "read-only": {
    wsCode: 4403,
    message: "Your link lets you view this part of the model, not change it.",
  },
  "invalid-write": {
    wsCode: 4422,
    message: "The server refused a change that does not fit a logic model.",
  },
  "link-revoked": {
    wsCode: 4401,
    message: "The owner revoked the link you used. Ask them for a new one.",
  },
  "model-deleted": { wsCode: 4404, message: "This model was deleted by its owner." },
  "too-many-connections": {
    wsCode: 4429,
    message: "Too many people are connected to this model right now. Try again in a moment.",
  },
  "rate-limited": {
    wsCode: 4430,
    message: "Too many changes in too short a time; the connection was paused. Reload to continue.",
  },
  "message-too-large": { wsCode: 1009, message: "A change was too large to send." },
  unauthorized: {
    wsCode: 4401,
    message: "This link is not valid for this model.",
  },
  "server-shutdown": {
    wsCode: 1012,
    message: "The server is restarting. Your work is saved; reconnecting…",
  },
  "storage-error": {
    wsCode: 4500,
    message: "The model could not be loaded from storage. Nothing was changed; try again later.",
  },
  "out-of-sync": {
    wsCode: 4409,
    message: "This page missed some changes; reconnecting to catch up.",
  },
  "bad-message": {
    wsCode: 1003,
    message: "The server received a message it could not read.",
  },
} as const;

export type CloseCode = keyof typeof CLOSE_REASONS;

export function closeReason(code: CloseCode, detail?: string): string {
  const message = detail ?? CLOSE_REASONS[code].message;
  return `${code}: ${message}`;
}

/** The error shape Hocuspocus turns into a close (`code`, `reason`) or a refused authentication. */
export class CloseError extends Error {
  readonly code: number;
  readonly reason: string;
  constructor(
    readonly closeCode: CloseCode,
    detail?: string,
  ) {
    const reason = closeReason(closeCode, detail);
    super(reason);
    this.code = CLOSE_REASONS[closeCode].wsCode;
    this.reason = reason;
  }
}

export function parseCloseReason(reason: string): { code: string; message: string } {
  const match = /^([a-z-]+): ([\s\S]*)$/.exec(reason);
  return match
    ? { code: match[1] as string, message: match[2] as string }
    : { code: "", message: reason };
}

/** WebSocket close reasons are limited to 123 bytes. */
export function shortReason(code: CloseCode): string {
  const reason = closeReason(code);
  return Buffer.byteLength(reason) <= 123 ? reason : code;
}
