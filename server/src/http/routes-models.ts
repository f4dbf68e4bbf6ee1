import {
  canvasSnapshotPath,
  copyTitle,
  droppedAlignmentsText,
  MODEL_ACTION_ROLE,
  modelToCsv,
  ROLES,
  type Role,
  withoutAlignments,
} from "@logic-canvas/shared";
import { z } from "zod";
import { readGraphContent, readModelFile } from "../models/model-files.ts";
import type { RouteKit } from "./api.ts";
import { shareLink } from "./api.ts";
import { refuseUnseenAlignments } from "./cascade-imports.ts";
import { modelFromCreateBody, parseFile } from "./model-bodies.ts";
import { attachment, fileName, modelIdOf } from "./routes.ts";
import { checkCreationPolicy } from "./workspace-kit.ts";

const exportQuery = z.object({
  format: z.enum(["json", "csv"], { error: 'must be "json" or "csv"' }).optional(),
});

/** The created model's share links, one per role, as `POST /api/models` answers. */
export function withLinks(
  base: string,
  created: { id: string; title: string; tokens: Record<Role, string> },
) {
  const links = Object.fromEntries(
    ROLES.map((role) => [role, shareLink(base, created.id, created.tokens[role])]),
  );
  return { id: created.id, title: created.title, links };
}

/** `/api/health`, creating a model, and a model's summary, deletion and content. */
export function modelRoutes(kit: RouteKit): void {
  kit.app.get("/api/health", async () => {
    await kit.deps.store.health();
    return { status: "ok", ...kit.deps.health() };
  });
  modelCreationRoutes(kit);
  modelRecordRoutes(kit);
}

/**
 * The two ways a model comes to be: from a body (blank or a file) and as a copy of another. Both
 * check the data quota and charge the creation limit before writing, and answer with the links.
 */
function modelCreationRoutes(kit: RouteKit): void {
  const { app, deps, requireRole } = kit;
  const { store, models, limits } = deps;

  app.post("/api/models", async (request, reply) => {
    await checkCreationPolicy(deps, request);
    const { model, extras } = modelFromCreateBody(request.body, limits.maxCardsOnImport);
    await deps.checkDataQuota();
    await deps.chargeCreation(request);
    // Its first page load (often at once: the answer carries the links) finds the canvas
    // snapshot, read at creation (`ModelService.onGraphCreated`).
    const created = await models.create(model, extras);
    return reply.code(201).send(withLinks(deps.publicUrl(), created));
  });

  /**
   * A new model with this one's content (cards, links, goals, check-ins) and none of its review
   * history: no comments, votes, versions or revisions. Who may: see MODEL_ACTION_ROLE. The copy
   * is the caller's: the answer carries its owner link.
   */
  app.post(
    "/api/models/:id/duplicate",
    { onRequest: requireRole(MODEL_ACTION_ROLE.duplicate) },
    async (request, reply) => {
      const id = modelIdOf(request.params);
      await checkCreationPolicy(deps, request);
      const { model, checkIns } = await readGraphContent(store, deps.hocuspocus, id);
      await deps.checkDataQuota();
      await deps.chargeCreation(request);
      const { nodes, dropped } = withoutAlignments(model.nodes);
      const copy = { ...model, nodes, title: copyTitle(model.title) };
      const created = await models.create(copy, { checkIns });
      return reply.code(201).send({
        ...withLinks(deps.publicUrl(), created),
        alignmentsDropped: dropped,
        ...(dropped > 0 ? { notice: droppedAlignmentsText(dropped) } : {}),
      });
    },
  );
}

/** One existing model as a record: its summary, its deletion, and replacing its content. */
function modelRecordRoutes(kit: RouteKit): void {
  const { app, deps, requireRole, accessOf, personOf } = kit;
  const { models, limits, graphs } = deps;

  app.get("/api/models/:id", { onRequest: requireRole("viewer") }, async (request) => {
    const id = modelIdOf(request.params);
    const graph = await graphs.read(id);
    return {
      id,
      title: graph.title,
      role: accessOf(request).role,
      updatedAt: graph.updatedAt,
      nodeCount: graph.nodeCount,
      edgeCount: graph.edgeCount,
    };
  });

  app.delete(
    "/api/models/:id",
    { onRequest: requireRole(MODEL_ACTION_ROLE.delete) },
    async (request, reply) => {
      const id = modelIdOf(request.params);
      await models.delete(id);
      deps.activity.forgetModel(id);
      graphs.forget(id);
      deps.snapshots.forget(id);
      // Its goals leave the cascade: what read them (digests, progress rows, open maps and
      // roll-ups, alignments to them, now broken) hears it as a change.
      deps.cascade.hub.changed(id);
      return reply.code(204).send();
    },
  );

  app.put("/api/models/:id/content", { onRequest: requireRole("editor") }, async (request) => {
    const id = modelIdOf(request.params);
    const access = accessOf(request);
    const { model, file } = parseFile(request.body, limits.maxCardsOnImport);
    await refuseUnseenAlignments(deps, access.account?.id ?? null, id, model.nodes);
    await deps.checkDataQuota();
    // Comments are never replaced; check-in dates are, when the file carries them.
    await models.replaceContent(
      id,
      model,
      { role: access.role, person: await personOf(request) },
      file.checkIns,
    );
    // An import is read once here for the next page load, not at that load.
    deps.snapshots.prime(id);
    const graph = await graphs.read(id);
    return {
      id,
      title: graph.title,
      updatedAt: graph.updatedAt,
      nodeCount: graph.nodeCount,
      edgeCount: graph.edgeCount,
    };
  });
}

/** What viewers read of a model: its file or CSV, and its validation. */
export function modelViewRoutes(kit: RouteKit): void {
  const { app, deps, requireRole, accessOf } = kit;
  const { store, models, graphs } = deps;

  app.get(
    "/api/models/:id/export",
    { onRequest: requireRole("viewer"), schema: { querystring: exportQuery } },
    async (request, reply) => {
      const id = modelIdOf(request.params);
      if (request.query.format === "csv") {
        const { model } = await models.readGraph(id);
        return reply
          .type("text/csv; charset=utf-8")
          .header("Content-Disposition", attachment(fileName(model.title), ".csv"))
          .send(modelToCsv(model));
      }
      // The whole model: graph, check-in dates, comments and votes.
      const file = await readModelFile(store, deps.hocuspocus, id);
      return reply
        .header("Content-Disposition", attachment(fileName(file.title), ".logic-model.json"))
        .send(file);
    },
  );

  // The canvas's first layer (shared canvas-snapshot.ts): every card's place and title, drawn
  // while the graph document syncs. The same read check as the model itself.
  app.get(
    canvasSnapshotPath(":id"),
    { onRequest: requireRole("viewer") },
    async (request, reply) => {
      const id = modelIdOf(request.params);
      const json = await deps.snapshots.json(id, accessOf(request).role);
      // Private: it answers one caller's role; no-store, so a revoked link cannot read a copy.
      return reply
        .type("application/json; charset=utf-8")
        .header("cache-control", "no-store")
        .send(json);
    },
  );

  app.get("/api/models/:id/validation", { onRequest: requireRole("viewer") }, async (request) => {
    // From the cache of this document state: a loop of calls costs one validation.
    const { validation } = await graphs.read(modelIdOf(request.params), { allowStale: true });
    return { errors: validation.errors, warnings: validation.warnings };
  });
}
