import type { Extension } from "@hocuspocus/server";
import {
  type Account,
  canEditGraph,
  canWriteReview,
  effectiveModelRole,
  encodeServerMessage,
  isLinkExpired,
  SESSION,
} from "@logic-canvas/shared";
import type { AccountLookup } from "../access/account-lookup.ts";
import type { ConnectionRegistry } from "../access/connection-registry.ts";
import type { ConnectionContext } from "../access/context.ts";
import { personOfAccount, sessionFromToken } from "../access/identity.ts";
import { hashToken } from "../access/tokens.ts";
import { workspaceRoleOnModel } from "../access/workspace-roles.ts";
import { parseDocName } from "../documents/doc-names.ts";
import { CloseError } from "../runtime/close-reasons.ts";
import type { Logger } from "../runtime/logger.ts";
import type { LinkRecord, Store } from "../storage/types.ts";
import { ConnectionAdmission, type Slot } from "./limits.ts";

export interface Access extends ConnectionContext {
  /** Whether this role may only read this document. */
  readOnly: boolean;
}

/** The link a session token names, or the CloseError that refuses it. */
async function linkOfToken(
  store: Store,
  linkToken: string,
  modelId: string,
): Promise<LinkRecord | CloseError> {
  if (linkToken.length > 200) return new CloseError("unauthorized");
  const link = await store.findLinkByTokenHash(hashToken(linkToken));
  if (!link || link.modelId !== modelId) return new CloseError("unauthorized");
  if (link.revokedAt) return new CloseError("link-revoked");
  if (isLinkExpired(link.expiresAt)) return new CloseError("link-expired");
  return link;
}

/**
 * Token (and signed-in account) → access to one document, for any endpoint. The token is a bare
 * link token or a session token naming the person (see identity.ts); only the link token's hash
 * is looked up. The role is the higher of the link's and the one the account's workspaces give
 * (shared's one rule); a signed-in member needs no token at all. A signed-in person is their
 * account (`personOfAccount`) whatever the token names. The graph document is read-only below
 * editor, the review document below commenter and for anyone who has not named themselves (every
 * review entry is written under its author's name). Throws a CloseError with the reason.
 */
export async function resolveAccess(
  store: Store,
  token: unknown,
  documentName: string,
  account: Account | null = null,
): Promise<Access> {
  const doc = parseDocName(documentName);
  if (!doc) throw new CloseError("unauthorized");
  const session = sessionFromToken(token);
  const found = session ? await linkOfToken(store, session.linkToken, doc.modelId) : undefined;
  const link = found instanceof CloseError ? null : (found ?? null);
  const fromWorkspace = account ? await workspaceRoleOnModel(store, account.id, doc.modelId) : null;
  const role = effectiveModelRole(link?.role ?? null, fromWorkspace);
  if (role === null) {
    if (found instanceof CloseError) throw found;
    throw new CloseError(account ? "no-access" : "unauthorized");
  }
  // The link counts only where it gives more than the workspace: then its revocation or expiry
  // ends the connection; otherwise the workspace role is what is re-checked.
  const viaLink = link !== null && link.role === role && fromWorkspace !== role ? link : null;
  const person = account ? personOfAccount(account) : (session?.person ?? null);
  const writable =
    doc.kind === "graph" ? canEditGraph(role) : canWriteReview(role) && person !== null;
  return {
    role,
    linkId: viaLink?.id ?? null,
    linkExpiresAt: viaLink?.expiresAt ?? null,
    accountId: account?.id ?? null,
    modelId: doc.modelId,
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
        // Connections through no link are counted per account against the per-link cap.
        const grant = access.linkId ?? `account:${access.accountId}`;
        slot = await admission.admit({ documentName, linkId: grant, request });
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
