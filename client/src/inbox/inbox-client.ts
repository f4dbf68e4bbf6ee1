import {
  type DigestFrequency,
  type DigestSettingsResponse,
  INBOX_EVENT,
  INBOX_PATHS,
  type InboxEvent,
  type InboxResponse,
  type Notification,
  notificationHref,
  type UnsubscribeResponse,
} from "@logic-canvas/shared";
import { requestJson } from "../app/json-api.ts";
import { recentModels } from "../app/local-store.ts";

/**
 * The inbox as the page calls it. The person is the session cookie when signed in, otherwise
 * the browser's person headers (collab/review-person.ts), passed in as `headers`.
 */

export type PersonHeaders = Record<string, string>;

export const loadInbox = (headers: PersonHeaders) =>
  requestJson<InboxResponse>(INBOX_PATHS.inbox, { headers });

export const markRead = (headers: PersonHeaders, ids: string[]) =>
  requestJson<InboxResponse>(INBOX_PATHS.read, { method: "POST", headers, body: { ids } });

export const markAllRead = (headers: PersonHeaders) =>
  requestJson<InboxResponse>(INBOX_PATHS.readAll, { method: "POST", headers, body: {} });

export const loadDigest = () => requestJson<DigestSettingsResponse>(INBOX_PATHS.settings);

export const saveDigest = (digest: DigestFrequency) =>
  requestJson<DigestSettingsResponse>(INBOX_PATHS.settings, { method: "PUT", body: { digest } });

export const unsubscribe = (token: string) =>
  requestJson<UnsubscribeResponse>(INBOX_PATHS.unsubscribe, { method: "POST", body: { token } });

/**
 * Where an item leads. A browser without an account reaches a model only through its link,
 * whose token this browser kept when it opened the model (the home page's list): that link is
 * used, with the card or conversation named in the query; a signed-in person's roles open it.
 */
export function hrefOf(item: Notification): string {
  const path = notificationHref(item.target);
  const known = recentModels().find((m) => m.id === item.target.modelId);
  if (!known) return path;
  const fragment = known.link.split("#")[1];
  return fragment ? `${path}#${fragment}` : path;
}

/**
 * Follows the inbox's server-sent events until `signal` aborts, reconnecting after a pause when
 * the stream ends or fails. Read with fetch rather than EventSource, which cannot send the
 * person headers of a browser without an account.
 */
export async function followInbox(
  headers: PersonHeaders,
  onEvent: (event: InboxEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  while (!signal.aborted) {
    try {
      const response = await fetch(INBOX_PATHS.events, { headers, signal });
      if (response.ok && response.body) await readEvents(response.body, onEvent);
    } catch {
      // Offline or aborted: wait and try again (the loop ends once aborted).
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
}

async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (e: InboxEvent) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split("\n");
      const name = lines.find((l) => l.startsWith("event: "))?.slice(7);
      const data = lines.find((l) => l.startsWith("data: "))?.slice(6);
      if (name !== INBOX_EVENT || !data) continue;
      try {
        onEvent(JSON.parse(data) as InboxEvent);
      } catch {
        // A damaged event is skipped; the next one carries the whole count again.
      }
    }
  }
}
