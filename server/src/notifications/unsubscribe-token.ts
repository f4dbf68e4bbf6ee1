import { timingSafeEqual } from "node:crypto";

/**
 * The token of a digest's unsubscribe link: the person id and an HMAC of it under the server's
 * secret (`Accounts.signature`), so the link works without signing in and nobody can make one
 * for someone else. It does not expire: an old digest's link must still stop the mail.
 */

export type Sign = (purpose: string, value: string) => string;

const PURPOSE = "unsubscribe-digest";

export function unsubscribeToken(sign: Sign, personId: string): string {
  return `${Buffer.from(personId, "utf8").toString("base64url")}.${sign(PURPOSE, personId)}`;
}

/** The person id the token was made for, or null for a forged or damaged token. */
export function personOfToken(sign: Sign, token: string): string | null {
  const dot = token.indexOf(".");
  if (dot <= 0) return null;
  const personId = Buffer.from(token.slice(0, dot), "base64url").toString("utf8");
  if (personId === "" || personId.length > 128) return null;
  const given = Buffer.from(token.slice(dot + 1), "utf8");
  const expected = Buffer.from(sign(PURPOSE, personId), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected) ? personId : null;
}
