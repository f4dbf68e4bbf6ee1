import {
  advanceBody,
  type CafeClock,
  idSchema,
  newCafeBody,
  newNoteBody,
  newProposalBody,
  newThemeBody,
  noteThemeBody,
  seatBody,
} from "@logic-canvas/shared";
import type { FastifyRequest } from "fastify";
import { CafeProposals } from "../cafe/proposals.ts";
import { type Actor, CafeService } from "../cafe/service.ts";
import { proposalDrafts } from "../notifications/proposals.ts";
import type { RouteKit } from "./api.ts";
import { notFound } from "./respond.ts";
import { modelIdOf } from "./routes.ts";

/** A café path parameter (session, note or proposal id); one not of our shape is a 404. */
function paramOf(params: unknown, name: "sid" | "nid" | "pid"): string {
  const value = (params as Record<string, unknown>)[name];
  if (!idSchema.safeParse(value).success) throw notFound("This model has no such café item.");
  return value as string;
}

/**
 * World Café sessions (`/api/models/:id/cafes…`). Commenters and above take a seat and write
 * notes; editors and owners facilitate (create, reveal prompts, group themes, propose, decide).
 * Everything is written into the review document by the server, which everyone sees live.
 */
export function cafeRoutes(kit: RouteKit): void {
  const { app, deps, requireRole, accessOf, personOf } = kit;
  const cafes = new CafeService(deps.hocuspocus);
  const as = (role: "viewer" | "commenter" | "editor") => ({ onRequest: requireRole(role) });
  const actorOf = async (request: FastifyRequest): Promise<Actor> => ({
    role: accessOf(request).role,
    person: await personOf(request),
  });
  const base = "/api/models/:id/cafes";
  const session = `${base}/:sid`;

  app.get(`${base}/clock`, as("viewer"), async (): Promise<CafeClock> => ({ now: Date.now() }));

  app.post(base, { ...as("editor"), schema: { body: newCafeBody } }, async (request, reply) => {
    await deps.checkDataQuota();
    const head = await cafes.create(
      modelIdOf(request.params),
      await actorOf(request),
      request.body,
    );
    return reply.code(201).send(head);
  });

  app.post(`${session}/advance`, { ...as("editor"), schema: { body: advanceBody } }, async (r) =>
    cafes.advance(modelIdOf(r.params), await actorOf(r), paramOf(r.params, "sid"), r.body.from),
  );

  app.put(`${session}/seat`, { ...as("commenter"), schema: { body: seatBody } }, async (r) => {
    await cafes.seat(modelIdOf(r.params), await actorOf(r), paramOf(r.params, "sid"), r.body.table);
    return { ok: true };
  });

  app.post(
    `${session}/notes`,
    { ...as("commenter"), schema: { body: newNoteBody } },
    async (r, reply) => {
      const note = await cafes.addNote(
        modelIdOf(r.params),
        await actorOf(r),
        paramOf(r.params, "sid"),
        r.body,
      );
      return reply.code(201).send(note);
    },
  );

  synthesisRoutes(kit, cafes, actorOf);
}

/** Synthesis: themes, grouping notes, proposals and closing their votes (facilitators only). */
function synthesisRoutes(
  kit: RouteKit,
  cafes: CafeService,
  actorOf: (request: FastifyRequest) => Promise<Actor>,
): void {
  const { app, deps, requireRole } = kit;
  const proposals = new CafeProposals(deps.hocuspocus, (modelId, actor, seated, proposal) =>
    deps.inbox.service.deliverQuietly(proposalDrafts(modelId, actor.person, seated, proposal)),
  );
  const as = (role: "editor") => ({ onRequest: requireRole(role) });
  const session = "/api/models/:id/cafes/:sid";

  app.post(`${session}/themes`, { ...as("editor"), schema: { body: newThemeBody } }, async (r) =>
    cafes.addTheme(modelIdOf(r.params), await actorOf(r), paramOf(r.params, "sid"), r.body.title),
  );

  app.put(
    `${session}/notes/:nid/theme`,
    { ...as("editor"), schema: { body: noteThemeBody } },
    async (r) => {
      const sid = paramOf(r.params, "sid");
      const nid = paramOf(r.params, "nid");
      await cafes.groupNote(modelIdOf(r.params), await actorOf(r), sid, nid, r.body.theme);
      return { ok: true };
    },
  );

  app.post(
    `${session}/proposals`,
    { ...as("editor"), schema: { body: newProposalBody } },
    async (r, reply) => {
      const made = await proposals.propose(
        modelIdOf(r.params),
        await actorOf(r),
        paramOf(r.params, "sid"),
        r.body.theme,
        r.body.change,
      );
      return reply.code(201).send(made);
    },
  );

  app.post(`${session}/proposals/:pid/decide`, as("editor"), async (r) =>
    proposals.decide(
      modelIdOf(r.params),
      await actorOf(r),
      paramOf(r.params, "sid"),
      paramOf(r.params, "pid"),
    ),
  );
}
