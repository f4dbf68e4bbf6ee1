/**
 * Why the server closed a document connection, in one table both sides read: the server sends
 * `"<code>: <message>"` (its `message` here, or a more specific one), the client shows that
 * message followed by `next`, what happens next or what to do, and stops retrying when `retry`
 * is false.
 *
 * How a client receives the string: after authentication, Hocuspocus closes a document in band and
 * the provider's `onClose({ event })` carries it in `event.reason` (`event.code` is always 1000
 * there, which is why the code travels in the reason); a refused authentication arrives in
 * `onAuthenticationFailed({ reason })`; a whole WebSocket closed by the server carries `wsCode`
 * and the same string.
 *
 * `wsCode` shares the 4000-4999 range with Hocuspocus's own `CloseEvents` (@hocuspocus/common):
 * 4401 Unauthorized, 4403 Forbidden, 4408 ConnectionTimeout, 4205 ResetConnection and 1009
 * MessageTooBig. Ours reuse 4401 (`unauthorized`, `link-revoked`, `link-expired`) and 4403 (`read-only`) in the
 * same sense, and 1009 for the same cause; no other code of ours is one of theirs. A code alone
 * therefore does not tell whose close it was: read the reason, which for ours always starts with
 * one of the codes below. (Moving ours to a range of their own would change what clients and
 * tests see, so the overlap is documented instead.)
 */
export const CLOSE_REASONS = {
  "read-only": {
    wsCode: 4403,
    message: "Your link lets you view this part of the model, not change it.",
    next: "The change was not saved.",
    retry: false,
  },
  "invalid-write": {
    wsCode: 4422,
    message: "The server refused a change that does not fit a logic model.",
    next: "It was not saved. Reload to continue from the saved model.",
    retry: false,
  },
  "link-revoked": {
    wsCode: 4401,
    message: "The owner revoked the link you used. Ask them for a new one.",
    next: "",
    retry: false,
  },
  "link-expired": {
    wsCode: 4401,
    message: "The link you used has expired. Ask the model's owner for a new one.",
    next: "",
    retry: false,
  },
  "no-access": {
    wsCode: 4401,
    message:
      "You have no role on this model. Ask an admin of its workspace, or its owner for a link.",
    next: "",
    retry: false,
  },
  "access-changed": {
    wsCode: 4403,
    message: "Your role in this model's workspace changed.",
    next: "Reconnecting with your new role…",
    retry: true,
  },
  "model-deleted": {
    wsCode: 4404,
    message: "This model was deleted by its owner.",
    next: "",
    retry: false,
  },
  "too-many-connections": {
    wsCode: 4429,
    message: "Too many people are connected to this model right now.",
    next: "Retrying…",
    retry: true,
  },
  "too-many-on-link": {
    wsCode: 4429,
    message:
      "Too many people are connected to this model through the same link right now. Ask the owner for a link of your own.",
    next: "Retrying…",
    retry: true,
  },
  "too-many-documents": {
    wsCode: 4431,
    message: "This page has more models open at once than one connection allows.",
    next: "Close the models you are not using, or reload the page.",
    retry: false,
  },
  "presence-too-large": {
    wsCode: 4413,
    message: "What this page shares about you (cursor, selection) was too large to send.",
    next: "Select fewer cards, then reload to continue.",
    retry: false,
  },
  "rate-limited": {
    wsCode: 4430,
    message: "Too many changes in too short a time; the connection was paused.",
    next: "Reload to continue.",
    retry: false,
  },
  "message-too-large": {
    wsCode: 1009,
    message: "A change was too large to send.",
    next: "Reload to continue from the saved model.",
    retry: false,
  },
  unauthorized: {
    wsCode: 4401,
    message: "This link is not valid for this model.",
    next: "",
    retry: false,
  },
  "server-shutdown": {
    wsCode: 1012,
    message: "The server is restarting. Your work is kept.",
    next: "Reconnecting…",
    retry: true,
  },
  "storage-error": {
    wsCode: 4500,
    message: "The model could not be loaded from storage. Nothing was changed; try again later.",
    next: "",
    retry: false,
  },
  "document-unreadable": {
    wsCode: 4423,
    message: "This model's saved data can't be opened.",
    next: "Nothing was changed. An editor or the owner can restore a saved version or import a model file.",
    retry: false,
  },
  "out-of-sync": {
    wsCode: 4409,
    message: "This page missed some changes.",
    next: "Reconnecting to catch up…",
    retry: true,
  },
  "bad-message": {
    wsCode: 1003,
    message: "The server could not read a message from this page.",
    next: "",
    retry: false,
  },
} as const satisfies Record<
  string,
  { wsCode: number; message: string; next: string; retry: boolean }
>;

export type CloseCode = keyof typeof CLOSE_REASONS;

export function isCloseCode(code: string): code is CloseCode {
  return Object.hasOwn(CLOSE_REASONS, code);
}

/** The reason string the server sends. */
export function closeReason(code: CloseCode, detail?: string): string {
  return `${code}: ${detail ?? CLOSE_REASONS[code].message}`;
}

export function parseCloseReason(reason: string): { code: string; message: string } {
  const match = /^([a-z-]+): ([\s\S]*)$/.exec(reason.trim());
  return match
    ? { code: match[1] as string, message: match[2] as string }
    : { code: "", message: reason };
}

/** A WebSocket close reason is at most 123 bytes of UTF-8 (a control frame's 125, less the code). */
const CLOSE_REASON_MAX_BYTES = 123;

/**
 * A reason that fits a WebSocket close frame, the one way every socket cuts one. It is kept when
 * it fits; one of ours carrying the table's own message shrinks to its bare code, which
 * `explainClose` reads back in full; anything else is cut between characters, with an ellipsis.
 */
export function fitCloseReason(reason: string): string {
  if (utf8Length(reason) <= CLOSE_REASON_MAX_BYTES) return reason;
  const { code, message } = parseCloseReason(reason);
  if (isCloseCode(code) && message === CLOSE_REASONS[code].message) return code;
  const room = CLOSE_REASON_MAX_BYTES - utf8Length("…");
  let cut = "";
  let bytes = 0;
  for (const char of reason) {
    bytes += utf8Length(char);
    if (bytes > room) break;
    cut += char;
  }
  return `${cut}…`;
}

/** UTF-8 length without Node's Buffer or the DOM's TextEncoder (a lone surrogate takes 3). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** What a close means to the person using the app. */
export interface CloseExplanation {
  code: string;
  message: string;
  /** Whether reconnecting could help; if not the client stops retrying and offers a reload. */
  retry: boolean;
}

/** A reason string from the server, in words for the person; unknown codes keep their text. */
export function explainClose(reason: string | undefined): CloseExplanation | undefined {
  if (!reason?.trim()) return undefined;
  const parsed = parseCloseReason(reason);
  const bare = /^[a-z-]+$/.test(reason.trim()) ? reason.trim() : "";
  const code = parsed.code || bare;
  if (!isCloseCode(code)) return { code: code || "closed", message: parsed.message, retry: true };
  const known = CLOSE_REASONS[code];
  const said = parsed.code ? parsed.message : known.message;
  return { code, message: [said, known.next].filter(Boolean).join(" "), retry: known.retry };
}
