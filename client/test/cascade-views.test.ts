import { progressToCsv } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { upWords } from "../src/cascade/CardAlignment.tsx";
import type { MapNodeView, ProgressRow, UpTarget } from "../src/cascade/cascade-types.ts";
import {
  attentionReasons,
  countMatches,
  filterTree,
  goalKey,
  NO_MAP_FILTER,
  treeOf,
} from "../src/cascade/map-tree.ts";
import { NO_PROGRESS_FILTER, progressRows } from "../src/cascade/progress-rows.ts";

/** A goal of the map: workspace [id, name, kind], its school, and what else the case needs. */
function goal(
  cardId: string,
  place: [string, string, MapNodeView["workspaceKind"]],
  more: Partial<MapNodeView> = {},
): MapNodeView {
  return {
    modelId: `model${place[0]}`.padEnd(16, "0"),
    modelTitle: `${place[1]} plan`,
    workspaceId: place[0],
    workspaceName: place[1],
    workspaceKind: place[2],
    schoolId: place[2] === "team" ? "S" : place[2] === "school" ? place[0] : null,
    cardId,
    kind: "longTerm",
    title: `Goal ${cardId}`,
    status: "on-track",
    stale: false,
    latest: null,
    unit: "percent",
    studentsSentence: null,
    rollupSentence: null,
    broken: [],
    warnings: [],
    needsAttention: false,
    children: [],
    ...more,
  };
}
const grade3 = goal("t3", ["T3", "Grade 3", "team"], { status: "off-track", needsAttention: true });
const grade1 = goal("t1", ["T1", "Grade 1", "team"], { kind: "midJourney", stale: true });
const school = goal("s1", ["S", "Lincoln", "school"], { children: [grade1, grade3] });
const other = goal("s2", ["S2", "Roosevelt", "school"]);
const district = goal("d1", ["D", "Springfield", "district"], { children: [school, other] });
const lost = goal("t9", ["T1", "Grade 1", "team"], {
  broken: [{ modelId: "x".repeat(16), cardId: "gone", reason: "goal-deleted" }],
});
const tree = treeOf({ roots: [district], unaligned: [lost] });

describe("the alignment map's filters", () => {
  it("keeps the goals above what needs attention as context, and drops the rest", () => {
    const shown = filterTree(tree, { ...NO_MAP_FILTER, attention: true });
    expect(shown.map((n) => [n.key, n.matches])).toEqual([
      [goalKey(district), false],
      [goalKey(lost), true],
    ]);
    const lincoln = shown[0]?.children;
    expect(lincoln?.map((n) => n.key)).toEqual([goalKey(school)]);
    expect(lincoln?.[0]?.children.map((n) => n.key)).toEqual([goalKey(grade1), goalKey(grade3)]);
    expect(countMatches(shown)).toBe(3);
  });

  it("says why in words: stale, off track, broken", () => {
    expect(attentionReasons(lost)).toEqual([
      "Broken alignment: the goal it aligned to was deleted",
    ]);
    expect(attentionReasons(grade1)).toEqual(["Stale: no measurement for more than 60 days"]);
    expect(attentionReasons(grade3)).toEqual(["Off track"]);
  });

  it("filters by school and by status", () => {
    const roosevelt = filterTree(tree, { ...NO_MAP_FILTER, school: "S2" });
    expect(roosevelt[0]?.children.map((n) => n.key)).toEqual([goalKey(other)]);
    const off = filterTree(tree, { ...NO_MAP_FILTER, status: "off-track" });
    expect(countMatches(off)).toBe(1);
  });
});

function row(cardId: string, more: Partial<ProgressRow> = {}): ProgressRow {
  return {
    modelId: "m".repeat(16),
    modelTitle: "Grade 3 plan",
    workspaceId: "T3",
    workspaceName: "Grade 3",
    workspaceKind: "team",
    cardId,
    kind: "longTerm",
    title: `Goal ${cardId}`,
    status: "on-track",
    statusToday: "on-track",
    stale: false,
    unit: "percent",
    baseline: 60,
    target: 66,
    targetDate: "2027-05-01",
    latest: null,
    lastMeasured: null,
    nextCheckIn: null,
    alignedUp: 1,
    brokenUp: 0,
    ...more,
  };
}

describe("the workspace progress rows", () => {
  const rows = [
    row("a", { lastMeasured: "2026-10-01" }),
    row("b", { status: "off-track", lastMeasured: "2026-11-01" }),
    row("c", { kind: "midJourney", stale: true, lastMeasured: "2026-06-01" }),
  ];
  it("lists stale mid-journey goals first, then the worst status", () => {
    expect(progressRows(rows, NO_PROGRESS_FILTER, null).map((r) => r.cardId)).toEqual([
      "c",
      "b",
      "a",
    ]);
  });

  it("sorts the least recently measured first, and filters by status", () => {
    const sorted = progressRows(rows, { ...NO_PROGRESS_FILTER, sort: "measured" }, null);
    expect(sorted.map((r) => r.cardId)).toEqual(["c", "a", "b"]);
    const off = progressRows(rows, { ...NO_PROGRESS_FILTER, status: "off-track" }, null);
    expect(off.map((r) => r.cardId)).toEqual(["b"]);
  });

  it("writes CSV a spreadsheet opens safely", () => {
    // The page's download is the server's CSV, word for word (one writer, in shared).
    const csv = progressToCsv([row("x", { title: "=HYPERLINK(1)" })]);
    expect(csv.startsWith("\uFEFFLevel,Workspace,Model,Lane,Goal,Status")).toBe(true);
    expect(csv).toContain(",'=HYPERLINK(1),On track,");
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});

describe("a card's alignment up, in words", () => {
  const up = { modelId: "m1", cardId: "c1" } as const;
  it("names a goal the person may not see as aligned, not broken", () => {
    const words = upWords({ ...up, broken: "not-visible" } as UpTarget);
    expect(words).toBe("Aligns to a goal above in a model you may not see");
    expect(upWords({ ...up, broken: "goal-deleted" } as UpTarget)).toBe(
      "Broken alignment: the goal it aligned to was deleted",
    );
  });
});
