import { readModel, readReview, startThread, updateNode } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { setUpServer, signIn, signUp, whoAmI } from "../../tests/support/accounts.ts";
import {
  api,
  authorOf,
  type Client,
  connect,
  createModel,
  person,
  sessionToken,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";
import { expectRefused } from "../../tests/support/review-thread.ts";

const server = useTestServer();
let signedUp: ReturnType<typeof signUpPeople> | undefined;

/** Maria's account, signed in on two devices, and Ben's: made once for the file. */
function people() {
  signedUp ??= signUpPeople();
  return signedUp;
}

async function signUpPeople() {
  await setUpServer(server.url);
  const stamp = Math.random().toString(36).slice(2);
  const email = `maria-${stamp}@school.test`;
  const laptop = await signUp(server.url, email, "maria-password-1", "Maria Lopez");
  const phone = await signIn(server.url, email, "maria-password-1");
  const ben = await signUp(server.url, `ben-${stamp}@school.test`, "ben-password-1", "Ben Okafor");
  const maria = await whoAmI(server.url, laptop);
  const benAccount = await whoAmI(server.url, ben);
  if (!maria || !benAccount) throw new Error("the accounts were not signed in");
  return { laptop, phone, maria, ben, benAccount };
}

function sessions(client: Client): Record<string, unknown>[] {
  const seen: Record<string, unknown>[] = [];
  client.provider.on("stateless", ({ payload }: { payload: string }) =>
    seen.push(JSON.parse(payload)),
  );
  return seen;
}

describe("a signed-in person is their account", () => {
  it("on every connection and in presence, whatever name the browser's token declares", async () => {
    const { laptop, phone, maria } = await people();
    const model = await createModel(server.url);
    // Two devices of the same person, which declare different browser identities (or none).
    const first = connect(
      server,
      model.id,
      sessionToken(model.tokens.editor, person("Tab one")),
      undefined,
      laptop,
    );
    const second = connect(server, model.id, model.tokens.commenter, undefined, phone);
    const seen = [sessions(first), sessions(second)];
    const watcher = connect(server, model.id, model.tokens.viewer);
    await Promise.all([synced(first), synced(second), synced(watcher)]);
    await waitFor(() => seen.every((s) => s.length > 0), "session messages");
    const vouched = { id: maria.id, name: "Maria Lopez" };
    expect(seen[0]?.[0]).toEqual({ type: "session", role: "editor", person: vouched });
    expect(seen[1]?.[0]).toEqual({ type: "session", role: "commenter", person: vouched });
    first.provider.awareness?.setLocalStateField("person", { id: "someone", name: "Olu" });
    const stamped = () => watcher.provider.awareness?.getStates().get(first.doc.clientID)?.person;
    await waitFor(() => stamped() !== undefined, "Maria's presence");
    expect(stamped()).toEqual(vouched);
    for (const c of [first, second, watcher]) c.destroy();
  });

  it("cannot post a comment as their browser's person, as another account, or under another name", async () => {
    const { laptop, maria, benAccount } = await people();
    const model = await createModel(server.url);
    const name = `${model.id}/review`;
    const browser = person("Maria's browser");
    const writer = () =>
      connect(server, name, sessionToken(model.tokens.commenter, browser), undefined, laptop);
    const watcher = connect(server, name, sessionToken(model.tokens.owner, person("Olu")));
    const comment = (client: Client, author: { id: string; name: string }) => () =>
      startThread(
        client.doc,
        {
          anchor: { kind: "model" },
          type: "question",
          text: "Who is writing?",
          author: { ...author, role: "commenter" },
        },
        "local",
      );
    for (const author of [
      authorOf(browser, "commenter"),
      { id: benAccount.id, name: "Ben Okafor" },
      { id: maria.id, name: "Someone else" },
    ]) {
      const client = writer();
      await Promise.all([synced(client), synced(watcher)]);
      await expectRefused(server, model.id, client, watcher, comment(client, author), /own name/);
      client.destroy();
    }
    // As herself, the comment is taken, and everyone reads her account as its author.
    const client = writer();
    await synced(client);
    comment(client, { id: maria.id, name: "Maria Lopez" })();
    await waitFor(() => readReview(watcher.doc).threads.length === 1, "the comment");
    expect(readReview(watcher.doc).threads[0]?.author).toEqual({
      id: maria.id,
      name: "Maria Lopez",
      role: "commenter",
    });
    client.destroy();
    watcher.destroy();
  });

  it("in the revision log and on saved versions, over the headers a browser sends", async () => {
    const { laptop, maria } = await people();
    const model = await createModel(server.url, { template: "coaching" });
    const editor = connect(
      server,
      model.id,
      sessionToken(model.tokens.editor, person("Declared")),
      undefined,
      laptop,
    );
    await synced(editor);
    const goal = readModel(editor.doc).nodes[0];
    if (!goal) throw new Error("the template has no card");
    updateNode(editor.doc, goal.id, { title: "Reading by spring" }, "l");
    await synced(editor);
    const log = await api(server.url, `/api/models/${model.id}/activity`, {
      token: model.tokens.viewer,
    });
    const { entries } = (await log.json()) as { entries: { by: unknown }[] };
    expect(entries[0]?.by).toEqual({ id: maria.id, name: "Maria Lopez", role: "editor" });
    const saved = await api(server.url, `/api/models/${model.id}/versions`, {
      token: model.tokens.editor,
      method: "POST",
      body: JSON.stringify({ label: "Before the review" }),
      headers: {
        cookie: laptop,
        "x-person-secret": "a-secret-of-another-browser-0001",
        "x-person-name": "Declared",
      },
    });
    expect(saved.status).toBe(201);
    expect(((await saved.json()) as { createdBy: unknown }).createdBy).toEqual({
      id: maria.id,
      name: "Maria Lopez",
      role: "editor",
    });
    editor.destroy();
  });
});
