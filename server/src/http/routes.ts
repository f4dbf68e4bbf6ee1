import type { IncomingHttpHeaders } from "node:http";
import type { Role } from "@logic-canvas/shared";
import { isLinkExpired, roleAtLeast } from "@logic-canvas/shared";
import { hashToken, isModelId, LINK_ID_PATTERN } from "../access/tokens.ts";
import type { LinkRecord, Store } from "../storage/types.ts";
import { HISTORY_ID_PATTERN } from "../versions/ids.ts";
import { ApiError, notFound } from "./respond.ts";

/** What the authorizer reads of a request: its headers only. */
export interface HasHeaders {
  headers: IncomingHttpHeaders;
}

export type Authorize = (
  request: HasHeaders,
  modelId: string,
  minimum: Role,
) => Promise<LinkRecord>;

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

/** `Authorization: Bearer <link token>` → the link, if its role reaches `minimum`. */
export function authorizer(store: Store): Authorize {
  return async (request, modelId, minimum) => {
    const model = await store.getModel(modelId);
    if (!model) throw notFound();
    const header = request.headers.authorization ?? "";
    const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header);
    if (!match?.[1]) {
      throw new ApiError(
        401,
        "unauthorized",
        "Send the link's token as 'Authorization: Bearer <token>'.",
      );
    }
    const link = await store.findLinkByTokenHash(hashToken(match[1]));
    if (!link || link.modelId !== modelId) {
      throw new ApiError(401, "unauthorized", "This token is not valid for this model.");
    }
    if (link.revokedAt)
      throw new ApiError(401, "link-revoked", "This link was revoked by the model's owner.");
    if (isLinkExpired(link.expiresAt))
      throw new ApiError(
        401,
        "link-expired",
        `The link you used expired on ${EXPIRY_DAY.format(new Date(link.expiresAt ?? 0))}. Ask the model's owner for a new one.`,
      );
    if (!roleAtLeast(link.role, minimum)) {
      throw new ApiError(
        403,
        "forbidden",
        `This needs a link with the ${minimum} role or higher; yours is ${link.role}.`,
      );
    }
    return link;
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
