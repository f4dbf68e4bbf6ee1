import {
  type Account,
  ALIGNABLE_QUERY_MAX,
  alignmentsBodySchema,
  CASCADE_ROUTES,
  GOAL_STATUSES,
  idSchema,
  isGoalKind,
  nodesMap,
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
import { alignmentMap, workspaceProgress } from "../cascade/views-workspace.ts";
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

const mapQuery = z.strictObject({
  status: z.enum(GOAL_STATUSES, { error: `must be one of ${GOAL_STATUSES.join(", ")}` }).optional(),
  school: z.string().max(64).optional(),
  attention: z.enum(["1", "0", "true", "false"], { error: "must be 1 or 0" }).optional(),
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
  app.get(CASCADE_ROUTES.map, { schema: { querystring: mapQuery } }, async (request, reply) => {
    const call = await workspaceCall(deps, request, "see");
    const { status, school, attention } = request.query;
    const scope = new CascadeScope(deps.store, goals, call.viewer);
    const answer = await alignmentMap(scope, call.workspace, {
      status,
      schoolId: school,
      attention: attention === "1" || attention === "true",
    });
    return sendCompact(request, reply, answer);
  });

  app.get(
    CASCADE_ROUTES.progress,
    { schema: { querystring: progressQuerySchema } },
    async (request, reply) => {
      const call = await workspaceCall(deps, request, "see");
      const all = await workspaceProgress(
        new CascadeScope(deps.store, goals, call.viewer),
        call.workspace,
      );
      const from = Number(request.query.cursor ?? 0);
      const to = request.query.limit === undefined ? all.rows.length : from + request.query.limit;
      const answer: WorkspaceProgressAnswer = {
        ...all,
        rows: all.rows.slice(from, to),
        total: all.rows.length,
        nextCursor: to < all.rows.length ? String(to) : null,
      };
      return sendCompact(request, reply, answer);
    },
  );

  app.get(CASCADE_ROUTES.progressCsv, async (request, reply) => {
    const call = await workspaceCall(deps, request, "see");
    const answer = await workspaceProgress(
      new CascadeScope(deps.store, goals, call.viewer),
      call.workspace,
    );
    return reply
      .type("text/csv; charset=utf-8")
      .header(
        "Content-Disposition",
        attachment(fileName(`${call.workspace.name} progress`), ".csv"),
      )
      .send(progressToCsv(answer.rows));
  });
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
