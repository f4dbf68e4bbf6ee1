import { progressToCsv } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { upWords } from "../src/cascade/CardAlignment.tsx";
import type { MapNodeView, ProgressRow, UpTarget } from "../src/cascade/cascade-types.ts";
import {
  attentionReasons,
  countMatches,
  goalKey,
  mapQueryOf,
  NO_MAP_FILTER,
  treeOf,
} from "../src/cascade/map-tree.ts";
import { progressCount } from "../src/cascade/ProgressPage.tsx";

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

describe("the alignment map's tree", () => {
  it("keeps the server's marks: a goal shown only as context of a match below is dimmed", () => {
    const context = goal("d1", ["D", "Springfield", "district"], {
      matches: false,
      children: [{ ...school, matches: false, children: [grade3] }],
    });
    const shown = treeOf({ roots: [context], unaligned: [] });
    expect(shown[0]?.matches).toBe(false);
    expect(shown[0]?.children[0]?.children.map((n) => [n.key, n.matches])).toEqual([
      [goalKey(grade3), true],
    ]);
    expect(countMatches(shown)).toBe(1);
  });

  it("counts the goals folded below a school's goal, which the page asks for when opened", () => {
    const folded = goal("s1", ["S", "Lincoln", "school"], {
      folded: { total: 6, byStatus: { "off-track": 1, "on-track": 5 }, attention: 1 },
    });
    const root = goal("d1", ["D", "Springfield", "district"], { children: [folded] });
    expect(countMatches(treeOf({ roots: [root], unaligned: [] }))).toBe(8);
    expect(countMatches(tree)).toBe(6);
  });

  it("asks for every level at once when a filter is on, and folds otherwise", () => {
    expect(mapQueryOf(NO_MAP_FILTER, false)).toEqual({
      status: undefined,
      school: undefined,
      attention: undefined,
      open: undefined,
    });
    expect(mapQueryOf({ ...NO_MAP_FILTER, attention: true }, false)).toMatchObject({
      attention: true,
      open: true,
    });
  });

  it("says why in words: stale, off track, broken", () => {
    expect(attentionReasons(lost)).toEqual([
      "Broken alignment: the goal it aligned to was deleted",
    ]);
    expect(attentionReasons(grade1)).toEqual(["Stale: no measurement for more than 60 days"]);
    expect(attentionReasons(grade3)).toEqual(["Off track"]);
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

describe("the workspace progress page", () => {
  it("counts honestly what is listed, what matches and what there is", () => {
    expect(progressCount(200, 10_000, 10_000)).toBe("Showing 200 of 10,000 goals");
    expect(progressCount(200, 1234, 10_000)).toBe(
      "Showing 200 of 1,234 matching (10,000 goals in all)",
    );
    expect(progressCount(12, 12, 40)).toBe("12 of 40 goals match");
    expect(progressCount(1, 1, 1)).toBe("1 goal");
  });

  it("writes CSV a spreadsheet opens safely", () => {
    // The page's download is the server's CSV (one writer, in shared).
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
