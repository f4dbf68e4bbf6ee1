import type { IncomingHttpHeaders } from "node:http";
import type { Account } from "@logic-canvas/shared";

/**
 * The signed-in account behind a request (its session cookie), or null for someone who came by
 * a link only (`Accounts.accountOf`). Both WebSocket endpoints and the HTTP API ask it, so a
 * person is the same author wherever they write from.
 */
export type AccountLookup = (headers: IncomingHttpHeaders | Headers) => Promise<Account | null>;
