import {
  INBOX_EVENT,
  INBOX_PATHS,
  type InboxEvent,
  reply,
  startThread,
} from "@logic-canvas/shared";
import { afterEach, expect, it } from "vitest";
import {
  authorOf,
  connect,
  createModel,
  person,
  sessionToken,
  synced,
  waitFor,
} from "../support/index.ts";
import { type Cluster, cluster } from "./cluster.ts";

/**
 * The inbox across processes: Bea follows her inbox on process B; Ann answers Bea's conversation
 * on process A, naming her. The item is stored by A and Bea's stream on B hears of it through the
 * Redis control channel (the resync pass is set far beyond the test, so only that message can
 * carry it).
 */

let c: Cluster | undefined;
afterEach(async () => {
  await c?.stop();
  c = undefined;
});

/** The `inbox` events of a server-sent event stream, as they arrive. */
function inboxEvents(response: Response): InboxEvent[] {
  const received: InboxEvent[] = [];
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    while (reader) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const lines = buffer.slice(0, end).split("\n");
        buffer = buffer.slice(end + 2);
        const name = lines.find((l) => l.startsWith("event: "))?.slice(7);
        const data = lines.find((l) => l.startsWith("data: "))?.slice(6);
        if (name === INBOX_EVENT && data) received.push(JSON.parse(data) as InboxEvent);
      }
    }
  })();
  return received;
}

it("a mention written on one process rings the person's stream on another", async () => {
  c = cluster({ redisResyncMs: 600_000 });
  const a = await c.start();
  const b = await c.start();
  const model = await createModel(a.url);
  const ann = person("Ann");
  const bea = person("Bea");
  const name = `${model.id}/review`;
  const beaClient = connect(b, name, sessionToken(model.tokens.commenter, bea));
  const annClient = connect(a, name, sessionToken(model.tokens.commenter, ann));
  const abort = new AbortController();
  try {
    await Promise.all([synced(beaClient), synced(annClient)]);
    const stream = await fetch(`${b.url}${INBOX_PATHS.events}`, {
      headers: { "x-person-secret": bea.secret, "x-person-name": bea.name },
      signal: abort.signal,
    });
    expect(stream.status).toBe(200);
    const received = inboxEvents(stream);
    await waitFor(() => received.length === 1, "the stream's opening count");
    expect(received[0]).toEqual({ unread: 0 });

    const threadId = startThread(
      beaClient.doc,
      {
        anchor: { kind: "model" },
        type: "question",
        text: "Who owns the spring check-in?",
        author: authorOf(bea, "commenter"),
      },
      "local",
    );
    await waitFor(() => annClient.doc.getMap("threads").has(threadId), "Ann to see the thread");
    reply(annClient.doc, threadId, "@Bea I can take it.", authorOf(ann, "commenter"), "local");
    await waitFor(() => received.some((e) => e.unread === 1), "Bea's stream on B to hear", 10_000);

    const inbox = await fetch(`${b.url}${INBOX_PATHS.inbox}`, {
      headers: { "x-person-secret": bea.secret, "x-person-name": bea.name },
    });
    const body = (await inbox.json()) as { items: { kind: string; text: string }[] };
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ kind: "mention" });
    expect(body.items[0]?.text).toMatch(/^Ann mentioned you in .*: @Bea I can take it\.$/);
  } finally {
    abort.abort();
    beaClient.destroy();
    annClient.destroy();
  }
});
