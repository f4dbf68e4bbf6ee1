import { describe, expect, it } from "vitest";
import {
  AT_RISK_MAX_SHORTFALL,
  goalStatus,
  isMidJourneyStale,
  type LogicNode,
  MEASUREMENT_HOLDS_DAYS,
  modelProgressSummary,
  STALE_AFTER_DAYS,
} from "../src/index.ts";

// Baseline 40 on 2026-09-01, target 60 on 2027-08-31 (364 days; 2027-03-02 is half-way): the line gains 20 a year.
function goal(value: number, date = "2027-03-02", extra: Partial<LogicNode> = {}): LogicNode {
  return {
    id: "g",
    kind: "longTerm",
    title: "Reading at grade level",
    smart: {
      indicator: "students reading at grade level",
      unit: "percent",
      baseline: { value: 40, date: "2026-09-01" },
      target: { value: 60, date: "2027-08-31" },
    },
    measurements: [{ date, value }],
    ...extra,
  };
}
const today = "2027-03-10";

describe("goalStatus", () => {
  it("is on track at or above the line (the line is at 50 half-way)", () => {
    expect(goalStatus(goal(50), { today })).toMatchObject({
      status: "on-track",
      progress: 0.5,
      expectedAtLatest: 50,
    });
    expect(goalStatus(goal(52), { today }).status).toBe("on-track");
  });

  it("is at risk just below the line, off track beyond the threshold", () => {
    const edge = 50 - AT_RISK_MAX_SHORTFALL * 20;
    expect(goalStatus(goal(edge), { today }).status).toBe("at-risk");
    expect(goalStatus(goal(49), { today }).status).toBe("at-risk");
    expect(goalStatus(goal(edge - 0.01), { today }).status).toBe("off-track");
  });

  it("is achieved once the target is met, even early", () => {
    expect(goalStatus(goal(61), { today })).toMatchObject({ status: "achieved", progress: 1 });
  });

  it("respects a target below the baseline (fewer absences)", () => {
    const absences = (value: number) =>
      goal(value, "2027-03-02", {
        smart: {
          indicator: "chronically absent students",
          unit: "percent",
          baseline: { value: 20, date: "2026-09-01" },
          target: { value: 10, date: "2027-08-31" },
        },
      });
    expect(goalStatus(absences(15), { today })).toMatchObject({
      status: "on-track",
      progress: 0.5,
    });
    expect(goalStatus(absences(14), { today }).status).toBe("on-track");
    expect(goalStatus(absences(17), { today }).status).toBe("at-risk");
    expect(goalStatus(absences(19), { today }).status).toBe("off-track");
    expect(goalStatus(absences(9), { today }).status).toBe("achieved");
  });

  it("is not measured without measurements, and ignores measurements dated after today", () => {
    expect(goalStatus({ ...goal(50), measurements: [] }, { today })).toMatchObject({
      status: "not-measured",
      progress: null,
    });
    expect(goalStatus(goal(50, "2027-04-01"), { today }).status).toBe("not-measured");
  });

  it("uses the latest measurement by date, not by list order", () => {
    const node = {
      ...goal(0),
      measurements: [
        { date: "2027-03-01", value: 50 },
        { date: "2026-10-01", value: 41 },
      ],
    };
    expect(goalStatus(node, { today }).latest?.value).toBe(50);
  });
});

describe("stale mid-journey goals", () => {
  const mid = (measurements: { date: string; value: number }[]): LogicNode => ({
    ...goal(0),
    kind: "midJourney",
    measurements,
  });
  it(`flags a mid-journey goal more than ${STALE_AFTER_DAYS} days after its last signal`, () => {
    expect(isMidJourneyStale(mid([]), "2026-10-31")).toBe(false);
    expect(isMidJourneyStale(mid([]), "2026-11-01")).toBe(true);
    expect(isMidJourneyStale(mid([{ date: "2026-12-01", value: 45 }]), "2027-01-30")).toBe(false);
    expect(isMidJourneyStale(mid([{ date: "2026-12-01", value: 45 }]), "2027-01-31")).toBe(true);
    expect(goalStatus(mid([]), { today: "2026-11-01" }).stale).toBe(true);
  });
  it("never flags other lanes or goals without a baseline date", () => {
    expect(isMidJourneyStale(goal(0, "2026-09-02"), "2027-09-01")).toBe(false);
    expect(
      isMidJourneyStale({ ...mid([]), smart: { indicator: "x", unit: "count" } }, "2030-01-01"),
    ).toBe(false);
  });
});

describe("modelProgressSummary", () => {
  it("counts statuses by lane and says which goals missed the last check-in", () => {
    const nodes: LogicNode[] = [
      { ...goal(61), id: "done" },
      {
        ...goal(50),
        id: "mid",
        kind: "midJourney",
        measurements: [{ date: "2026-12-01", value: 45 }],
      },
      { id: "win", kind: "smallWin", title: "Coaches in classrooms" },
      { id: "act", kind: "activity", title: "Hire coaches" },
    ];
    const summary = modelProgressSummary(
      { nodes },
      { today, checkIns: ["2027-06-01", "2027-01-15", "2026-10-01"] },
    );
    expect(summary.goals.map((g) => g.nodeId)).toEqual(["win", "mid", "done"]);
    expect(summary.counts).toEqual({
      achieved: 1,
      "on-track": 1,
      "at-risk": 0,
      "off-track": 0,
      "not-measured": 1,
    });
    expect(summary).toMatchObject({
      lastCheckIn: "2027-01-15",
      nextCheckIn: "2027-06-01",
      staleNodeIds: ["mid"],
    });
    expect(summary.goals.filter((g) => g.notMeasuredSinceLastCheckIn).map((g) => g.nodeId)).toEqual(
      ["win", "mid"],
    );
  });
});

