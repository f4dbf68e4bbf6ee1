import { describe, expect, it } from "vitest";
import {
  advance,
  type CafeHead,
  cafeHeadSchema,
  clockOffset,
  clockText,
  newCafeBody,
  newNoteBody,
  nextStepLabel,
  noteRefusal,
  proposalConsensus,
  remainingMs,
  revealedPrompts,
  seatRefusal,
  stageKey,
  synthesisRefusal,
  type Vote,
  voteOutcome,
} from "../../src/index.ts";

const T0 = Date.parse("2026-12-05T10:00:00.000Z");
const facilitator = { id: "fac", name: "Fran", role: "editor" as const };

function draft(prompts = ["What works?", "What worries you?", "What next?"]): CafeHead {
  return cafeHeadSchema.parse({
    id: "cafe1",
    title: "Spring revisit",
    prompts,
    minutes: 90,
    tables: [
      { id: "t1", name: "Oak" },
      { id: "t2", name: "Elm" },
    ],
    phase: "draft",
    round: 0,
    createdAt: new Date(T0).toISOString(),
    facilitator,
  });
}

function step(head: CafeHead, now: number): CafeHead {
  const next = advance(head, now, stageKey(head));
  if (!next.ok) throw new Error(next.message);
  return next.head;
}

describe("the café's state machine", () => {
  it("runs draft → round 1..3 → synthesis → closed, one prompt revealed per round", () => {
    let head = draft();
    expect(revealedPrompts(head)).toEqual([]);
    expect(nextStepLabel(head)).toBe("Reveal prompt 1");
    const seen: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      head = step(head, T0 + i * 60_000);
      seen.push(stageKey(head));
    }
    expect(seen).toEqual(["round:1", "round:2", "round:3", "synthesis", "closed"]);
    expect(revealedPrompts(head)).toHaveLength(3);
    expect(nextStepLabel(head)).toBeNull();
    const closed = advance(head, T0);
    expect(closed.ok).toBe(false);
  });

  it("gives each round its share of the duration, stamped with the time it is given", () => {
    const round1 = step(draft(), T0);
    expect(round1.roundStartedAt).toBe("2026-12-05T10:00:00.000Z");
    expect(round1.roundEndsAt).toBe("2026-12-05T10:30:00.000Z");
    expect(remainingMs(round1, T0 + 10 * 60_000)).toBe(20 * 60_000);
    expect(remainingMs(round1, T0 + 40 * 60_000)).toBe(0);
    // A browser whose offset estimate runs a second early still reads the round's full length.
    expect(clockText(remainingMs(round1, T0 - 1_000))).toBe("30:00");
    expect(clockText(20 * 60_000 - 1)).toBe("20:00");
    expect(clockText(61_000)).toBe("1:01");
    const one = step(draft(["Only one"]), T0);
    expect(one.roundEndsAt).toBe("2026-12-05T11:30:00.000Z");
    expect(stageKey(step(one, T0))).toBe("synthesis");
    expect(step(one, T0).roundEndsAt).toBeUndefined();
  });

  it("advances once when the facilitator's click was about a stage already left", () => {
    const round1 = step(draft(), T0);
    const stale = advance(round1, T0, "draft");
    expect(stale).toEqual({
      ok: false,
      message: "The session has already moved on (Round 1 of 3).",
    });
  });

  it("takes notes in rounds, seats before synthesis, themes in synthesis only", () => {
    const d = draft();
    const r = step(d, T0);
    const s = step(step(step(r, T0), T0), T0);
    expect(noteRefusal(d)).toMatch(/first prompt/);
    expect(noteRefusal(r)).toBeNull();
    expect(noteRefusal(s)).toMatch(/no longer/);
    expect(seatRefusal(d)).toBeNull();
    expect(seatRefusal(r)).toBeNull();
    expect(seatRefusal(s)).toMatch(/no longer/);
    expect(synthesisRefusal(r)).toMatch(/during synthesis/);
    expect(synthesisRefusal(s)).toBeNull();
  });
});

describe("the server clock", () => {
  it("is estimated halfway through the request, whatever this browser's clock says", () => {
    // A browser an hour behind: sent at 09:00:00.000, answered at 09:00:00.200 by a server at 10:00.
    const sent = T0 - 3_600_000;
    const offset = clockOffset(sent, T0 + 100, sent + 200);
    expect(offset).toBe(3_600_000);
    const round = step(draft(), T0);
    // Five minutes later on the browser's (wrong) clock, the timer reads 25 minutes left.
    expect(clockText(remainingMs(round, sent + 5 * 60_000 + offset))).toBe("25:00");
  });
});

describe("a proposal's vote", () => {
  const session = {
    facilitator,
    participants: ["a", "b", "c"].map((id) => ({
      person: { id, name: id.toUpperCase(), role: "commenter" as const },
      table: "t1",
      joinedAt: new Date(T0).toISOString(),
    })),
  };
  const vote = (id: string, level: number, target = "prop1"): Vote => ({
    target,
    author: { id, name: id, role: "commenter" },
    level,
    at: new Date(T0).toISOString(),
  });

  it("is accepted on wide agreement under the review's quorum rules", () => {
    const votes = [vote("a", 4), vote("b", 5), vote("c", 3)];
    const consensus = proposalConsensus(session, "prop1", votes);
    expect(consensus.quorum).toMatchObject({ met: true, votes: 3, people: 4 });
    expect(voteOutcome(consensus)).toBe("accepted");
  });

  it("is rejected by one block, by too few votes, and counts only its own target", () => {
    expect(
      voteOutcome(proposalConsensus(session, "prop1", [vote("a", 5), vote("b", 5), vote("c", 0)])),
    ).toBe("rejected");
    expect(voteOutcome(proposalConsensus(session, "prop1", [vote("a", 5), vote("b", 5)]))).toBe(
      "rejected",
    );
    const elsewhere = [vote("a", 5, "other"), vote("b", 5, "other"), vote("c", 5, "other")];
    expect(proposalConsensus(session, "prop1", elsewhere).state).toBe("no-votes");
  });
});

describe("hostile bodies are refused in words", () => {
  it("refuses a bad tag, a huge note, four prompts and duplicate tables", () => {
    const tag = newNoteBody.safeParse({ tag: "rant", text: "x" });
    expect(tag.error?.issues[0]?.message).toBe(
      "A note's tag must be one of concern, celebration, idea",
    );
    const huge = newNoteBody.safeParse({ tag: "idea", text: "x".repeat(100_000) });
    expect(huge.error?.issues[0]?.message).toBe("A note must be at most 500 characters");
    const body = { title: "T", prompts: ["a", "b", "c", "d"], tables: ["Oak"] };
    expect(newCafeBody.safeParse(body).error?.issues[0]?.message).toBe(
      "A session has at most 3 prompts",
    );
    const same = { title: "T", prompts: ["a"], tables: ["Oak", "oak"] };
    expect(newCafeBody.safeParse(same).error?.issues[0]?.message).toBe(
      "Two tables have the same name",
    );
    expect(newCafeBody.parse({ title: "T", prompts: ["a"], tables: ["Oak"] }).minutes).toBe(90);
  });
});
