import { randomBytes } from "node:crypto";

/** Ids of versions and revision-log entries: 16 url-safe characters (96 random bits). */
export const HISTORY_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

export function newVersionId(): string {
  return randomBytes(12).toString("base64url");
}
