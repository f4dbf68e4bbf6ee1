import { describe, expect, it } from "vitest";
import {
  agendaIsEmpty,
  buildCheckInAgenda,
  type LogicModel,
  nextCheckIn,
  type Review,
} from "../../src/index.ts";

const at = "2026-09-01T10:00:00.000Z";
const person = (id: string) => ({ id, name: id.toUpperCase(), role: "commenter" as const });
function thread(
  id: string,
  type: "concern" | "question" | "idea",
  status: "open" | "resolved",
  anchor: Review["threads"][number]["anchor"],
) {
  return {
    id,
    anchor,
    type,
    status,
    createdAt: at,
    author: person("p1"),
    messages: [{ id: `${id}m`, author: person("p1"), text: `${type} ${id}`, createdAt: at }],
  };
}

const model: LogicModel = {
  title: "Self-assessment",
  masteryGoal: "Students self-assess",
  nodes: [
    {
      id: "a1",
      kind: "activity",
      title: "Hire coaches",
      plan: { due: "2026-10-01", status: "inProgress" },
    },
    {
      id: "a2",
      kind: "activity",
      title: "Train coaches",
      plan: { due: "2026-10-01", status: "done" },
    },
    {
      id: "a3",
      kind: "activity",
      title: "Walkthroughs",
      plan: { status: "blocked", blockedReason: "No cover" },
    },
    { id: "a4", kind: "activity", title: "Later", plan: { due: "2026-12-01" } },
    {
      id: "g1",
      kind: "midJourney",
      title: "Teachers share intentions",
      smart: { indicator: "lessons", unit: "percent", target: { value: 80, date: "2027-05-01" } },
      measurements: [{ date: "2026-06-01", value: 20 }],
    },
    {
      id: "g2",
      kind: "smallWin",
      title: "Coaches in classrooms",
      smart: { indicator: "visits", unit: "count" },
      measurements: [{ date: "2026-10-05", value: 12 }],
    },
    { id: "g3", kind: "longTerm", title: "Unmonitored" },
  ],
  edges: [],
};

const review: Review = {
  threads: [
    thread("t1", "concern", "open", { kind: "node", id: "a1" }),
    thread("t2", "question", "open", { kind: "model" }),
    thread("t3", "concern", "resolved", { kind: "model" }),
    thread("t4", "idea", "open", { kind: "model" }),
  ],
  votes: [
    { target: "g1", author: person("p1"), level: 4, at },
    ...["p1", "p2", "p3"].map((p) => ({ target: "g2", author: person(p), level: 5, at })),
    ...["p4", "p5"].map((p) => ({ target: "mastery", author: person(p), level: 1, at })),
  ],
};

describe("the check-in agenda", () => {
  it("is for the next check-in date, or today when none is ahead", () => {
    expect(nextCheckIn(["2026-09-01", "2026-11-15", "2026-10-15"], "2026-10-10")).toEqual({
      date: "2026-10-15",
      scheduled: true,
    });
    expect(nextCheckIn(["2026-10-10"], "2026-10-10")).toEqual({
      date: "2026-10-10",
      scheduled: true,
    });
    expect(nextCheckIn(["2026-01-01"], "2026-10-10")).toEqual({
      date: "2026-10-10",
      scheduled: false,
    });
  });

  it("lists goals due for a measurement, overdue and blocked actions, open concerns and questions, and votes awaiting more", () => {
    const agenda = buildCheckInAgenda({
      model,
      checkIns: ["2026-10-15"],
      review,
      today: "2026-10-10",
    });
    expect(agenda.date).toBe("2026-10-15");
    // g1's June measurement no longer holds by the check-in; g2 was measured 10 days before it;
    // g3 has no indicator or target, so nothing to measure.
    expect(agenda.goalsToMeasure.map((g) => [g.nodeId, g.lastMeasured])).toEqual([
      ["g1", "2026-06-01"],
    ]);
    // a1 is overdue by the check-in; a2 is done; a4 is due after it.
    expect(agenda.overdueActions.map((a) => a.nodeId)).toEqual(["a1"]);
    expect(agenda.blockedActions).toEqual([
      { nodeId: "a3", title: "Walkthroughs", blockedReason: "No cover" },
    ]);
    expect(agenda.openThreads.map((t) => [t.type, t.on, t.text])).toEqual([
      ["concern", "Hire coaches", "concern t1"],
      ["question", "the whole model", "question t2"],
    ]);
    // g2 has its quorum (3 of 5 people); g1 (1 vote) and the mastery goal (2 votes) await votes.
    expect(agenda.proposals.map((p) => [p.target, p.votes, p.people])).toEqual([
      ["mastery", 2, 5],
      ["g1", 1, 5],
    ]);
    expect(agendaIsEmpty(agenda)).toBe(false);
  });

  it("is empty for a model with nothing to talk through", () => {
    const empty = buildCheckInAgenda({
      model: { ...model, nodes: [] },
      checkIns: [],
      review: { threads: [], votes: [] },
      today: "2026-10-10",
    });
    expect(agendaIsEmpty(empty)).toBe(true);
    expect(empty.scheduled).toBe(false);
  });
});
