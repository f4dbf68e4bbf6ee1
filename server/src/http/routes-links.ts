import {
  canManageLinks,
  isLinkExpired,
  LINKS_PER_MODEL_MAX,
  newLinkSchema,
  type ShareLink,
  visibleLinkRoles,
} from "@logic-canvas/shared";
import type { LinkRecord } from "../storage/types.ts";
import type { RouteKit } from "./api.ts";
import { shareLink } from "./api.ts";
import { ApiError, notFound } from "./respond.ts";
import { linkIdOf, modelIdOf } from "./routes.ts";

/**
 * The model's share links: owners list all, create (with a label and an expiry) and revoke;
 * editors list the viewer and commenter links only, to pass the model on for reading and
 * commenting. Which roles each sees is shared's `visibleLinkRoles`, as the Share dialog reads it.
 */
export function linkRoutes(kit: RouteKit): void {
  const { app, deps, requireRole, accessOf } = kit;
  const { store, models } = deps;
  const owner = { onRequest: requireRole("owner") };
  const view = (link: LinkRecord): ShareLink => ({
    id: link.id,
    role: link.role,
    label: link.label,
    createdAt: link.createdAt,
    expiresAt: link.expiresAt,
    expired: isLinkExpired(link.expiresAt),
    revoked: link.revokedAt !== null,
    revokedAt: link.revokedAt,
    url: link.token ? shareLink(deps.publicUrl(), link.modelId, link.token) : null,
  });

  app.get("/api/models/:id/links", { onRequest: requireRole("editor") }, async (request) => {
    const visible = visibleLinkRoles(accessOf(request).role);
    const links = await store.listLinks(modelIdOf(request.params));
    // An editor never learns that editor or owner links exist, let alone their tokens.
    const shown = links.filter((l) => visible.includes(l.role));
    return { links: shown.map(view), canManage: canManageLinks(accessOf(request).role) };
  });

  app.post(
    "/api/models/:id/links",
    { ...owner, schema: { body: newLinkSchema } },
    async (request, reply) => {
      const id = modelIdOf(request.params);
      const { role, label, expiresAt } = request.body;
      const held = (await store.listLinks(id)).length;
      if (held >= LINKS_PER_MODEL_MAX) {
        throw new ApiError(
          409,
          "too-many-links",
          `This model already has ${held} share links, the most one model can hold (revoked and expired links count too). Reuse an existing link instead.`,
        );
      }
      const { link } = await models.createLink(id, role, { label, expiresAt });
      return reply.code(201).send(view(link));
    },
  );

  app.delete("/api/models/:id/links/:linkId", owner, async (request) => {
    const id = modelIdOf(request.params);
    const linkId = linkIdOf(request.params);
    const links = await store.listLinks(id);
    const target = links.find((l) => l.id === linkId);
    if (!target) throw notFound("This model has no such link.");
    const usable = (l: LinkRecord) => !l.revokedAt && !isLinkExpired(l.expiresAt);
    const activeOwners = links.filter((l) => l.role === "owner" && usable(l));
    if (target.role === "owner" && usable(target) && activeOwners.length === 1) {
      throw new ApiError(
        409,
        "last-owner-link",
        "This is the model's last owner link; create another owner link before revoking it.",
      );
    }
    const revoked = await models.revokeLink(id, target.id);
    return view(revoked ?? target);
  });
}
