import { describe, expect, it } from "vitest";
import {
  cycleBadge,
  cyclePhase,
  decisionProblem,
  goalsByCyclePhase,
  isCheckOverdue,
  measurementsOfCycle,
  nextCycleDraft,
  type PdcaCycle,
  startCycleProblem,
  suggestCheckDate,
} from "../src/index.ts";
import { chain } from "./support/models.ts";

/** Issue 17: the phase rules of a PDCA cycle on a goal, as pure functions of its fields and a day. */

const planned: PdcaCycle = {
  id: "c1",
  plan: { what: "Exit tickets in every lesson", until: "2026-11-01", started: "2026-09-15" },
  do: { activities: ["A"] },
  check: { date: "2026-11-15" },
};

describe("the phase of a cycle on a given day", () => {
  it("is Plan until both what and until are written", () => {
    expect(cyclePhase({ id: "c", plan: { what: "", started: "2026-09-15" } }, "2026-09-16")).toBe(
      "plan",
    );
    expect(
      cyclePhase({ id: "c", plan: { what: "Try it", started: "2026-09-15" } }, "2026-09-16"),
    ).toBe("plan");
    expect(cyclePhase({ id: "c" }, "2026-09-16")).toBe("plan");
  });

  it("is Do before the Check date, Check from that day, Act once findings are noted", () => {
    expect(cyclePhase(planned, "2026-10-01")).toBe("do");
    expect(cyclePhase(planned, "2026-11-14")).toBe("do");
    expect(cyclePhase(planned, "2026-11-15")).toBe("check");
    expect(cyclePhase(planned, "2027-01-01")).toBe("check");
    const noted = { ...planned, check: { date: "2026-11-15", findings: "Scores rose by 6" } };
    expect(cyclePhase(noted, "2026-11-16")).toBe("act");
  });

  it("without a Check date, checks at the end of the plan", () => {
    const { check: _, ...noCheck } = planned;
    expect(cyclePhase(noCheck, "2026-10-31")).toBe("do");
    expect(cyclePhase(noCheck, "2026-11-01")).toBe("check");
    expect(isCheckOverdue(noCheck, "2027-01-01")).toBe(false);
  });

  it("is closed once decided, whatever the day", () => {
    const decided = { ...planned, act: { decision: "adopt" as const, reason: "It works" } };
    expect(cyclePhase(decided, "2026-09-20")).toBe("closed");
    expect(isCheckOverdue(decided, "2027-06-01")).toBe(false);
  });

  it("flags a Check date passed without a decision, not the day itself", () => {
    expect(isCheckOverdue(planned, "2026-11-15")).toBe(false);
    expect(isCheckOverdue(planned, "2026-11-16")).toBe(true);
  });
});

describe("what may follow", () => {
  it("starts a new cycle only after the previous one has an Act decision", () => {
    expect(startCycleProblem(undefined)).toBeNull();
    expect(startCycleProblem([planned])).toMatch(/no decision yet/);
    const decided = { ...planned, act: { decision: "abandon" as const, reason: "No effect" } };
    expect(startCycleProblem([decided])).toBeNull();
  });

  it("prefills the next Plan and Do after adapt, and only after adapt", () => {
    const adapt = { ...planned, act: { decision: "adapt" as const, reason: "Shorter tickets" } };
    expect(nextCycleDraft([adapt])).toEqual({
      what: "Exit tickets in every lesson",
      activities: ["A"],
    });
    const adopt = { ...planned, act: { decision: "adopt" as const, reason: "Keep" } };
    expect(nextCycleDraft([adopt])).toEqual({ what: "", activities: [] });
    expect(nextCycleDraft([])).toEqual({ what: "", activities: [] });
  });

  it("refuses a decision without a reason, before the plan, or before the Check", () => {
    expect(decisionProblem(planned, " ", "2026-11-20")).toMatch(/reason/);
    expect(decisionProblem({ id: "c" }, "Because", "2026-11-20")).toMatch(/plan/);
    expect(decisionProblem(planned, "Because", "2026-10-01")).toMatch(/2026-11-15/);
    expect(decisionProblem(planned, "Because", "2026-11-15")).toBeNull();
  });

  it("suggests the first check-in date on or after a day", () => {
    const checkIns = ["2027-01-15", "2026-11-15", "2026-10-01"];
    expect(suggestCheckDate(checkIns, "2026-11-01")).toBe("2026-11-15");
    expect(suggestCheckDate(checkIns, "2026-11-15")).toBe("2026-11-15");
    expect(suggestCheckDate(checkIns, "2027-02-01")).toBeNull();
  });
});

describe("what the card and the Progress view show", () => {
  it("shows the measurements dated within the cycle", () => {
    const list = [
      { date: "2026-09-01", value: 10 },
      { date: "2026-10-01", value: 20 },
      { date: "2026-11-15", value: 30 },
      { date: "2026-12-01", value: 40 },
    ];
    expect(measurementsOfCycle(planned, list).map((m) => m.value)).toEqual([20, 30]);
  });

  it("lists goals by the phase of their current cycle, overdue first", () => {
    const m = chain();
    const [, , s, mid, l] = m.nodes;
    if (!s || !mid || !l) throw new Error("chain");
    s.cycles = [planned];
    mid.cycles = [
      { ...planned, act: { decision: "adapt", reason: "r" } },
      { ...planned, id: "c2", check: { date: "2026-12-20" } },
    ];
    l.cycles = [{ id: "c3", plan: { what: "", started: "2026-09-01" } }];
    const groups = goalsByCyclePhase(m, "2026-12-01");
    expect(
      groups.map((g) => [g.phase, g.rows.map((r) => [r.goal.id, r.number, r.overdue])]),
    ).toEqual([
      ["plan", [["L", 1, false]]],
      ["do", [["M", 2, false]]],
      ["check", [["S", 1, true]]],
    ]);
    expect(cycleBadge(s.cycles, "2026-12-01")).toBe("PDCA 1 · Check overdue");
    expect(cycleBadge(mid.cycles, "2026-12-01")).toBe("PDCA 2 · Do");
    expect(cycleBadge(mid.cycles?.slice(0, 1), "2026-12-01")).toBe("PDCA 1 · Adapt");
    expect(cycleBadge(undefined, "2026-12-01")).toBeNull();
  });
});
