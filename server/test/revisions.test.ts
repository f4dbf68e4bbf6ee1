import {
  addNode,
  deleteNode,
  GOAL_KINDS,
  connect as link,
  PENDING_REASONS_MAX,
  readModel,
  updateNode,
  updateSmart,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
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

const server = useTestServer();

const ana = person("Ana");
const ben = person("Ben");

interface Entry {
  id: string;
  at: string;
  startedAt: string;
  by: { id: string | null; name: string | null; role: string };
  subject: "node" | "link" | "model";
  subjectId: string | null;
  summary: {
    added: boolean;
    removed: boolean;
    fields: string[];
    title?: string;
    action?: string;
    version?: { id: string; label: string };
  };
  reason: string | null;
}

async function activity(modelId: string, token: string, query = ""): Promise<Entry[]> {
  const response = await api(server.url, `/api/models/${modelId}/activity${query}`, { token });
  expect(response.status).toBe(200);
  return ((await response.json()) as { entries: Entry[] }).entries;
}

function statelessOf(client: Client): Record<string, unknown>[] {
  const seen: Record<string, unknown>[] = [];
  client.provider.on("stateless", ({ payload }: { payload: string }) =>
    seen.push(JSON.parse(payload)),
  );
  return seen;
}

async function goalModel() {
  const model = await createModel(server.url, { template: "coaching" });
  const editor = connect(server, model.id, sessionToken(model.tokens.editor, ana));
  await synced(editor);
  const goal = readModel(editor.doc).nodes.find((n) =>
    (GOAL_KINDS as readonly string[]).includes(n.kind),
  );
  if (!goal) throw new Error("the template has no goal");
  return { model, editor, goal };
}

describe("revision log", () => {
  it("merges a burst of 40 title keystrokes into one entry with who and what", async () => {
    const { model, editor, goal } = await goalModel();
    const title = "Students reading at grade level by spring";
    for (let i = 1; i <= 40; i += 1) {
      updateNode(editor.doc, goal.id, { title: title.slice(0, i) }, "l");
      if (i % 10 === 0) await synced(editor);
    }
    await synced(editor);
    const entries = await activity(model.id, model.tokens.viewer, `?node=${goal.id}`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      by: { id: authorOf(ana, "editor").id, name: "Ana", role: "editor" },
      subject: "node",
      subjectId: goal.id,
      summary: { added: false, removed: false, fields: ["title"], title: title.slice(0, 40) },
      reason: null,
    });
    expect(entries[0]?.at >= (entries[0]?.startedAt ?? "")).toBe(true);
    editor.destroy();
  });

  it("keeps people and cards apart, records additions, removals and links, and filters per card", async () => {
    const { model, editor, goal } = await goalModel();
    const benClient = connect(server, model.id, sessionToken(model.tokens.owner, ben));
    await synced(benClient);
    updateNode(editor.doc, goal.id, { notes: "Ana's note" }, "l");
    await synced(editor);
    await waitFor(
      () => readModel(benClient.doc).nodes.find((n) => n.id === goal.id)?.notes === "Ana's note",
      "sync",
    );
    updateNode(benClient.doc, goal.id, { title: "Ben's title" }, "l");
    const input = addNode(editor.doc, { kind: "input", title: "Coach time" }, "l");
    const edge = link(editor.doc, { source: input, target: goal.id }, "l");
    await synced(editor);
    await synced(benClient);
    deleteNode(editor.doc, input, "l");
    await synced(editor);

    const forGoal = await activity(model.id, model.tokens.viewer, `?node=${goal.id}`);
    expect(forGoal.map((e) => [e.by.name, e.by.role, e.summary.fields])).toEqual([
      ["Ben", "owner", ["title"]],
      ["Ana", "editor", ["notes"]],
    ]);
    const forInput = await activity(model.id, model.tokens.viewer, `?node=${input}`);
    expect(forInput).toHaveLength(1);
    expect(forInput[0]?.summary).toMatchObject({ added: true, removed: true, title: "Coach time" });
    const all = await activity(model.id, model.tokens.viewer);
    expect(all.find((e) => e.subjectId === edge)).toMatchObject({
      subject: "link",
      summary: { added: true },
    });
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect((await activity(model.id, model.tokens.viewer, "?limit=1")).length).toBe(1);
    for (const query of ["?limit=0", "?limit=abc", "?node=../x"]) {
      const bad = await api(server.url, `/api/models/${model.id}/activity${query}`, {
        token: model.tokens.viewer,
      });
      expect(bad.status).toBe(400);
    }
    benClient.destroy();
    editor.destroy();
  });

  it("keeps an editor's reason for revising a goal, sent after or before the change", async () => {
    const { model, editor, goal } = await goalModel();
    const replies = statelessOf(editor);
    updateSmart(editor.doc, goal.id, { target: { value: 85, date: "2027-06-01" } }, "l");
    await synced(editor);
    editor.provider.sendStateless(
      JSON.stringify({
        type: "revision-reason",
        nodeId: goal.id,
        reason: "The board raised the bar.",
      }),
    );
    await waitFor(
      () => replies.some((r) => r.type === "revision-reason-saved"),
      "the reason to be saved",
    );
    const saved = replies.find((r) => r.type === "revision-reason-saved");
    let entries = await activity(model.id, model.tokens.viewer, `?node=${goal.id}`);
    expect(entries).toHaveLength(1);
    expect(saved).toEqual({
      type: "revision-reason-saved",
      nodeId: goal.id,
      entryId: entries[0]?.id,
    });
    expect(entries[0]).toMatchObject({
      summary: { fields: ["smart.target"] },
      reason: "The board raised the bar.",
    });

    // Ben explains before he changes the indicator: the reason waits for his change.
    const benClient = connect(server, model.id, sessionToken(model.tokens.editor, ben));
    await synced(benClient);
    const benReplies = statelessOf(benClient);
    benClient.provider.sendStateless(
      JSON.stringify({ type: "revision-reason", nodeId: goal.id, reason: "State test changed." }),
    );
    await waitFor(() => benReplies.length > 0, "a reply");
    expect(benReplies[0]).toEqual({
      type: "revision-reason-saved",
      nodeId: goal.id,
      entryId: null,
    });
    updateSmart(
      benClient.doc,
      goal.id,
      { indicator: "Students at benchmark on the new test" },
      "l",
    );
    await synced(benClient);
    entries = await activity(model.id, model.tokens.viewer, `?node=${goal.id}`);
    expect(entries.map((e) => [e.by.name, e.summary.fields, e.reason])).toEqual([
      ["Ben", ["smart.indicator"], "State test changed."],
      ["Ana", ["smart.target"], "The board raised the bar."],
    ]);
    benClient.destroy();
    editor.destroy();
  });

  it("refuses reasons that are invalid or come from someone who cannot edit", async () => {
    const { model, editor, goal } = await goalModel();
    const replies = statelessOf(editor);
    editor.provider.sendStateless(
      JSON.stringify({ type: "revision-reason", nodeId: goal.id, reason: "x".repeat(1_001) }),
    );
    editor.provider.sendStateless(
      JSON.stringify({ type: "revision-reason", nodeId: "../x", reason: "y" }),
    );
    await waitFor(() => replies.length === 2, "two replies");
    expect(replies.map((r) => r.type)).toEqual([
      "revision-reason-refused",
      "revision-reason-refused",
    ]);
    expect(String(replies[0]?.message)).toMatch(/reason/);
    const viewer = connect(server, model.id, sessionToken(model.tokens.viewer, ben));
    await synced(viewer);
    const viewerReplies = statelessOf(viewer);
    viewer.provider.sendStateless(
      JSON.stringify({ type: "revision-reason", nodeId: goal.id, reason: "hm" }),
    );
    await waitFor(() => viewerReplies.length > 0, "a reply");
    expect(viewerReplies[0]).toMatchObject({ type: "revision-reason-refused", nodeId: goal.id });
    expect(editor.closes).toEqual([]);
    expect(await activity(model.id, model.tokens.viewer, `?node=${goal.id}`)).toEqual([]);
    viewer.destroy();
    editor.destroy();
  });

  it("refuses reasons for cards not in the model, and more waiting reasons than the cap", async () => {
    const { model, editor } = await goalModel();
    const replies = statelessOf(editor);
    const explain = (nodeId: string) =>
      editor.provider.sendStateless(
        JSON.stringify({ type: "revision-reason", nodeId, reason: "Because" }),
      );
    explain("no-such-card");
    await waitFor(() => replies.length === 1, "a reply");
    expect(replies[0]).toMatchObject({ type: "revision-reason-refused", nodeId: "no-such-card" });
    expect(String(replies[0]?.message)).toMatch(/card is not in this model/);

    // Ben adds the cards; Ana explains each before she changes it, so every reason waits.
    const benClient = connect(server, model.id, sessionToken(model.tokens.owner, ben));
    await synced(benClient);
    const cards: string[] = [];
    for (let i = 0; i <= PENDING_REASONS_MAX; i += 1)
      cards.push(addNode(benClient.doc, { kind: "input", title: `Card ${i}` }, "l"));
    await synced(benClient);
    await waitFor(
      () => cards.every((id) => readModel(editor.doc).nodes.some((n) => n.id === id)),
      "Ana to see Ben's cards",
    );
    for (const id of cards) explain(id);
    await waitFor(() => replies.length === cards.length + 1, "a reply to each reason");
    const answers = replies.slice(1);
    expect(answers.slice(0, -1).every((r) => r.type === "revision-reason-saved")).toBe(true);
    expect(answers.at(-1)).toMatchObject({ type: "revision-reason-refused", nodeId: cards.at(-1) });
    expect(String(answers.at(-1)?.message)).toMatch(
      new RegExp(`at most ${PENDING_REASONS_MAX} reasons`),
    );
    expect(editor.closes).toEqual([]);
    benClient.destroy();
    editor.destroy();
  });

  it("records a restore as one entry naming the version", async () => {
    const { model, editor } = await goalModel();
    const saved = await api(server.url, `/api/models/${model.id}/versions`, {
      method: "POST",
      token: model.tokens.owner,
      body: JSON.stringify({ label: "Start" }),
    });
    const version = (await saved.json()) as { id: string };
    for (let i = 0; i < 3; i += 1) addNode(editor.doc, { kind: "input", title: `Extra ${i}` }, "l");
    await synced(editor);
    const restore = await api(
      server.url,
      `/api/models/${model.id}/versions/${version.id}/restore`,
      {
        method: "POST",
        token: model.tokens.owner,
        headers: { "X-Person-Secret": ben.secret, "X-Person-Name": "Ben" },
      },
    );
    expect(restore.status).toBe(200);
    await waitFor(
      () => readModel(editor.doc).nodes.every((n) => !n.title.startsWith("Extra")),
      "restore",
    );
    const entries = await activity(model.id, model.tokens.viewer);
    const restoreEntries = entries.filter((e) => e.summary.action === "restore");
    expect(restoreEntries).toHaveLength(1);
    expect(restoreEntries[0]).toMatchObject({
      subject: "model",
      subjectId: null,
      by: { name: "Ben", role: "owner" },
      summary: { version: { id: version.id, label: "Start" }, counts: { nodesRemoved: 3 } },
    });
    editor.destroy();
  });
});
