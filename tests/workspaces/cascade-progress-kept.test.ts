import {
  cascadePaths,
  type LogicNode,
  meSchema,
  type WorkspaceProgressAnswer,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { call, join } from "../support/workspaces.ts";
import { getJson, goal, putNodes, useCascadeWorld } from "./cascade-world.ts";

/**
 * The server keeps a workspace's progress rows between requests (issue 16): what a person is
 * answered must still be exactly what they may see, as it is now. Each case asks first, so the
 * rows are kept, then changes the world and asks again.
 */

const w = useCascadeWorld();

const progress = (workspaceId: string, cookie: string, query = {}) =>
  getJson<WorkspaceProgressAnswer>(w.url, cascadePaths.progress(workspaceId, query), cookie);
const titles = (answer: WorkspaceProgressAnswer) => answer.rows.map((r) => r.title).sort();

describe("the progress rows kept between requests", () => {
  it("show a team's new measurement in the next answer of the district and the school", async () => {
    const row = (a: WorkspaceProgressAnswer) => a.rows.find((r) => r.cardId === "T1");
    expect(row(await progress(w.ws.district, w.admin))?.latest).toBeNull();
    expect(row(await progress(w.ws.lincoln, w.admin))?.latest).toBeNull();
    const measured: LogicNode = {
      ...goal(
        "T1",
        "Grade 1 reads",
        { unit: "percent", baseline: 68, target: 80, cohortSize: 80 },
        [{ modelId: w.models.SM.id, cardId: "S1" }],
      ),
      measurements: [{ date: "2026-11-20", value: 74 }],
    };
    await putNodes(w.url, w.models.G1, "Grade 1 plan", [measured]);
    for (const workspace of [w.ws.district, w.ws.lincoln]) {
      const answer = await progress(workspace, w.admin);
      expect(row(answer)?.latest).toEqual({ date: "2026-11-20", value: 74 });
      expect(row(answer)?.lastMeasured).toBe("2026-11-20");
    }
  });

  it("give each person only their own scope, before and after their memberships change", async () => {
    const everything = [
      "District reading proficiency",
      "Grade 1 reads",
      "Grade 3 reads",
      "Lincoln reading proficiency",
      "Roosevelt math",
    ];
    expect(titles(await progress(w.ws.district, w.admin))).toEqual(everything);
    // The same workspace right after the admin: none of what Tess may not see.
    const before = titles(await progress(w.ws.district, w.tess));
    expect(before).not.toContain("Roosevelt math");
    expect(before).toContain("Grade 3 reads");
    // Tess joins Roosevelt's team: a membership changes no document, yet she sees its models.
    await join(w.url, w.admin, w.ws.rteam, "member", w.tess);
    expect(titles(await progress(w.ws.district, w.tess))).toContain("Roosevelt math");
    // And leaves it again: they are gone from her next answer.
    const me = meSchema.parse(await getJson(w.url, "/api/accounts/me", w.tess));
    const left = await call(w.url, `/api/workspaces/${w.ws.rteam}/members/${me.account?.id}`, {
      method: "DELETE",
      cookie: w.admin,
    });
    expect(left.status).toBeLessThan(300);
    expect(titles(await progress(w.ws.district, w.tess))).toEqual(before);
    expect(titles(await progress(w.ws.district, w.admin))).toEqual(everything);
  });

  it("lose a deleted model's goals, and mark the goals aligned to them as broken", async () => {
    const rows = await progress(w.ws.district, w.admin);
    expect(rows.rows.find((r) => r.cardId === "S1")?.brokenUp).toBe(0);
    const deleted = await call(w.url, `/api/models/${w.models.DM.id}`, {
      method: "DELETE",
      cookie: w.admin,
      token: w.models.DM.tokens.owner,
    });
    expect(deleted.status).toBe(204);
    const after = await progress(w.ws.district, w.admin);
    expect(titles(after)).not.toContain("District reading proficiency");
    // Lincoln's page reads the district's model only as what its goal aligns to.
    const lincoln = await progress(w.ws.lincoln, w.admin);
    expect(lincoln.rows.find((r) => r.cardId === "S1")?.brokenUp).toBe(1);
  });
});

describe("what needs attention on the progress page", () => {
  it("includes the 84 % trap, as the alignment map does, with its words", async () => {
    const attention = await progress(w.ws.lincoln, w.admin, { attention: true });
    const trap = attention.rows.find((r) => r.cardId === "T3");
    expect(trap).toMatchObject({ status: "not-measured", stale: false, brokenUp: 0 });
    expect(trap?.warnings?.map((x) => x.code)).toContain("cascade-child-not-rising");
    expect(trap?.warnings?.map((x) => x.message).join(" ")).toMatch(
      /target 82% is below its own baseline 84%/,
    );
    // Grade 1's goal rises from its own baseline and is measured: nothing asks for attention.
    expect(attention.rows.map((r) => r.cardId)).not.toContain("T1");
  });
});
