/**
 * Stateless messages the server sends on a model's graph document to say something outside the
 * document changed, so open views refresh instead of polling. The session info that follows
 * authentication is `sessionInfoSchema` (session-token.ts).
 */
export const VERSIONS_CHANGED = "versions-changed";

export function serverNotice(type: typeof VERSIONS_CHANGED): string {
  return JSON.stringify({ type });
}

/** The notice type of a stateless payload, or null when it is not a notice. */
export function noticeType(payload: string): string | null {
  try {
    const data: unknown = JSON.parse(payload);
    if (data && typeof data === "object" && "type" in data && typeof data.type === "string")
      return data.type;
  } catch {
    // Not JSON: not a notice.
  }
  return null;
}
