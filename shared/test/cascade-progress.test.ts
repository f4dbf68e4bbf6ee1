import { describe, expect, it } from "vitest";
import {
  needsAttention,
  type ProgressRow,
  progressNeedsAttention,
  progressQuerySchema,
  progressRowsFor,
  progressSearch,
} from "../src/index.ts";

/** A progress row of team `ws` (its workspace name) with what the case needs. */
function row(cardId: string, ws: string, more: Partial<ProgressRow> = {}): ProgressRow {
  return {
    modelId: "m".repeat(16),
    modelTitle: `${ws} plan`,
    workspaceId: ws,
    workspaceName: ws,
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

// In their own order (level, workspace, model, lane), as the server builds them.
const rows = [
  row("a", "Grade 1", { lastMeasured: "2026-10-01", title: "Writing" }),
  row("b", "Grade 2", { status: "off-track", lastMeasured: "2026-11-01", title: "Attendance" }),
  row("c", "Grade 3", { kind: "midJourney", stale: true, lastMeasured: "2026-06-01" }),
  row("d", "Grade 4", { brokenUp: 1, title: "Math benchmarks" }),
];
const ids = (list: ProgressRow[]) => list.map((r) => r.cardId);

describe("the workspace progress rows, sorted and filtered on the server", () => {
  it("lists stale mid-journey goals first, then the worst status, then by place", () => {
    expect(ids(progressRowsFor(rows, {}, null))).toEqual(["c", "b", "a", "d"]);
  });

  it("sorts by each column the page offers", () => {
    expect(ids(progressRowsFor(rows, { sort: "measured" }, null))).toEqual(["d", "c", "a", "b"]);
    expect(ids(progressRowsFor(rows, { sort: "title" }, null))).toEqual(["b", "c", "d", "a"]);
    expect(ids(progressRowsFor(rows, { sort: "place" }, null))).toEqual(["a", "b", "c", "d"]);
    expect(ids(progressRowsFor(rows, { sort: "status" }, null))).toEqual(["b", "a", "c", "d"]);
  });

  it("filters by status, words, place and what needs attention", () => {
    expect(ids(progressRowsFor(rows, { status: "off-track" }, null))).toEqual(["b"]);
    expect(ids(progressRowsFor(rows, { q: "math grade" }, null))).toEqual(["d"]);
    expect(ids(progressRowsFor(rows, {}, new Set(["Grade 1", "Grade 3"])))).toEqual(["c", "a"]);
    // Off track, stale, a broken alignment: not the one on track and measured.
    expect(ids(progressRowsFor(rows, { attention: true }, null))).toEqual(["c", "b", "d"]);
  });

  it("counts the 84 % trap as needing attention, as the alignment map does", () => {
    const trap = row("e", "Grade 5", {
      warnings: [{ code: "cascade-child-not-rising", message: "Grade 5's target 82% is below…" }],
    });
    // Still to align is shown, but every new model has it: no attention asked.
    const loose = row("f", "Grade 6", {
      warnings: [{ code: "cascade-unaligned", message: "Aligned to nothing yet." }],
    });
    const all = [...rows, trap, loose];
    expect(ids(progressRowsFor(all, { attention: true }, null))).toEqual(["c", "b", "d", "e"]);
    expect(progressNeedsAttention(trap)).toBe(true);
    // One definition: the map's, given the same facts.
    expect(
      needsAttention({
        status: "on-track",
        statusToday: "on-track",
        stale: false,
        broken: 0,
        warnings: ["cascade-child-not-rising"],
      }),
    ).toBe(true);
    expect(
      needsAttention({
        status: "on-track",
        statusToday: "on-track",
        stale: false,
        broken: 0,
        warnings: ["cascade-no-aligned-child", "cascade-unaligned"],
      }),
    ).toBe(false);
  });
});

describe("the progress query", () => {
  it("reads what the page sends, and refuses a bad value in words", () => {
    const sent = progressSearch({ sort: "status", attention: true, q: "", limit: 200 });
    expect(sent).toBe("?sort=status&attention=1&limit=200");
    const read = progressQuerySchema.parse(Object.fromEntries(new URLSearchParams(sent)));
    expect(read).toEqual({ sort: "status", attention: true, limit: 200 });
    const bad = progressQuerySchema.safeParse({ sort: "colour" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/^sort must be one of attention, place/);
  });
});
