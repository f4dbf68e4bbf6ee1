import { describe, expect, it } from "vitest";
import {
  addDays,
  goalDigestFacts,
  type LogicNode,
  modelProgressSummary,
  parseGoalDigestFacts,
} from "../src/index.ts";

/**
 * The goal facts the server keeps between restarts are reduced for the day they were written;
 * judged on that day or any later one they must give every goal the status, staleness, latest
 * measurement and next check-in the whole model gives.
 */

const node: LogicNode = {
  id: "M1",
  kind: "midJourney",
  title: "Teachers share learning intentions",
  smart: {
    indicator: "lessons with a shared intention",
    unit: "percent",
    baseline: { value: 20, date: "2026-08-15" },
    target: { value: 80, date: "2027-03-03" },
    cohortSize: 150,
  },
  subgroups: [{ id: "ell", name: "English learners" }],
  measurements: [
    { date: "2026-09-20", value: 30 },
    { date: "2026-10-20", value: 38, note: "walkthroughs" },
    // Two on one date: the later entry is the correction and wins.
    { date: "2026-10-20", value: 41 },
    { date: "2026-11-25", value: 10, subgroup: "ell" },
    { date: "2027-01-10", value: 55 },
    { date: "2027-01-10", value: 52 },
    { date: "2027-02-20", value: 20, subgroup: "ell" },
  ],
};
const model = {
  title: "Clarity",
  nodes: [{ id: "A1", kind: "activity" as const, title: "Coaching cycles" }, node],
};
const checkIns = ["2026-09-01", "2026-12-15", "2027-02-01"];

describe("kept goal facts", () => {
  it("judge every later day as the whole model does", () => {
    const asOf = "2026-12-01";
    const facts = goalDigestFacts(model, checkIns, asOf);
    // Kept: the whole group's latest and the latest of any group by asOf, and what comes after.
    expect(facts.goals[0]?.measurements.map((m) => m.date)).toEqual([
      "2026-10-20",
      "2026-11-25",
      "2027-01-10",
      "2027-01-10",
      "2027-02-20",
    ]);
    expect(facts.checkIns).toEqual(["2026-12-15", "2027-02-01"]);
    for (let d = 0; d <= 200; d += 7) {
      const today = addDays(asOf, d);
      const whole = modelProgressSummary(model, { today, checkIns });
      const kept = modelProgressSummary(
        { nodes: facts.goals.map((g) => ({ ...g, order: undefined })) as LogicNode[] },
        { today, checkIns: facts.checkIns },
      );
      const view = (s: typeof whole) => ({
        next: s.nextCheckIn,
        goals: s.goals.map((g) => [
          g.status,
          g.statusToday,
          g.stale,
          g.latest?.date,
          g.latest?.value,
        ]),
      });
      expect(view(kept), today).toEqual(view(whole));
    }
  });

  it("are refused when damaged, of another layout, or written on a later day", () => {
    const text = JSON.stringify(goalDigestFacts(model, checkIns, "2026-12-01"));
    expect(parseGoalDigestFacts(text, "2026-12-01")?.goals[0]?.id).toBe("M1");
    expect(parseGoalDigestFacts(text.slice(0, -3), "2026-12-01")).toBeNull();
    expect(parseGoalDigestFacts(text.replace('"v":1', '"v":2'), "2026-12-01")).toBeNull();
    expect(
      parseGoalDigestFacts(text.replace('"midJourney"', '"activity"'), "2026-12-01"),
    ).toBeNull();
    expect(parseGoalDigestFacts(text, "2026-11-30")).toBeNull();
  });
});
