import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addNode, updateNode } from "../../src/doc/mutate.ts";
import { readModel } from "../../src/doc/read.ts";
import {
  actionPlanProblem,
  actionPlanSchema,
  bySoonestDue,
  dueState,
  parseModelFile,
  toModelFile,
} from "../../src/index.ts";

const ana = { id: "acct_ana", name: "Ana Ruiz" };

describe("an action plan", () => {
  it("accepts an owner, dates and each status", () => {
    for (const status of ["notStarted", "inProgress", "done"] as const)
      expect(
        actionPlanSchema.safeParse({ owner: ana, start: "2026-09-01", due: "2026-10-01", status })
          .success,
      ).toBe(true);
    expect(
      actionPlanSchema.safeParse({ status: "blocked", blockedReason: "No sub cover" }).success,
    ).toBe(true);
  });

  it("refuses hostile values in words", () => {
    expect(actionPlanProblem({ owner: { id: "../etc", name: "x" } })).toMatch(
      /^The owner .*letters, digits/,
    );
    expect(actionPlanProblem({ owner: { id: "a", name: "x".repeat(81) } })).toBe(
      "The owner must be at most 80 characters.",
    );
    expect(actionPlanProblem({ owner: { id: "a", name: "   " } })).toBe(
      "The owner must not be empty.",
    );
    expect(actionPlanProblem({ due: "2026-02-30" })).toBe(
      "The due date must be a date written YYYY-MM-DD.",
    );
    expect(actionPlanProblem({ start: "2026-10-02", due: "2026-10-01" })).toBe(
      "The due date must not be before the start date.",
    );
    expect(actionPlanProblem({ status: "blocked" })).toBe(
      "The reason must say why a blocked action is blocked.",
    );
    expect(actionPlanProblem({ status: "done", blockedReason: "x" })).toBe(
      "The reason is kept only while the action is blocked.",
    );
    expect(actionPlanProblem({ status: "someday" })).toMatch(/^The status must be one of/);
    expect(actionPlanProblem({ owner: ana, salary: 1 })).not.toBeNull();
  });

  it("is due, due soon, overdue or done against today; the due day itself is on time", () => {
    const today = "2026-10-10";
    expect(dueState({ due: "2026-10-09" }, today)).toBe("overdue");
    expect(dueState({ due: "2026-10-10" }, today)).toBe("dueSoon");
    expect(dueState({ due: "2026-10-17" }, today)).toBe("dueSoon");
    expect(dueState({ due: "2026-10-18" }, today)).toBe("later");
    expect(dueState({ due: "2026-01-01", status: "done" }, today)).toBe("done");
    expect(dueState({ owner: ana }, today)).toBe("none");
    expect(dueState(undefined, today)).toBe("none");
  });

  it("sorts soonest due first, undated last", () => {
    const list = [
      { title: "c" },
      { title: "b", plan: { due: "2026-11-01" } },
      { title: "a", plan: { due: "2026-10-01" } },
    ];
    expect(list.sort(bySoonestDue).map((x) => x.title)).toEqual(["a", "b", "c"]);
  });

  it("is kept on activities through the document and the file, and dropped when the card leaves the lane", () => {
    const doc = new Y.Doc();
    const id = addNode(doc, { kind: "activity", title: "Hire coaches" }, "t");
    const plan = { owner: ana, due: "2026-10-01", status: "inProgress" as const };
    updateNode(doc, id, { plan }, "t");
    const model = readModel(doc);
    expect(model.nodes[0]?.plan).toEqual(plan);
    const parsed = parseModelFile(JSON.parse(JSON.stringify(toModelFile(model))));
    expect(parsed.ok && parsed.file.nodes[0]?.plan).toEqual(plan);
    expect(() => updateNode(doc, id, { plan: { status: "blocked" } }, "t")).toThrow(
      /blocked action is blocked/,
    );
    updateNode(doc, id, { kind: "smallWin" }, "t");
    expect(readModel(doc).nodes[0]?.plan).toBeUndefined();
  });

  it("refuses a plan on a goal in a file, and a version-1 file without plans still reads", () => {
    const goal = {
      id: "g",
      kind: "smallWin",
      title: "Coaches in classrooms",
      plan: { owner: ana },
    };
    const bad = parseModelFile({
      format: "logic-model",
      version: 2,
      title: "t",
      masteryGoal: "",
      nodes: [goal],
      edges: [],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.message).toMatch(/only activities carry an action plan/);
    const old = parseModelFile({
      format: "logic-model",
      version: 1,
      title: "t",
      masteryGoal: "",
      nodes: [{ id: "a", kind: "activity", title: "x" }],
      edges: [],
    });
    expect(old.ok).toBe(true);
  });
});
