import {
  INBOX_EVENT,
  INBOX_EVENTS_KEEPALIVE_MS,
  INBOX_PATHS,
  type InboxEvent,
  NOTIFICATION_LIMITS,
} from "@logic-canvas/shared";
import type { RouteKit } from "./api.ts";
import { openEventStream, StreamCaps } from "./event-stream.ts";
import { inboxOwner } from "./routes-inbox.ts";

/**
 * The live stream of the caller's own inbox (server-sent events): an `inbox` event with the
 * unread count when it opens and whenever the inbox changes on any process (the hub hears the
 * others over Redis); the page then fetches the items. Few streams per person and per process,
 * past which a new one is refused with 429 in words.
 */
export function inboxEvents(kit: RouteKit): void {
  const { app, deps } = kit;
  const { hub } = deps.inbox;
  const caps = new StreamCaps({
    perPerson: NOTIFICATION_LIMITS.streamsPerPerson,
    perProcess: 2_000,
    refusal: `At most ${NOTIFICATION_LIMITS.streamsPerPerson} pages may follow one inbox live; close one and reload.`,
  });

  app.get(INBOX_PATHS.events, async (request, reply) => {
    const person = await inboxOwner(kit, request);
    const release = caps.take(person.id);
    let unsubscribe = () => {};
    const events = openEventStream(reply, {
      keepAliveMs: INBOX_EVENTS_KEEPALIVE_MS,
      onClose: () => {
        unsubscribe();
        release();
      },
    });
    const send = () => {
      void deps.store.notifications
        .unreadCount(person.id)
        .then((unread) => {
          const event: InboxEvent = { unread };
          events.send(INBOX_EVENT, event);
        })
        .catch(() => undefined);
    };
    unsubscribe = hub.subscribe(person.id, send);
    send();
  });
}
