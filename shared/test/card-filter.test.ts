import { describe, expect, it } from "vitest";
import {
  type CardFilter,
  describeFilter,
  filteredCardIds,
  isFiltering,
  type LogicNode,
  NO_FILTER,
  passesFilter,
} from "../src/index.ts";

const TODAY = "2027-03-02";

// Baseline 40 on 2026-09-01, target 60 on 2027-08-31: the line is at 50 on TODAY.
function goal(id: string, value: number, extra: Partial<LogicNode> = {}): LogicNode {
  return {
    id,
    kind: "longTerm",
    title: id,
    smart: {
      indicator: "students reading at grade level",
      unit: "percent",
      baseline: { value: 40, date: "2026-09-01" },
      target: { value: 60, date: "2027-08-31" },
    },
    measurements: [{ date: TODAY, value }],
    ...extra,
  };
}

const onTrack = goal("on", 50);
const atRisk = goal("risk", 45); // 5 short of 20: a quarter of the way, the boundary
const offTrack = goal("off", 44.9);
const stale: LogicNode = {
  ...goal("stale", 50, { kind: "midJourney" }),
  measurements: [{ date: "2026-12-01", value: 47 }], // 91 days before TODAY
};
const activity: LogicNode = { id: "act", kind: "activity", title: "Coaching" };

const filter = (f: Partial<CardFilter>): CardFilter => ({ ...NO_FILTER, ...f });

describe("passesFilter", () => {
  it("keeps every card when nothing is filtered", () => {
    for (const card of [onTrack, offTrack, activity])
      expect(passesFilter(card, NO_FILTER, TODAY)).toBe(true);
    expect(isFiltering(NO_FILTER)).toBe(false);
  });

  it("keeps goals by status, at risk up to a quarter short and off track beyond", () => {
    const offOnly = filter({ statuses: ["off-track"] });
    expect(passesFilter(offTrack, offOnly, TODAY)).toBe(true);
    expect(passesFilter(atRisk, offOnly, TODAY)).toBe(false);
    expect(passesFilter(onTrack, offOnly, TODAY)).toBe(false);
    expect(passesFilter(atRisk, filter({ statuses: ["at-risk"] }), TODAY)).toBe(true);
  });

  it("leaves cards that are not goals out of a status filter", () => {
    expect(passesFilter(activity, filter({ statuses: ["off-track", "stale"] }), TODAY)).toBe(false);
  });

  it("treats stale as a flag a goal carries with its status", () => {
    expect(passesFilter(stale, filter({ statuses: ["stale"] }), TODAY)).toBe(true);
    expect(passesFilter(onTrack, filter({ statuses: ["stale"] }), TODAY)).toBe(false);
  });

  it("widens with several statuses and narrows with lanes", () => {
    const both = filter({ statuses: ["off-track", "at-risk"] });
    expect(passesFilter(offTrack, both, TODAY) && passesFilter(atRisk, both, TODAY)).toBe(true);
    const midOnly = filter({ statuses: ["off-track", "stale"], lanes: ["midJourney"] });
    expect(passesFilter(stale, midOnly, TODAY)).toBe(true);
    expect(passesFilter(offTrack, midOnly, TODAY)).toBe(false);
  });

  it("keeps only the chosen lanes", () => {
    const lanes = filter({ lanes: ["activity", "input"] });
    expect(passesFilter(activity, lanes, TODAY)).toBe(true);
    expect(passesFilter(onTrack, lanes, TODAY)).toBe(false);
  });
});

describe("filteredCardIds and describeFilter", () => {
  it("gives null when nothing is filtered, so the canvas shows everything", () => {
    expect(filteredCardIds([onTrack, activity], NO_FILTER, TODAY)).toBeNull();
  });

  it("gives the ids shown", () => {
    const ids = filteredCardIds(
      [onTrack, atRisk, offTrack, activity],
      filter({ statuses: ["off-track"] }),
      TODAY,
    );
    expect([...(ids ?? [])]).toEqual(["off"]);
  });

  it("says what is kept, statuses then lanes, in the order the menu lists them", () => {
    expect(describeFilter(filter({ statuses: ["stale", "off-track"] }))).toBe("Off track, Stale");
    expect(describeFilter(filter({ lanes: ["longTerm", "input"] }))).toBe(
      "Inputs, Long-term performance goals",
    );
    expect(describeFilter(filter({ statuses: ["at-risk"], lanes: ["smallWin"] }))).toBe(
      "At risk · Small-win goals",
    );
    expect(describeFilter(NO_FILTER)).toBe("");
  });
});
