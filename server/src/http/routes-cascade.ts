import {
  type Account,
  ALIGNABLE_QUERY_MAX,
  alignmentsBodySchema,
  CASCADE_ROUTES,
  idSchema,
  isGoalKind,
  mapQuerySchema,
  nodesMap,
  type ProgressFilter,
  progressFilterSchema,
  progressQuerySchema,
  progressToCsv,
  setAlignments,
  type WorkspaceProgressAnswer,
} from "@logic-canvas/shared";
import type { FastifyRequest } from "fastify";
import * as Y from "yjs";
import { z } from "zod";
import { addedAlignments, alignmentChecker } from "../cascade/alignment-gate.ts";
import { CascadeScope, type ScopedModel } from "../cascade/scope.ts";
import { alignableGoals, alignmentContext, rollupAnswer } from "../cascade/views-model.ts";
import { workspaceProgress } from "../cascade/views-progress.ts";
import { alignmentMap } from "../cascade/views-workspace.ts";
import { graphDocName } from "../documents/doc-names.ts";
import type { ServerChangeContext } from "../models/models.ts";
import { WorkspaceViewer } from "../workspaces/viewer.ts";
import type { RouteKit } from "./api.ts";
import { cascadeEvents } from "./cascade-events.ts";
import { sendCompact } from "./compact.ts";
import { ApiError, notFound } from "./respond.ts";
import { attachment, fileName, modelIdOf } from "./routes.ts";
import { workspaceCall } from "./workspace-kit.ts";

/**
 * The goals cascade (shared/src/cascade-api.ts): what a goal may align to and setting its
 * alignments, where a model's goals align, a goal's roll-up, and a workspace's alignment map and
 * progress rows (JSON and CSV), plus the live change stream. Every answer holds only goals of
 * models the caller may see; the rest is counted.
 */

const cardIdOf = (params: unknown): string => {
  const parsed = idSchema.safeParse((params as { cardId?: unknown }).cardId);
  if (!parsed.success) throw notFound("This model has no such goal.");
  return parsed.data;
};

const alignableQuery = z.strictObject({
  card: idSchema,
  q: z
    .string()
    .max(ALIGNABLE_QUERY_MAX, { error: `at most ${ALIGNABLE_QUERY_MAX} characters` })
    .optional(),
});

export function cascadeRoutes(kit: RouteKit): void {
  const { app, deps, requireRole, accessOf } = kit;
  const { goals } = deps.cascade;

  /** The caller's scope; a link-only caller sees no other model (their link is for this one). */
  const scopeOf = async (account: Account | null) =>
    new CascadeScope(
      deps.store,
      goals,
      await WorkspaceViewer.load(deps.store, account ?? ({ id: "" } as Account)),
    );

  /** The model of the path as a scoped model: the caller has a role on it (requireRole). */
  const sourceOf = async (request: FastifyRequest, scope: CascadeScope): Promise<ScopedModel> => {
    const id = modelIdOf(request.params);
    const record = await deps.store.getModel(id);
    const digest = await goals.digest(id);
    if (!record || !digest) throw notFound();
    const workspace = record.workspaceId ? scope.tree.get(record.workspaceId) : undefined;
    if (!workspace)
      throw new ApiError(
        409,
        "no-workspace",
        "This model belongs to no workspace, so it is not part of a goals cascade. Move it into a team, school or district first.",
      );
    return { id, title: digest.title, workspace, digest };
  };

  app.get(
    CASCADE_ROUTES.alignable,
    { onRequest: requireRole("editor"), schema: { querystring: alignableQuery } },
    async (request) => {
      const scope = await scopeOf(accessOf(request).account);
      const source = await sourceOf(request, scope);
      return {
        goals: await alignableGoals(scope, source, request.query.card, request.query.q ?? ""),
      };
    },
  );

  alignmentsRoute(kit, scopeOf, sourceOf);

  app.get(CASCADE_ROUTES.context, { onRequest: requireRole("viewer") }, async (request) => {
    const scope = await scopeOf(accessOf(request).account);
    const record = await deps.store.getModel(modelIdOf(request.params));
    // Every model opened asks for its context: one outside any workspace the caller can see
    // (a link-only model, or a link holder's) has an empty one, no marks, not an error on each open.
    if (record && !(record.workspaceId && scope.tree.get(record.workspaceId)))
      return { modelId: record.id, hasParentWorkspace: false, cards: [] };
    return alignmentContext(scope, goals, await sourceOf(request, scope));
  });

  app.get(CASCADE_ROUTES.rollup, { onRequest: requireRole("viewer") }, async (request) => {
    const scope = await scopeOf(accessOf(request).account);
    const answer = await rollupAnswer(
      scope,
      goals,
      await sourceOf(request, scope),
      cardIdOf(request.params),
    );
    if (!answer) throw notFound("This model has no such goal.");
    return answer;
  });

  workspaceCascadeRoutes(kit);
  cascadeEvents(kit);
}

