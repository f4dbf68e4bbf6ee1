import type { Connection } from "@hocuspocus/server";
import type { Role } from "@logic-canvas/shared";
import type { DocKind } from "../documents/doc-names.ts";
import type { Person } from "./identity.ts";

/** What authentication attaches to every Hocuspocus connection (its `context`). */
export interface ConnectionContext {
  role: Role;
  /** The share link the role came from; null when the person's workspaces give it. */
  linkId: string | null;
  /** The signed-in account that connected, if any: its workspace role is re-checked on change. */
  accountId: string | null;
  /** When the link stops working (ISO), or null for never: the connection is closed then. */
  linkExpiresAt: string | null;
  modelId: string;
  docKind: DocKind;
  /** Who is connecting, as far as the server can vouch; null for a bare link token. */
  person: Person | null;
}

export function contextOf(
  connection: Pick<Connection, "context"> | undefined,
): ConnectionContext | undefined {
  const context = connection?.context as Partial<ConnectionContext> | undefined;
  return context?.role ? (context as ConnectionContext) : undefined;
}

/** Who a connection's changes are merged under when it names no person: its link, or its account. */
export function grantKey(context: Pick<ConnectionContext, "linkId" | "accountId">): string {
  return context.linkId ? `link:${context.linkId}` : `account:${context.accountId}`;
}
