import type { Extension } from "@hocuspocus/server";
import {
  type Account,
  canEditGraph,
  canWriteReview,
  encodeServerMessage,
  isLinkExpired,
  SESSION,
} from "@logic-canvas/shared";
import type { AccountLookup } from "../access/account-lookup.ts";
import type { ConnectionRegistry } from "../access/connection-registry.ts";
import type { ConnectionContext } from "../access/context.ts";
import { personOfAccount, sessionFromToken } from "../access/identity.ts";
import { hashToken } from "../access/tokens.ts";
import { parseDocName } from "../documents/doc-names.ts";
import { CloseError } from "../runtime/close-reasons.ts";
import type { Logger } from "../runtime/logger.ts";
import type { Store } from "../storage/types.ts";
import { ConnectionAdmission, type Slot } from "./limits.ts";

export interface Access extends ConnectionContext {
  /** Whether this role may only read this document. */
  readOnly: boolean;
}

/**
 * Token → access to one document, for any endpoint (the Hocuspocus one here, a plain y-websocket
 * one later). The token is a bare link token or a session token naming the person (see
 * identity.ts); only the link token's hash is looked up. A signed-in person (`account`) is their
 * account whatever the token names. The graph document is read-only below editor, the review
 * document below commenter and for anyone who has not named themselves (every review entry is
 * written under its author's name). Throws a CloseError with the reason to show.
 */
export async function resolveAccess(
  store: Store,
  token: unknown,
  documentName: string,
  account: Account | null = null,
): Promise<Access> {
  const doc = parseDocName(documentName);
  const session = sessionFromToken(token);
  if (!doc || !session || session.linkToken.length > 200) throw new CloseError("unauthorized");
  const link = await store.findLinkByTokenHash(hashToken(session.linkToken));
  if (!link || link.modelId !== doc.modelId) throw new CloseError("unauthorized");
  if (link.revokedAt) throw new CloseError("link-revoked");
  if (isLinkExpired(link.expiresAt)) throw new CloseError("link-expired");
  const person = account ? personOfAccount(account) : session.person;
  const writable =
    doc.kind === "graph" ? canEditGraph(link.role) : canWriteReview(link.role) && person !== null;
  return {
    role: link.role,
    linkId: link.id,
    linkExpiresAt: link.expiresAt,
    modelId: link.modelId,
    docKind: doc.kind,
    person,
    readOnly: !writable,
  };
}

/**
 * Authentication and roles for `/collab` (and `/yjs`, bridged onto it); read-only writers are
 * closed by the write gate. An authenticated connection is then admitted against the connection
 * caps, which need its link.
 */
export function authExtension(
  store: Store,
  registry: ConnectionRegistry,
  logger: Logger,
  admission: ConnectionAdmission,
  accountOf: AccountLookup,
): Extension {
  return {
    extensionName: "auth",
    priority: 1000,

    async onAuthenticate({ token, documentName, connectionConfig, socketId, request }) {
      let access: Access;
      try {
        const account = await accountOf(request.headers);
        access = await resolveAccess(store, token, documentName, account);
      } catch (error) {
        admission.refusedUnslotted(documentName, request);
        if (!(error instanceof CloseError)) {
          // A store that cannot answer is not a bad link: say so, so people retry rather
          // than ask for a new link.
          logger.error("auth-storage-error", {
            document: documentName.slice(0, 80),
            socket: socketId,
          });
          throw new CloseError(
            "storage-error",
            "The server could not check your link right now; try again in a moment.",
          );
        }
        logger.info("auth-refused", { document: documentName.slice(0, 80), socket: socketId });
        throw error;
      }
      let slot: Slot;
      try {
        slot = await admission.admit({ documentName, linkId: access.linkId, request });
      } catch (error) {
        admission.refusedUnslotted(documentName, request);
        throw error;
      }
      connectionConfig.readOnly = access.readOnly;
      const { readOnly: _, ...context } = access;
      return { ...context, ...ConnectionAdmission.carry(slot) } satisfies ConnectionContext;
    },
    async connected({ connection, documentName, context }) {
      registry.add(connection);
      const ctx = context as ConnectionContext;
      // The client learns its role and public person id from the only party that can vouch.
      connection.sendStateless(
        encodeServerMessage({ type: SESSION, role: ctx.role, person: ctx.person }),
      );
      logger.info("connected", {
        document: documentName,
        socket: connection.socketId,
        role: ctx.role,
        link: ctx.linkId,
        readOnly: connection.readOnly,
      });
    },

    async onDisconnect({ socketId, documentName }) {
      registry.prune();
      logger.info("disconnected", { document: documentName, socket: socketId });
    },
  };
}
