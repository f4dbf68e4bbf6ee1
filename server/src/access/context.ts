import type { Connection } from "@hocuspocus/server";
import type { Role } from "@logic-canvas/shared";
import type { DocKind } from "../documents/doc-names.ts";
import type { Person } from "./identity.ts";

/** What authentication attaches to every Hocuspocus connection (its `context`). */
export interface ConnectionContext {
  role: Role;
  linkId: string;
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
