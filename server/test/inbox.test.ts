/**
 * The inbox (issue 18), through the real server: who a comment rings (mentions, answers), that
 * a person reads and marks only their own inbox, and the caps that keep a hostile writer from
 * flooding others.
 */
import { type InboxResponse, NOTIFICATION_LIMITS, reply, startThread } from "@logic-canvas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  authorOf,
  type Client,
  connect,
  createModel,
  person,
  sessionToken,
  startTestServer,
  synced,
  type TestPerson,
  type TestServer,
  waitFor,
} from "../../tests/support/index.ts";

let server: TestServer;

/** Polls an asynchronous check until it holds (the server answers over HTTP). */
async function eventually(check: () => Promise<boolean>, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** The API as `who`'s browser calls it: the secret and the name in headers. */
function asPerson(who: TestPerson | null, path: string, body?: unknown) {
  const headers: Record<string, string> = { Origin: server.url };
  if (who) {
    headers["x-person-secret"] = who.secret;
    headers["x-person-name"] = encodeURIComponent(who.name);
  }
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(`${server.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function inboxOf(who: TestPerson): Promise<InboxResponse> {
  const response = await asPerson(who, "/api/inbox");
  expect(response.status).toBe(200);
  return (await response.json()) as InboxResponse;
}

/** People on a model's review document as commenters. */
async function onReview(names: string[]) {
  const model = await createModel(server.url);
  const people = names.map((n) => person(n));
  const clients = people.map((p) =>
    connect(server, `${model.id}/review`, sessionToken(model.tokens.commenter, p)),
  );
  await Promise.all(clients.map(synced));
  return {
    model,
    people,
    clients,
    done: () => {
      for (const c of clients) c.destroy();
    },
  };
}

const author = (who: TestPerson) => authorOf(who, "commenter");

function thread(client: Client, who: TestPerson, text: string) {
  return startThread(
    client.doc,
    { anchor: { kind: "node", id: "S1" }, type: "question", text, author: author(who) },
    "local",
  );
}

describe("who gets what", () => {
  it("a mention reaches the person named, an answer the conversation's author, nobody else", async () => {
    const { model, people, clients, done } = await onReview(["Ana", "Ben", "Cy"]);
    const [ana, ben, cy] = people as [TestPerson, TestPerson, TestPerson];
    const [anaC, benC, cyC] = clients as [Client, Client, Client];
    const threadId = thread(anaC, ana, "Is 80% realistic by June? @Ben what do you think");
    await eventually(async () => (await inboxOf(ben)).unread === 1, "Ben's mention");
    const [mention] = (await inboxOf(ben)).items;
    expect(mention).toMatchObject({
      kind: "mention",
      from: { name: "Ana" },
      read: false,
      target: { modelId: model.id, threadId, nodeId: "S1" },
    });
    expect(mention?.text).toMatch(/^Ana mentioned you in “.+”: Is 80% realistic by June\?/);

    await waitFor(() => benC.doc.getMap("threads").has(threadId), "Ben to see the thread");
    reply(benC.doc, threadId, "Yes, with coaching.", author(ben), "local");
    await eventually(async () => (await inboxOf(ana)).unread === 1, "Ana's answer");
    expect((await inboxOf(ana)).items[0]).toMatchObject({ kind: "reply", from: { name: "Ben" } });

    // Cy answers and names both: one item each (a mention, not a second "reply" for Ana).
    await waitFor(() => cyC.doc.getMap("threads").has(threadId), "Cy to see the thread");
    reply(cyC.doc, threadId, "@Ana @ben agreed", author(cy), "local");
    await eventually(async () => (await inboxOf(ana)).unread === 2, "Ana's mention");
    await eventually(async () => (await inboxOf(ben)).unread === 2, "Ben's second mention");
    expect((await inboxOf(ana)).items.map((i) => i.kind)).toEqual(["mention", "reply"]);
    // Nobody rang Cy, and nobody is rung by their own words.
    expect((await inboxOf(cy)).items).toEqual([]);
    done();
  });

  it("one comment reaches at most the capped number of people, and one writer's flood is cut", async () => {
    const names = Array.from({ length: 14 }, (_, i) => `Member${String.fromCharCode(65 + i)}`);
    const { people, clients, done } = await onReview(["Mallory", "Ben", ...names]);
    const [mallory, ben] = people as [TestPerson, TestPerson];
    const malloryC = clients[0] as Client;
    thread(malloryC, mallory, names.map((n) => `@${n}`).join(" "));
    const members = people.slice(2);
    const total = async () => {
      let n = 0;
      for (const m of members) n += (await inboxOf(m)).unread;
      return n;
    };
    await eventually(
      async () => (await total()) === NOTIFICATION_LIMITS.mentionsPerComment,
      "the capped mentions",
    );

    // Many comments naming Ben: past the writer's allowance per minute, the rest ring nobody.
    for (let i = 0; i < NOTIFICATION_LIMITS.perAuthorPerMinute + 10; i += 1)
      thread(malloryC, mallory, `@Ben look ${i}`);
    const allowance =
      NOTIFICATION_LIMITS.perAuthorPerMinute - NOTIFICATION_LIMITS.mentionsPerComment;
    await eventually(
      async () => (await inboxOf(ben)).unread === allowance,
      "the allowance used up",
    );
    expect((await inboxOf(ben)).unread).toBe(allowance);
    done();
  });
});

describe("one's own inbox only", () => {
  it("nobody reads or marks another's items; the owner marks one, then all, read", async () => {
    const { people, clients, done } = await onReview(["Ana", "Ben", "Eve"]);
    const [ana, ben, eve] = people as [TestPerson, TestPerson, TestPerson];
    const anaC = clients[0] as Client;
    thread(anaC, ana, "@Ben first");
    thread(anaC, ana, "@Ben second");
    await eventually(async () => (await inboxOf(ben)).unread === 2, "Ben's two mentions");
    const benItems = (await inboxOf(ben)).items;

    // Without a person: refused in words. Eve sees only her (empty) inbox.
    const anonymous = await asPerson(null, "/api/inbox");
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { message: string } }).error.message).toMatch(
      /sign in or open a model and give your name/,
    );
    expect((await inboxOf(eve)).items).toEqual([]);

    // Eve names Ben's items: nothing of Ben's changes.
    const evesTry = await asPerson(eve, "/api/inbox/read", { ids: benItems.map((i) => i.id) });
    expect(evesTry.status).toBe(200);
    expect((await inboxOf(ben)).unread).toBe(2);
    expect((await asPerson(eve, "/api/inbox/read-all", {})).status).toBe(200);
    expect((await inboxOf(ben)).unread).toBe(2);

    const marked = await asPerson(ben, "/api/inbox/read", { ids: [benItems[0]?.id] });
    const afterOne = (await marked.json()) as InboxResponse;
    expect(afterOne.unread).toBe(1);
    expect(afterOne.items.find((i) => i.id === benItems[0]?.id)?.read).toBe(true);
    const all = (await (await asPerson(ben, "/api/inbox/read-all", {})).json()) as InboxResponse;
    expect(all.unread).toBe(0);
    expect(all.items.every((i) => i.read)).toBe(true);

    // A bad body is refused in words, never a crash.
    const bad = await asPerson(ben, "/api/inbox/read", { ids: [] });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/at least one item/);
    done();
  });
});
