/**
 * What the server's close reasons mean to a person. The server sends `"<code>: <message>"`
 * (server/src/close-reasons.ts); the client keeps its own wording so it can say what to do next.
 */
export interface CloseExplanation {
  code: string;
  message: string;
  /** Whether reconnecting could help; if not the client stops retrying and offers a reload. */
  retry: boolean;
}

const EXPLANATIONS: Record<string, { message: string; retry: boolean }> = {
  "read-only": {
    message: "Your link lets you view this model, not change it. The change was not saved.",
    retry: false,
  },
  "invalid-write": {
    message:
      "The server refused a change that does not fit a logic model, so it was not saved. Reload to continue from the saved model.",
    retry: false,
  },
  "link-revoked": {
    message: "The owner revoked the link you used. Ask them for a new one.",
    retry: false,
  },
  "model-deleted": { message: "This model was deleted by its owner.", retry: false },
  unauthorized: { message: "This link is not valid for this model.", retry: false },
  "too-many-connections": {
    message: "Too many people are connected to this model right now. Retrying…",
    retry: true,
  },
  "rate-limited": {
    message: "Too many changes in too short a time; the connection was paused. Reload to continue.",
    retry: false,
  },
  "message-too-large": {
    message: "A change was too large to send. Reload to continue from the saved model.",
    retry: false,
  },
  "server-shutdown": {
    message: "The server is restarting. Your work is kept; reconnecting…",
    retry: true,
  },
  "storage-error": {
    message: "The model could not be loaded from storage. Nothing was changed; try again later.",
    retry: false,
  },
  "out-of-sync": {
    message: "This page missed some changes; reconnecting to catch up.",
    retry: true,
  },
  "bad-message": { message: "The server could not read a message from this page.", retry: false },
};

export function explainClose(reason: string | undefined): CloseExplanation | undefined {
  if (!reason) return undefined;
  const match = /^([a-z-]+)(?::\s*([\s\S]*))?$/.exec(reason.trim());
  const code = match?.[1] ?? "";
  const known = EXPLANATIONS[code];
  if (known) return { code, ...known };
  return { code: code || "closed", message: match?.[2] || reason, retry: true };
}
