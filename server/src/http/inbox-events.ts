import {
  INBOX_EVENT,
  INBOX_EVENTS_KEEPALIVE_MS,
  INBOX_PATHS,
  type InboxEvent,
  NOTIFICATION_LIMITS,
} from "@logic-canvas/shared";
import type { RouteKit } from "./api.ts";
import { ApiError } from "./respond.ts";
import { inboxOwner } from "./routes-inbox.ts";

/** Streams per process: each holds a socket open. */
const STREAMS_PER_PROCESS = 2_000;

/**
 * The live stream of the caller's own inbox (server-sent events): an `inbox` event with the
 * unread count when it opens and whenever the inbox changes on any process (the hub hears the
 * others over Redis); the page then fetches the items. Few streams per person and per process,
 * past which a new one is refused with 429 in words.
 */
export function inboxEvents(kit: RouteKit): void {
  const { app, deps } = kit;
  const { hub } = deps.inbox;
  let open = 0;

  app.get(INBOX_PATHS.events, async (request, reply) => {
    const person = await inboxOwner(kit, request);
    const limit = NOTIFICATION_LIMITS.streamsPerPerson;
    if (hub.streamsOf(person.id) >= limit || open >= STREAMS_PER_PROCESS)
      throw new ApiError(
        429,
        "too-many-streams",
        `At most ${limit} pages may follow one inbox live; close one and reload.`,
      );
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
    const send = () => {
      void deps.store.notifications
        .unreadCount(person.id)
        .then((unread) => {
          if (raw.writableEnded) return;
          const event: InboxEvent = { unread };
          raw.write(`event: ${INBOX_EVENT}\ndata: ${JSON.stringify(event)}\n\n`);
        })
        .catch(() => undefined);
    };
    const unsubscribe = hub.subscribe(person.id, send);
    send();
    const keepAlive = setInterval(() => raw.write(": keep-alive\n\n"), INBOX_EVENTS_KEEPALIVE_MS);
    keepAlive.unref();
    raw.once("close", () => {
      clearInterval(keepAlive);
      unsubscribe();
      open -= 1;
    });
  });
}
