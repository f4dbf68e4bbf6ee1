import { ROLES } from "@logic-canvas/shared";
import { z } from "zod";
import type { LinkRecord } from "../storage/types.ts";
import type { RouteKit } from "./api.ts";
import { shareLink } from "./api.ts";
import { ApiError, notFound } from "./respond.ts";
import { linkIdOf, modelIdOf } from "./routes.ts";

const roleMessage = `must be one of ${ROLES.join(", ")}`;

const newLinkBody = z.object(
  { role: z.enum(ROLES, { error: roleMessage }) },
  { error: `Send { "role" } with a role that is one of ${ROLES.join(", ")}` },
);

const linkView = (link: LinkRecord) => ({
  id: link.id,
  role: link.role,
  createdAt: link.createdAt,
  revoked: link.revokedAt !== null,
  revokedAt: link.revokedAt,
});

/** The owner's share links: list, create, revoke. */
export function linkRoutes(kit: RouteKit): void {
  const { app, deps, requireRole } = kit;
  const { store, models } = deps;
  const owner = { onRequest: requireRole("owner") };

  app.get("/api/models/:id/links", owner, async (request) => {
    const links = await store.listLinks(modelIdOf(request.params));
    return { links: links.map(linkView) };
  });

  app.post(
    "/api/models/:id/links",
    { ...owner, schema: { body: newLinkBody } },
    async (request, reply) => {
      const id = modelIdOf(request.params);
      const { link, token } = await models.createLink(id, request.body.role);
      return reply
        .code(201)
        .send({ ...linkView(link), url: shareLink(deps.publicUrl(), id, token) });
    },
  );

  app.delete("/api/models/:id/links/:linkId", owner, async (request) => {
    const id = modelIdOf(request.params);
    const linkId = linkIdOf(request.params);
    const links = await store.listLinks(id);
    const target = links.find((l) => l.id === linkId);
    if (!target) throw notFound("This model has no such link.");
    const activeOwners = links.filter((l) => l.role === "owner" && !l.revokedAt);
    if (target.role === "owner" && !target.revokedAt && activeOwners.length === 1) {
      throw new ApiError(
        409,
        "last-owner-link",
        "This is the model's last owner link; create another owner link before revoking it.",
      );
    }
    const revoked = await models.revokeLink(id, target.id);
    return linkView(revoked ?? target);
  });
}
