import {
  type Account,
  ancestorsOf,
  CASCADE_EVENT,
  CASCADE_EVENTS_KEEPALIVE_MS,
  CASCADE_ROUTES,
  type CascadeEvent,
} from "@logic-canvas/shared";
import type { FastifyReply } from "fastify";
import { TREE_CHANGED } from "../cascade/hub.ts";
import { WorkspaceViewer } from "../workspaces/viewer.ts";
import type { ApiDeps, RouteKit } from "./api.ts";
import { openEventStream, StreamCaps } from "./event-stream.ts";
import { ApiError, notFound } from "./respond.ts";
import { modelIdOf } from "./routes.ts";
import { workspaceCall } from "./workspace-kit.ts";

/**
 * The live streams of the cascade (server-sent events). A `cascade` event names the models the
 * caller may see, in the workspaces the stream follows, whose goals changed on any process (the
 * hub hears other processes over Redis), or whose place changed (a workspace moved or archived).
 * - a workspace's stream (map, progress): the workspace and everything under it;
 * - a model's stream (the open editor's marks and roll-ups): the workspaces above the model's
 *   (where its goals align to) and its own with everything under it (what aligns to them), the
 *   model itself left out (the editor has its own document live).
 * Streams are few per person and per process, since each holds a socket open: past the caps a
 * new one is refused with 429 in words.
 */

const STREAMS_PER_ACCOUNT = 8;

/** The workspaces whose models a stream follows, for the person as the tree stands now. */
type ScopeOf = (viewer: WorkspaceViewer) => Set<string>;

export function cascadeEvents(kit: RouteKit): void {
  const { app, deps, requireRole, accessOf } = kit;
  const streams = new StreamCaps({
    perPerson: STREAMS_PER_ACCOUNT,
    perProcess: 2_000,
    refusal: `At most ${STREAMS_PER_ACCOUNT} live cascade pages may be open per person; close one and reload.`,
  });

  app.get(CASCADE_ROUTES.events, async (request, reply) => {
    const call = await workspaceCall(deps, request, "see");
    const workspaceId = call.workspace.id;
    const scopeOf: ScopeOf = (viewer) => visibleIn(viewer, viewer.subtree(workspaceId));
    stream(deps, streams, reply, call.viewer, scopeOf, null);
  });

  app.get(
    CASCADE_ROUTES.modelEvents,
    { onRequest: requireRole("viewer") },
    async (request, reply) => {
      const account = accessOf(request).account;
      // A link alone shows no other model, so there is nothing live to follow.
      if (!account)
        throw new ApiError(401, "unauthorized", "Live alignment updates need you signed in.");
      const modelId = modelIdOf(request.params);
      const record = await deps.store.getModel(modelId);
      if (!record) throw notFound();
      const home = record.workspaceId;
      if (!home)
        throw new ApiError(
          409,
          "no-workspace",
          "This model belongs to no workspace: nothing aligns.",
        );
      const scopeOf: ScopeOf = (viewer) =>
        visibleIn(viewer, [...ancestorsOf(viewer.tree, home), ...viewer.subtree(home)]);
      stream(
        deps,
        streams,
        reply,
        await WorkspaceViewer.load(deps.store, account),
        scopeOf,
        modelId,
      );
    },
  );
}

function visibleIn(viewer: WorkspaceViewer, workspaceIds: readonly string[]): Set<string> {
  return new Set(workspaceIds.filter((id) => viewer.modelRole(id) !== null));
}

function stream(
  deps: ApiDeps,
  streams: StreamCaps,
  reply: FastifyReply,
  viewer: WorkspaceViewer,
  scopeOf: ScopeOf,
  own: string | null,
): void {
  const account: Account = viewer.account;
  const release = streams.take(account.id);
  let scope = scopeOf(viewer);
  // A model never changes workspace (workspaces move, with their models), so this is kept.
  const workspaceOf = new Map<string, string | null>();
  const relevant = async (modelIds: readonly string[], before: Set<string>) => {
    const out: string[] = [];
    for (const id of modelIds) {
      if (id === TREE_CHANGED || id === own) continue;
      let ws = workspaceOf.get(id);
      if (ws === undefined) {
        ws = (await deps.store.getModel(id).catch(() => undefined))?.workspaceId ?? null;
        workspaceOf.set(id, ws);
      }
      // Before or after a move: a map loses what left as surely as it gains what came.
      if (ws && (scope.has(ws) || before.has(ws))) out.push(id);
    }
    return out;
  };

  let unsubscribe = () => {};
  const events = openEventStream(reply, {
    keepAliveMs: CASCADE_EVENTS_KEEPALIVE_MS,
    onClose: () => {
      unsubscribe();
      release();
    },
  });
  unsubscribe = deps.cascade.hub.subscribe((modelIds) => {
    void (async () => {
      const before = scope;
      if (modelIds.includes(TREE_CHANGED))
        scope = scopeOf(await WorkspaceViewer.load(deps.store, account));
      const ids = await relevant(modelIds, before);
      if (ids.length === 0 || events.ended) return;
      const event: CascadeEvent = { modelIds: ids, at: new Date().toISOString() };
      events.send(CASCADE_EVENT, event);
    })().catch(() => undefined);
  });
}
