import { describe, expect, it } from "vitest";
import { GALLERY_LIMITS, gallerySummary, modelRoleFromGallery } from "../src/gallery.ts";
import { coachingTemplate } from "../src/template.ts";
import type { Membership } from "../src/workspaces.ts";

// District D; schools S and S2; teams A and B under S, C under S2.
const tree = new Map<string, { parentId: string | null }>([
  ["D", { parentId: null }],
  ["S", { parentId: "D" }],
  ["S2", { parentId: "D" }],
  ["A", { parentId: "S" }],
  ["B", { parentId: "S" }],
  ["C", { parentId: "S2" }],
]);
const as = (workspaceId: string, role: Membership["role"]): Membership[] => [{ workspaceId, role }];

describe("the posted-model rule", () => {
  it("gives members and admins of a sibling team the commenter role, guests nothing", () => {
    expect(modelRoleFromGallery(as("B", "member"), "A", "S", tree)).toBe("commenter");
    expect(modelRoleFromGallery(as("B", "admin"), "A", "S", tree)).toBe("commenter");
    expect(modelRoleFromGallery(as("B", "guest"), "A", "S", tree)).toBeNull();
  });

  it("gives nothing without a post, to a cousin team, or for a post left behind by a move", () => {
    expect(modelRoleFromGallery(as("B", "member"), "A", null, tree)).toBeNull();
    expect(modelRoleFromGallery(as("C", "member"), "A", "S", tree)).toBeNull();
    expect(modelRoleFromGallery(as("B", "member"), "A", "S2", tree)).toBeNull();
    expect(modelRoleFromGallery(as("B", "member"), null, "S", tree)).toBeNull();
  });
});

describe("a gallery card's summary", () => {
  it("lists the goals with status and latest value, and every lane in brief", () => {
    const model = coachingTemplate({ firstSchoolYear: 2026 });
    const first = model.nodes.find((n) => n.kind === "longTerm" && n.smart);
    if (!first?.smart) throw new Error("the template has no long-term goal with SMART fields");
    first.measurements = [{ date: "2026-12-01", value: 55 }];
    const summary = gallerySummary(model, { today: "2027-01-15" });
    expect(summary.title).toBe(model.title);
    expect(summary.masteryGoal).toBe(model.masteryGoal);
    const goals = model.nodes.filter((n) =>
      ["smallWin", "midJourney", "longTerm"].includes(n.kind),
    );
    expect(summary.goalCount).toBe(goals.length);
    expect(summary.goals.length).toBe(Math.min(goals.length, GALLERY_LIMITS.goals));
    expect(summary.goals[0]?.kind).toBe("smallWin");
    expect(summary.lanes.map((l) => l.count)).toEqual(
      ["input", "activity", "smallWin", "midJourney", "longTerm"].map(
        (k) => model.nodes.filter((n) => n.kind === k).length,
      ),
    );
    for (const lane of summary.lanes)
      expect(lane.titles.length).toBe(Math.min(lane.count, GALLERY_LIMITS.titlesPerLane));
    const measured = summary.goals.find((g) => g.id === first.id);
    expect(measured?.latest).toEqual({ value: 55, date: "2026-12-01" });
    expect(measured?.unit).toBe(first.smart.unit);
    expect(measured?.target).toEqual(first.smart.target);
  });
});
