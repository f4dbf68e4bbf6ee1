import {
  type CafeHead,
  type CafeNote,
  type CafeSession,
  cafePaths,
  castVote,
  type InboxResponse,
  readCafe,
  readModel,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  api,
  authorOf,
  type Client,
  connect,
  createModel,
  person,
  sessionToken,
  synced,
  type TestPerson,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";

const server = useTestServer();
const fran = person("Fran");
const ana = person("Ana");
const ben = person("Ben");
const cal = person("Cal");
const vic = person("Vic");

type Model = Awaited<ReturnType<typeof createModel>>;

/** A café API call as `who` with the model's `role` link; the status and JSON body. */
async function call(
  model: Model,
  role: keyof Model["tokens"],
  who: TestPerson | null,
  path: string,
  method: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> & { error?: { message: string } } }> {
  const headers: Record<string, string> = who
    ? { "x-person-secret": who.secret, "x-person-name": encodeURIComponent(who.name) }
    : {};
  const response = await api(server.url, path, {
    method,
    token: model.tokens[role],
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

async function started(): Promise<{ model: Model; head: CafeHead; watcher: Client }> {
  const model = await createModel(server.url, { template: "coaching" });
  const created = await call(model, "editor", fran, cafePaths.list(model.id), "POST", {
    title: "Spring revisit",
    prompts: ["What is working?", "What worries you?"],
    tables: ["Oak", "Elm"],
  });
  expect(created.status).toBe(201);
  const head = created.body as unknown as CafeHead;
  expect(head.minutes).toBe(90);
  const watcher = connect(server, `${model.id}/review`, sessionToken(model.tokens.viewer, vic));
  await synced(watcher);
  return { model, head, watcher };
}

const seen = (watcher: Client, id: string) => readCafe(watcher.doc, id) as CafeSession;

async function advanceTo(model: Model, head: CafeHead, from: string): Promise<CafeHead> {
  const response = await call(model, "owner", fran, cafePaths.advance(model.id, head.id), "POST", {
    from,
  });
  expect(response.status).toBe(200);
  return response.body as unknown as CafeHead;
}

describe("World Café roles", () => {
  it("lets only facilitators create sessions and reveal prompts, stamped by the server's clock", async () => {
    const { model, head, watcher } = await started();
    const body = { title: "Mine", prompts: ["?"], tables: ["A"] };
    const byCommenter = await call(model, "commenter", ana, cafePaths.list(model.id), "POST", body);
    expect(byCommenter.status).toBe(403);
    const reveal = cafePaths.advance(model.id, head.id);
    const commenterReveal = await call(model, "commenter", ana, reveal, "POST", { from: "draft" });
    expect(commenterReveal.status).toBe(403);
    expect(seen(watcher, head.id).phase).toBe("draft");

    const before = Date.now();
    const round = await advanceTo(model, head, "draft");
    const after = Date.now();
    const startedAt = Date.parse(round.roundStartedAt ?? "");
    expect(startedAt).toBeGreaterThanOrEqual(before);
    expect(startedAt).toBeLessThanOrEqual(after);
    expect(Date.parse(round.roundEndsAt ?? "") - startedAt).toBe(45 * 60_000);
    await waitFor(() => seen(watcher, head.id).round === 1, "everyone to see round 1");
    // The client cannot choose the time: a stamp in the body is refused, and the stale click too.
    const stamped = await call(model, "owner", fran, reveal, "POST", {
      from: "round:1",
      roundEndsAt: "2099-01-01T00:00:00.000Z",
    });
    expect(stamped.status).toBe(400);
    const stale = await call(model, "owner", fran, reveal, "POST", { from: "draft" });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.message).toBe("The session has already moved on (Round 1 of 2).");
    const clock = await call(model, "viewer", null, cafePaths.clock(model.id), "GET");
    expect(Math.abs((clock.body.now as number) - Date.now())).toBeLessThan(5_000);
    watcher.destroy();
  });

  it("lets commenters sit and write notes, and refuses a viewer's note", async () => {
    const { model, head, watcher } = await started();
    const [oak] = head.tables;
    const seat = cafePaths.seat(model.id, head.id);
    expect((await call(model, "commenter", ana, seat, "PUT", { table: oak?.id })).status).toBe(200);
    const viewerSeat = await call(model, "viewer", vic, seat, "PUT", { table: oak?.id });
    expect(viewerSeat.status).toBe(403);
    const notes = cafePaths.notes(model.id, head.id);
    const early = await call(model, "commenter", ana, notes, "POST", { tag: "idea", text: "Hi" });
    expect(early.body.error?.message).toBe(
      "Notes open when the facilitator reveals the first prompt.",
    );
    await advanceTo(model, head, "draft");
    const card = "M1";
    const note = await call(model, "commenter", ana, notes, "POST", {
      tag: "concern",
      text: "Coaching time is thin",
      cardId: card,
    });
    expect(note.status).toBe(201);
    const viewerNote = await call(model, "viewer", vic, notes, "POST", { tag: "idea", text: "x" });
    expect(viewerNote.status).toBe(403);
    const unseated = await call(model, "commenter", ben, notes, "POST", { tag: "idea", text: "x" });
    expect(unseated.body.error?.message).toBe(
      "Choose a table first: notes are written at a table.",
    );
    await waitFor(() => seen(watcher, head.id).notes.length === 1, "the note to reach everyone");
    expect(seen(watcher, head.id).notes[0]).toMatchObject({
      tag: "concern",
      table: oak?.id,
      round: 1,
      author: authorOf(ana, "commenter"),
    });
    watcher.destroy();
  });

  it("refuses hostile notes in words and a client's own write into the café", async () => {
    const { model, head, watcher } = await started();
    await call(model, "commenter", ana, cafePaths.seat(model.id, head.id), "PUT", {
      table: head.tables[0]?.id,
    });
    await advanceTo(model, head, "draft");
    const notes = cafePaths.notes(model.id, head.id);
    const huge = await call(model, "commenter", ana, notes, "POST", {
      tag: "idea",
      text: "x".repeat(200_000),
    });
    expect(huge.status).toBe(400);
    expect(huge.body.error?.message).toBe("text A note must be at most 500 characters.");
    const tag = await call(model, "commenter", ana, notes, "POST", { tag: "rant", text: "x" });
    expect(tag.body.error?.message).toBe(
      "tag A note's tag must be one of concern, celebration, idea.",
    );
    const writes = Array.from({ length: 101 }, (_, i) =>
      call(model, "commenter", ana, notes, "POST", { tag: "idea", text: `Idea ${i}` }),
    );
    const statuses = (await Promise.all(writes)).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    const last = await call(model, "commenter", ana, notes, "POST", { tag: "idea", text: "more" });
    expect(last.body.error?.message).toBe("One person writes at most 100 notes a session.");
    // Nobody writes the café through the document: the gate refuses it and the writer is closed.
    const sneaky = connect(server, `${model.id}/review`, sessionToken(model.tokens.editor, fran));
    await synced(sneaky);
    sneaky.doc.getMap("cafes").set("forged", new Y.Map());
    await waitFor(() => sneaky.closes.length > 0, "the forged write to be refused");
    expect(sneaky.closes[0]).toMatch(/outside the review document's layout/);
    sneaky.destroy();
    watcher.destroy();
  });
});

describe("World Café synthesis", () => {
  it("applies an accepted proposal with its theme as the reason, keeps a rejected one with its votes", async () => {
    const { model, head, watcher } = await started();
    const seat = cafePaths.seat(model.id, head.id);
    for (const who of [ana, ben, cal])
      await call(model, "commenter", who, seat, "PUT", { table: head.tables[0]?.id });
    await advanceTo(model, head, "draft");
    const noted = await call(model, "commenter", ana, cafePaths.notes(model.id, head.id), "POST", {
      tag: "idea",
      text: "Name the peer coaching",
    });
    const note = noted.body as unknown as CafeNote;
    await advanceTo(model, head, "round:1");
    const themeEarly = await call(
      model,
      "editor",
      fran,
      cafePaths.themes(model.id, head.id),
      "POST",
      {
        title: "Peer coaching",
      },
    );
    expect(themeEarly.body.error?.message).toMatch(/during synthesis/);
    await advanceTo(model, head, "round:2");
    const theme = await call(model, "editor", fran, cafePaths.themes(model.id, head.id), "POST", {
      title: "Peer coaching",
    });
    const themeId = theme.body.id as string;
    const group = cafePaths.noteTheme(model.id, head.id, note.id);
    expect((await call(model, "commenter", ana, group, "PUT", { theme: themeId })).status).toBe(
      403,
    );
    expect((await call(model, "editor", fran, group, "PUT", { theme: themeId })).status).toBe(200);

    const graph = connect(server, model.id, sessionToken(model.tokens.viewer, vic));
    await synced(graph);
    const card = readModel(graph.doc).nodes.find((n) => n.kind === "activity");
    if (!card) throw new Error("an activity");
    const propose = (title: string) =>
      call(model, "editor", fran, cafePaths.proposals(model.id, head.id), "POST", {
        theme: themeId,
        change: { kind: "title", cardId: card.id, title },
      });
    const accepted = (await propose("Peer coaching cycles")).body.id as string;
    const rejected = (await propose("Drop coaching")).body.id as string;

    // Everyone seated hears that the proposals await their vote (the inbox); the proposer does not.
    const votesAwaited = async (who: TestPerson) => {
      const { body } = await call(model, "commenter", who, "/api/inbox", "GET");
      return (body as unknown as InboxResponse).items.filter((i) => i.kind === "vote");
    };
    for (let tries = 0; (await votesAwaited(cal)).length < 2 && tries < 50; tries += 1)
      await new Promise((r) => setTimeout(r, 100));
    for (const who of [ana, ben, cal]) {
      const items = await votesAwaited(who);
      expect(items.map((i) => i.text)).toEqual([
        expect.stringMatching(/^Fran asks for your vote on a proposal in “.+”: Peer coaching$/),
        expect.stringMatching(/^Fran asks for your vote on a proposal in “.+”: Peer coaching$/),
      ]);
    }
    expect(await votesAwaited(fran)).toEqual([]);

    const voters = [ana, ben, cal].map((who) => ({
      who,
      client: connect(server, `${model.id}/review`, sessionToken(model.tokens.commenter, who)),
    }));
    await Promise.all(voters.map((v) => synced(v.client)));
    voters.forEach(({ who, client }, i) => {
      const author = authorOf(who, "commenter");
      castVote(client.doc, { target: accepted, level: 4 + (i % 2), note: "", author }, "l");
      castVote(client.doc, { target: rejected, level: i === 0 ? 0 : 5, note: "", author }, "l");
    });
    await Promise.all(voters.map((v) => synced(v.client)));

    const decide = (id: string, role: "commenter" | "editor" = "editor") =>
      call(
        model,
        role,
        role === "editor" ? fran : ana,
        cafePaths.decide(model.id, head.id, id),
        "POST",
      );
    expect((await decide(accepted, "commenter")).status).toBe(403);
    const yes = await decide(accepted);
    expect(yes.status).toBe(200);
    expect(yes.body.proposal).toMatchObject({ status: "accepted" });
    const no = await decide(rejected);
    expect(no.body.proposal).toMatchObject({ status: "rejected" });
    expect((await decide(accepted)).body.error?.message).toBe(
      "This proposal was accepted already.",
    );

    await waitFor(
      () =>
        readModel(graph.doc).nodes.find((n) => n.id === card.id)?.title === "Peer coaching cycles",
      "the accepted change on the canvas",
    );
    const kept = seen(watcher, head.id).proposals.find((p) => p.id === rejected);
    expect(kept?.status).toBe("rejected");
    expect(kept?.votes?.map((v) => v.level).sort()).toEqual([0, 5, 5]);
    const log = await call(
      model,
      "viewer",
      null,
      `/api/models/${model.id}/activity?node=${card.id}`,
      "GET",
    );
    const entries = log.body.entries as { reason: string | null; by: { name: string } }[];
    expect(entries[0]).toMatchObject({
      reason: "Peer coaching (World Café “Spring revisit”)",
      by: { name: "Fran" },
    });
    for (const v of voters) v.client.destroy();
    graph.destroy();
    watcher.destroy();
  });
});

describe("the session's record in the model file", () => {
  it("exports the session and imports it back, and refuses a file of 10,000 notes in words", async () => {
    const { model, head, watcher } = await started();
    await call(model, "commenter", ana, cafePaths.seat(model.id, head.id), "PUT", {
      table: head.tables[1]?.id,
    });
    await advanceTo(model, head, "draft");
    await call(model, "commenter", ana, cafePaths.notes(model.id, head.id), "POST", {
      tag: "celebration",
      text: "Coaching works",
    });
    const exported = await call(model, "viewer", null, `/api/models/${model.id}/export`, "GET");
    const cafes = exported.body.cafes as CafeSession[];
    expect(cafes).toHaveLength(1);
    expect(cafes[0]?.notes[0]).toMatchObject({ text: "Coaching works", tag: "celebration" });
    const copy = await createModel(server.url, exported.body);
    const again = await call(copy, "viewer", null, `/api/models/${copy.id}/export`, "GET");
    expect(again.body.cafes).toEqual(cafes);

    const note = cafes[0]?.notes[0] as CafeNote;
    const flood = {
      ...exported.body,
      cafes: [
        {
          ...cafes[0],
          notes: Array.from({ length: 10_000 }, (_, i) => ({ ...note, id: `n${i}` })),
        },
      ],
    };
    const refused = await api(server.url, "/api/models", {
      method: "POST",
      body: JSON.stringify(flood),
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("A session holds at most 2000 notes");
    watcher.destroy();
  });
});