/** The map and progress rows of a workspace and everything under it that the caller may see. */
function workspaceCascadeRoutes(kit: RouteKit): void {
  const { app, deps } = kit;
  const { goals } = deps.cascade;
  app.get(
    CASCADE_ROUTES.map,
    { schema: { querystring: mapQuerySchema } },
    async (request, reply) => {
      const call = await workspaceCall(deps, request, "see");
      const scope = new CascadeScope(deps.store, goals, call.viewer);
      const answer = await alignmentMap(scope, call.workspace, request.query);
      if (!answer) throw notFound("This map has no such goal (under).");
      return sendCompact(request, reply, answer);
    },
  );

  /** The rows that pass the filter, or a 400 in words for a place not under the workspace. */
  const rowsOf = async (request: FastifyRequest, filter: ProgressFilter) => {
    const call = await workspaceCall(deps, request, "see");
    const scope = new CascadeScope(deps.store, goals, call.viewer);
    const found = await workspaceProgress(scope, call.workspace, filter, deps.cascade.progress);
    if (found.badPlace)
      throw new ApiError(
        400,
        "bad-place",
        "place must be a school or team at or below this workspace that you may see.",
      );
    return { call, ...found };
  };

  app.get(
    CASCADE_ROUTES.progress,
    { schema: { querystring: progressQuerySchema } },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      const { call, rows, unfiltered } = await rowsOf(request, filter);
      const from = Number(cursor ?? 0);
      const to = limit === undefined ? rows.length : from + limit;
      const answer: WorkspaceProgressAnswer = {
        workspaceId: call.workspace.id,
        workspaceName: call.workspace.name,
        rows: rows.slice(from, to),
        generatedAt: new Date().toISOString(),
        total: rows.length,
        unfiltered,
        nextCursor: to < rows.length ? String(to) : null,
      };
      return sendCompact(request, reply, answer);
    },
  );

  app.get(
    CASCADE_ROUTES.progressCsv,
    { schema: { querystring: progressFilterSchema } },
    async (request, reply) => {
      const { call, rows } = await rowsOf(request, request.query);
      return reply
        .type("text/csv; charset=utf-8")
        .header(
          "Content-Disposition",
          attachment(fileName(`${call.workspace.name} progress`), ".csv"),
        )
        .send(progressToCsv(rows));
    },
  );
}

type ScopeOf = (account: Account | null) => Promise<CascadeScope>;
type SourceOf = (request: FastifyRequest, scope: CascadeScope) => Promise<ScopedModel>;

/**
 * Replaces a goal's alignments, through the live document (seen at once by everyone editing);
 * only the alignments it adds are checked, the ones already stored stay, broken or not.
 */
function alignmentsRoute(kit: RouteKit, scopeOf: ScopeOf, sourceOf: SourceOf): void {
  const { app, deps, requireRole, accessOf } = kit;
  const { goals } = deps.cascade;
  app.put(
    CASCADE_ROUTES.alignments,
    { onRequest: requireRole("editor"), schema: { body: alignmentsBodySchema } },
    async (request) => {
      const access = accessOf(request);
      const id = modelIdOf(request.params);
      const cardId = cardIdOf(request.params);
      const connection = await deps.hocuspocus.openDirectConnection(graphDocName(id), {
        source: "api",
        role: access.role,
        person: await kit.personOf(request),
      } satisfies ServerChangeContext);
      try {
        const live = connection.document;
        if (!live) throw notFound();
        const card = nodesMap(live).get(cardId);
        if (!(card instanceof Y.Map)) throw notFound("This model has no such goal.");
        if (!isGoalKind(card.get("kind") as never))
          throw new ApiError(
            400,
            "not-a-goal",
            "Only goals (small-win, mid-journey, long-term) align to goals above.",
          );
        // Only what is new is checked: alignments already stored stay, broken or not.
        const next = new Y.Doc();
        setAlignmentsOn(next, cardId, request.body.alignsTo);
        const added = addedAlignments(live, next, [cardId]);
        next.destroy();
        const refusal = await alignmentChecker(deps.store, goals)(
          { accountId: access.account?.id ?? null },
          id,
          added,
        );
        if (refusal) throw new ApiError(403, "alignment-refused", `${capital(refusal)}.`);
        await connection.transact((doc) =>
          setAlignments(doc, cardId, request.body.alignsTo, "api"),
        );
      } finally {
        await connection.disconnect();
      }
      const scope = await scopeOf(access.account);
      return alignmentContext(scope, goals, await sourceOf(request, scope));
    },
  );
}

/** The card's list as it would be written, on a scratch document, to compare with the live one. */
function setAlignmentsOn(doc: Y.Doc, cardId: string, list: Parameters<typeof setAlignments>[2]) {
  const card = new Y.Map<unknown>();
  nodesMap(doc).set(cardId, card);
  card.set(
    "alignsTo",
    list.map((a) => ({ ...a })),
  );
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
