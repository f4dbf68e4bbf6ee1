import type { IncomingHttpHeaders } from "node:http";
import type { AccountIdentity } from "./identity.ts";

/**
 * The signed-in account behind a request (its session cookie), or null for someone who came by
 * a link only. Both WebSocket endpoints and the HTTP API ask it, so a person is the same author
 * wherever they write from.
 */
export type AccountLookup = (headers: Headers) => Promise<AccountIdentity | null>;

/** Node's request headers as a Fetch `Headers`, which the lookup reads. */
export function fetchHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    } catch {
      // A header the Fetch API refuses names no session.
    }
  }
  return headers;
}
