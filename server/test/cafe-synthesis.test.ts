/**
 * World Café through the real server (issue 17), what a session leaves: proposals voted on and
 * applied to the model with their theme as the reason, and the session's record in the model file.
 */
import {
  type CafeNote,
  type CafeSession,
  cafePaths,
  castVote,
  type InboxResponse,
  readModel,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import {
  api,
  authorOf,
  connect,
  createModel,
  sessionToken,
  synced,
  type TestPerson,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";
import { cafeWorld } from "./cafe-world.ts";

const server = useTestServer();
const { fran, ana, ben, cal, vic, call, started, seen, advanceTo } = cafeWorld(server);

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
