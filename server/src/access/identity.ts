import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { type Account, decodeSessionToken, idSchema, NAME_MAX } from "@logic-canvas/shared";

/**
 * Who is connecting. A signed-in person is their account: its id and name, the same on every
 * device (`personOfAccount`). Anyone else is a display name they chose plus a random secret their
 * browser keeps. Only the server sees the secret; everyone else sees the public id derived from
 * it, so a message's author can be shown without anyone being able to write as them.
 */
export interface Person {
  id: string;
  name: string;
}

/** base64url(sha256(prefix + value)), cut to 22 characters (132 bits). */
function hashedId(prefix: string, value: string): string {
  return createHash("sha256").update(`${prefix}${value}`, "utf8").digest("base64url").slice(0, 22);
}

/** base64url(sha256("person:" + secret)), cut to 22 characters (132 bits). */
export function personIdOf(secret: string): string {
  return hashedId("person:", secret);
}

/**
 * A signed-in person as an author, in presence and in the revision log: the account's id (an
 * id the review document accepts as is; any other is hashed into one) and its name, cut to the
 * names' cap (the email's local part for an account with no name). The name is the account's,
 * never one the browser declares.
 */
export function personOfAccount(account: Account): Person {
  const id = idSchema.safeParse(account.id).success ? account.id : hashedId("account:", account.id);
  const named = account.name.trim() || account.email.split("@")[0]?.trim() || "Member";
  return { id, name: fitName(named) };
}

/** At most NAME_MAX UTF-16 units (what the review schema counts), never half a character. */
function fitName(name: string): string {
  let fitted = "";
  for (const char of name) {
    if (fitted.length + char.length > NAME_MAX) break;
    fitted += char;
  }
  return fitted.trim();
}

export interface Session {
  /** The share link's token, looked up by its hash. */
  linkToken: string;
  /** Null when the token named no person (a bare link token): such a client may read only. */
  person: Person | null;
}

/** The provider's token, bare or `{ link, person, name }`; null when it is neither. */
export function sessionFromToken(raw: unknown): Session | null {
  if (typeof raw !== "string") return null;
  const token = decodeSessionToken(raw);
  if (!token) return null;
  const person =
    token.person !== undefined && token.name !== undefined
      ? { id: personIdOf(token.person), name: token.name }
      : null;
  return { linkToken: token.link, person };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * The person behind an API request, from `X-Person-Secret` and `X-Person-Name` (the name
 * percent-encoded, since headers are Latin-1); null when either is missing or unusable.
 */
export function personFromRequest(request: IncomingMessage): Person | null {
  const secret = header(request, "x-person-secret");
  const encoded = header(request, "x-person-name");
  if (!secret || !encoded || secret.length < 16 || secret.length > 256) return null;
  let name: string;
  try {
    name = decodeURIComponent(encoded).trim();
  } catch {
    return null;
  }
  if (name === "" || name.length > NAME_MAX) return null;
  return { id: personIdOf(secret), name };
}
