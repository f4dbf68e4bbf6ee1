import {
  CASCADE_EVENT,
  CASCADE_EVENTS_KEEPALIVE_MS,
  CASCADE_ROUTES,
  type CascadeEvent,
} from "@logic-canvas/shared";
import type { RouteKit } from "./api.ts";
import { ApiError } from "./respond.ts";
import { workspaceCall } from "./workspace-kit.ts";

/**
 * The live stream of a workspace's cascade (server-sent events): a `cascade` event names the
 * models at or below the workspace, visible to the caller, whose goals changed on any process
 * (the hub hears other processes over Redis). Streams are few per person and per process, since
 * each holds a socket open: past the caps a new one is refused with 429 in words.
 */

const STREAMS_PER_ACCOUNT = 8;
const STREAMS_PER_PROCESS = 2_000;

export function cascadeEvents(kit: RouteKit): void {
  const { app, deps } = kit;
  const perAccount = new Map<string, number>();
  let open = 0;

  app.get(CASCADE_ROUTES.events, async (request, reply) => {
    const call = await workspaceCall(deps, request, "see");
    const accountId = call.viewer.account.id;
    const mine = perAccount.get(accountId) ?? 0;
    if (mine >= STREAMS_PER_ACCOUNT || open >= STREAMS_PER_PROCESS)
      throw new ApiError(
        429,
        "too-many-streams",
        `At most ${STREAMS_PER_ACCOUNT} live cascade pages may be open per person; close one and reload.`,
      );
    // Which workspaces the stream is about, and which of them the caller may see models in.
    const scope = new Set(
      call.viewer.subtree(call.workspace.id).filter((id) => call.viewer.modelRole(id) !== null),
    );
    const workspaceOf = new Map<string, string | null>();
    const relevant = async (modelIds: readonly string[]) => {
      const out: string[] = [];
      for (const id of modelIds) {
        let ws = workspaceOf.get(id);
        if (ws === undefined) {
          ws = (await deps.store.getModel(id).catch(() => undefined))?.workspaceId ?? null;
          workspaceOf.set(id, ws);
        }
        if (ws && scope.has(ws)) out.push(id);
      }
      return out;
    };

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    raw.write(": open\n\n");
    open += 1;
    perAccount.set(accountId, mine + 1);

    const unsubscribe = deps.cascade.hub.subscribe((modelIds) => {
      void relevant(modelIds).then((ids) => {
        if (ids.length === 0 || raw.writableEnded) return;
        const event: CascadeEvent = { modelIds: ids, at: new Date().toISOString() };
        raw.write(`event: ${CASCADE_EVENT}\ndata: ${JSON.stringify(event)}\n\n`);
      });
    });
    const keepAlive = setInterval(() => raw.write(": keep-alive\n\n"), CASCADE_EVENTS_KEEPALIVE_MS);
    keepAlive.unref();
    const close = () => {
      clearInterval(keepAlive);
      unsubscribe();
      open -= 1;
      const left = (perAccount.get(accountId) ?? 1) - 1;
      if (left > 0) perAccount.set(accountId, left);
      else perAccount.delete(accountId);
    };
    raw.once("close", close);
  });
}
