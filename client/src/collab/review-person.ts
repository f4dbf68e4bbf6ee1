import { encodeSessionToken } from "@logic-canvas/shared";

/**
 * The secret that makes this browser "a person" for the server: random, kept in localStorage,
 * never shown. The server derives a public id from it, so messages written here can be told apart
 * from anyone else's and nobody else can edit them.
 */
const SECRET_KEY = "logic-canvas:person-secret";

function randomSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function personSecret(): string {
  const known = localStorage.getItem(SECRET_KEY);
  if (known && known.length >= 32) return known;
  const created = randomSecret();
  localStorage.setItem(SECRET_KEY, created);
  return created;
}

/** The provider token: the link token plus who is connecting (bare link token without a name). */
export function sessionTokenFor(link: string, name: string | null): string {
  const trimmed = name?.trim();
  if (!trimmed) return link;
  return encodeSessionToken({ link, person: personSecret(), name: trimmed.slice(0, 80) });
}

/** Headers naming the person on API calls (versions, restore): the server records who did it. */
export function personHeaders(name: string | null): Record<string, string> {
  const trimmed = name?.trim();
  if (!trimmed) return {};
  return {
    "x-person-secret": personSecret(),
    "x-person-name": encodeURIComponent(trimmed.slice(0, 80)),
  };
}
