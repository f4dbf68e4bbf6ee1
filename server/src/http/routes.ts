import type { IncomingMessage, ServerResponse } from "node:http";
import { roleAtLeast } from "@logic-canvas/shared";
import type { LinkRecord, Role, Store } from "../storage/types.ts";
import { hashToken } from "../tokens.ts";
import { ApiError, notFound } from "./respond.ts";

/** Path parameters; each is checked against its id pattern before a handler sees it. */
export type Params = { id?: string; linkId?: string; vid?: string };
export type Handler = (
  request: IncomingMessage,
  response: ServerResponse,
  params: Params,
) => Promise<void>;
export interface Route {
  method: string;
  path: string[];
  handler: Handler;
}

export type Authorize = (
  request: IncomingMessage,
  modelId: string,
  minimum: Role,
) => Promise<LinkRecord>;

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
