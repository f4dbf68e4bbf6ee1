import type { IncomingHttpHeaders } from "node:http";
import type { Account, Role } from "@logic-canvas/shared";
import { effectiveModelRole, isLinkExpired, roleAtLeast } from "@logic-canvas/shared";
import type { AccountLookup } from "../access/account-lookup.ts";
import { hashToken, isModelId, LINK_ID_PATTERN } from "../access/tokens.ts";
import { workspaceRoleOnModel } from "../access/workspace-roles.ts";
import type { LinkRecord, Store } from "../storage/types.ts";
import { HISTORY_ID_PATTERN } from "../versions/ids.ts";
import { ApiError, notFound } from "./respond.ts";

/** What the authorizer reads of a request: its headers only. */
export interface HasHeaders {
  headers: IncomingHttpHeaders;
}

/** Who is asking about a model and with what role: by a link, by a workspace role, or both. */
export interface ModelAccess {
  /** The higher of the link's role and the workspace's (shared's `effectiveModelRole`). */
  role: Role;
  link: LinkRecord | null;
  account: Account | null;
}

export type Authorize = (
  request: HasHeaders,
  modelId: string,
  minimum: Role,
) => Promise<ModelAccess>;

/**
 * Path parameters as the router decoded them; each is checked against its id pattern before use,
 * so an id that is not one of ours is a 404 that touches nothing.
 */
export type RawParams = { id?: string; linkId?: string; vid?: string };

export function modelIdOf(params: unknown): string {
  const id = (params as RawParams).id;
  if (typeof id !== "string" || !isModelId(id)) throw notFound();
  return id;
}

export function linkIdOf(params: unknown): string {
  const id = (params as RawParams).linkId;
  if (typeof id !== "string" || !LINK_ID_PATTERN.test(id))
    throw notFound("This model has no such link.");
  return id;
}

export function versionIdOf(params: unknown): string {
  const id = (params as RawParams).vid;
  if (typeof id !== "string" || !HISTORY_ID_PATTERN.test(id))
    throw notFound("This model has no such version.");
  return id;
}

/** The day a link expired, unambiguous whatever the reader's habits ("5 Dec 2026", UTC). */
const EXPIRY_DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * The link of `Authorization: Bearer <link token>`, or the ApiError that refuses it; undefined
 * when the request names no link.
 */
async function linkOfRequest(
  store: Store,
  request: HasHeaders,
  modelId: string,
): Promise<LinkRecord | ApiError | undefined> {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header);
  if (!match?.[1]) {
    return new ApiError(
      401,
      "unauthorized",
      "Send the link's token as 'Authorization: Bearer <token>'.",
    );
  }
  const link = await store.findLinkByTokenHash(hashToken(match[1]));
  if (!link || link.modelId !== modelId) {
    return new ApiError(401, "unauthorized", "This token is not valid for this model.");
  }
  if (link.revokedAt)
    return new ApiError(401, "link-revoked", "This link was revoked by the model's owner.");
  if (isLinkExpired(link.expiresAt))
    return new ApiError(
      401,
      "link-expired",
      `The link you used expired on ${EXPIRY_DAY.format(new Date(link.expiresAt ?? 0))}. Ask the model's owner for a new one.`,
    );
  return link;
}

/**
 * A request's role on a model: the higher of its link's (`Authorization: Bearer <link token>`)
 * and the one the signed-in person's workspaces give (session cookie). A bad link is refused
 * as before unless the person's workspaces give them a role anyway.
 */
export function authorizer(store: Store, accountOf: AccountLookup): Authorize {
  return async (request, modelId, minimum) => {
    const model = await store.getModel(modelId);
    if (!model) throw notFound();
    const found = await linkOfRequest(store, request, modelId);
    const account = await accountOf(request.headers);
    const link = found instanceof ApiError ? null : (found ?? null);
    const fromWorkspace = account ? await workspaceRoleOnModel(store, account.id, modelId) : null;
    const role = effectiveModelRole(link?.role ?? null, fromWorkspace);
    if (role === null) {
      if (found instanceof ApiError) throw found;
      if (!account)
        throw new ApiError(
          401,
          "unauthorized",
          "Sign in, or send the link's token as 'Authorization: Bearer <token>'.",
        );
      throw new ApiError(
        403,
        "forbidden",
        "You have no role on this model: ask an admin of its workspace, or its owner for a link.",
      );
    }
    if (!roleAtLeast(role, minimum)) {
      throw new ApiError(
        403,
        "forbidden",
        `This needs the ${minimum} role or higher; yours is ${role}.`,
      );
    }
    return { role, link, account };
  };
}

/** A download name for a model file. */
export function fileName(title: string): string {
  return (
    title
      .replace(/[^\p{L}\p{N} _-]+/gu, "")
      .trim()
      .slice(0, 80) || "logic-model"
  );
}

/** `Content-Disposition` for a download of `name` + `extension`. */
export function attachment(name: string, extension: string): string {
  return `attachment; filename="${encodeURIComponent(name)}${extension}"`;
}