describe("goalStatus as of today", () => {
  // The line: 40 on 2026-09-01 → 60 on 2027-08-31, gaining 20 over 364 days.
  it("is the same judgement when the measurement is exactly on the line and taken today", () => {
    const result = goalStatus(goal(50, "2027-03-02"), { today: "2027-03-02" });
    expect(result).toMatchObject({
      status: "on-track",
      statusToday: "on-track",
      behindToday: false,
    });
    expect(result.expectedNow).toBe(50);
  });

  it("turns off track today when the line has moved past an old measurement", () => {
    // On the line (41.1) on 2026-09-21; by 2027-06-01 (273 days in) the line is at 55.
    const node = goal(41.1, "2026-09-21");
    const result = goalStatus(node, { today: "2027-06-01" });
    expect(result.status).toBe("on-track");
    expect(result.statusToday).toBe("off-track");
    expect(result.behindToday).toBe(true);
    expect(result.expectedNow).toBeCloseTo(55, 6);
    expect(result.stale).toBe(false); // a long-term goal is never flagged stale
  });

  it("is at risk today within a quarter of the way behind the moved line", () => {
    // Measured 50 half-way (on the line); 44 days later the line is at about 52.4: 12% short.
    const result = goalStatus(goal(50, "2027-03-02"), { today: "2027-04-15" });
    expect(result).toMatchObject({ status: "on-track", statusToday: "at-risk", behindToday: true });
  });

  it("lets a measurement speak for the month after it, and no longer", () => {
    const holds = goalStatus(goal(50, "2027-03-02"), { today: "2027-04-01" });
    expect(MEASUREMENT_HOLDS_DAYS).toBe(30);
    expect(holds).toMatchObject({ statusToday: "on-track", behindToday: false });
    const past = goalStatus(goal(50, "2027-03-02"), { today: "2027-04-02" });
    expect(past).toMatchObject({ statusToday: "at-risk", behindToday: true });
  });

  it("judges against the target once the target date has passed", () => {
    const result = goalStatus(goal(59, "2027-08-01"), { today: "2027-12-01" });
    expect(result.expectedNow).toBe(60);
    expect(result.status).toBe("on-track");
    expect(result.statusToday).toBe("at-risk");
    const late = goalStatus(goal(52, "2027-08-01"), { today: "2027-12-01" });
    expect(late.statusToday).toBe("off-track");
  });

  it("has nothing to judge today before the baseline date or the first check-in", () => {
    const early = goalStatus(goal(40, "2026-09-01"), { today: "2026-08-15" });
    expect(early).toMatchObject({ status: "not-measured", statusToday: "not-measured" });
    const summary = modelProgressSummary(
      { nodes: [goal(41, "2026-09-10")] },
      { today: "2026-09-20", checkIns: ["2026-10-01", "2026-12-01"] },
    );
    expect(summary.lastCheckIn).toBeUndefined();
    expect(summary.goals[0]).toMatchObject({
      status: "on-track",
      statusToday: "on-track",
      behindToday: false,
      notMeasuredSinceLastCheckIn: false,
    });
  });

  it("gives no line when baseline equals target: met is achieved, short of it is off track", () => {
    const flat = (value: number) =>
      goal(value, "2026-10-01", {
        smart: {
          indicator: "students reading at grade level",
          unit: "percent",
          baseline: { value: 50, date: "2026-09-01" },
          target: { value: 50, date: "2027-08-31" },
        },
      });
    expect(goalStatus(flat(50), { today: "2027-06-01" })).toMatchObject({
      status: "achieved",
      statusToday: "achieved",
      behindToday: false,
    });
    expect(goalStatus(flat(45), { today: "2027-06-01" })).toMatchObject({
      status: "off-track",
      statusToday: "off-track",
      behindToday: false,
    });
  });

  it("reads a decreasing target (lower is better) in its own direction", () => {
    const absences = goal(19, "2026-09-15", {
      smart: {
        indicator: "chronically absent students",
        unit: "percent",
        baseline: { value: 20, date: "2026-09-01" },
        target: { value: 10, date: "2027-08-31" },
      },
    });
    const result = goalStatus(absences, { today: "2027-05-01" });
    expect(result.status).toBe("on-track");
    expect(result.statusToday).toBe("off-track");
    expect(result.expectedNow).toBeLessThan(14);
    const fewer = { ...absences, measurements: [{ date: "2026-09-15", value: 9 }] };
    expect(goalStatus(fewer, { today: "2027-05-01" }).statusToday).toBe("achieved");
  });

  it("is not measured, today as well, without a measurement", () => {
    expect(goalStatus({ ...goal(50), measurements: [] }, { today: "2027-06-01" })).toMatchObject({
      status: "not-measured",
      statusToday: "not-measured",
      behindToday: false,
    });
  });

  it("keeps the stale flag beside the judgement today on a mid-journey goal", () => {
    const mid = { ...goal(41.1, "2026-09-21"), kind: "midJourney" as const };
    const result = goalStatus(mid, { today: "2027-06-01" });
    expect(result).toMatchObject({ stale: true, statusToday: "off-track", behindToday: true });
  });
});
