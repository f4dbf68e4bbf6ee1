import { cascadePaths, type WorkspaceProgressAnswer } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { call } from "../support/workspaces.ts";
import { getJson, useCascadeWorld } from "./cascade-world.ts";

/** The workspace progress rows over HTTP: what each person gets, sorted, filtered and as CSV. */

const w = useCascadeWorld();

describe("workspace progress", () => {
  it("lists every goal at or below a workspace and exports them as CSV", async () => {
    const progress = await getJson<WorkspaceProgressAnswer>(
      w.url,
      cascadePaths.progress(w.ws.lincoln),
      w.admin,
    );
    expect(progress.rows.map((r) => r.title).sort()).toEqual([
      "Grade 1 reads",
      "Grade 3 reads",
      "Lincoln reading proficiency",
    ]);
    const csv = await call(w.url, cascadePaths.progressCsv(w.ws.lincoln), { cookie: w.admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith("\uFEFFLevel,Workspace,Model,Lane,Goal,Status")).toBe(true);
    expect(text).toContain(
      "Team,Grade 3 team,Grade 3 plan,Long-term performance goals,Grade 3 reads",
    );
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(4);
    const tessCsv = await call(w.url, cascadePaths.progressCsv(w.ws.district), { cookie: w.tess });
    expect(await tessCsv.text()).not.toContain("Roosevelt math");
  });

  it("sorts and filters on the server, and the CSV gives every row of the filter", async () => {
    const byTitle = await getJson<WorkspaceProgressAnswer>(
      w.url,
      cascadePaths.progress(w.ws.district, { sort: "title", limit: 2 }),
      w.admin,
    );
    expect(byTitle.rows.map((r) => r.title)).toEqual([
      "District reading proficiency",
      "Grade 1 reads",
    ]);
    expect(byTitle).toMatchObject({ total: 5, unfiltered: 5, nextCursor: "2" });
    const lincoln = await getJson<WorkspaceProgressAnswer>(
      w.url,
      cascadePaths.progress(w.ws.district, { place: w.ws.lincoln, q: "grade", limit: 1 }),
      w.admin,
    );
    expect(lincoln).toMatchObject({ total: 2, unfiltered: 5 });
    const csv = await call(
      w.url,
      cascadePaths.progressCsv(w.ws.district, { place: w.ws.lincoln, q: "grade", sort: "title" }),
      { cookie: w.admin },
    );
    const lines = (await csv.text()).split("\r\n").filter(Boolean);
    expect(lines.slice(1).map((l) => l.split(",")[4])).toEqual(["Grade 1 reads", "Grade 3 reads"]);
    // A place Tess may not see, or not under the workspace, is refused in words.
    const refused = await call(
      w.url,
      cascadePaths.progress(w.ws.grade3, { place: w.ws.roosevelt }),
      { cookie: w.admin },
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      "place must be a school or team at or below this workspace",
    );
  });
});
