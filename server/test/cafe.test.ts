/**
 * World Café through the real server (issue 17), who may do what: facilitators create sessions and
 * reveal prompts on the server's clock, commenters sit and write, viewers and hostile writes are
 * refused in words. The synthesis and the file record are in cafe-synthesis.test.ts.
 */
import { cafePaths } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  authorOf,
  connect,
  sessionToken,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";
import { cafeWorld } from "./cafe-world.ts";

const server = useTestServer();
const { fran, ana, ben, vic, call, started, seen, advanceTo } = cafeWorld(server);

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
