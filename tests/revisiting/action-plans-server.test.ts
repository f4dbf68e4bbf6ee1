import {
  type MyActionsResponse,
  nodesMap,
  type WorkspaceRadarResponse,
} from "@logic-canvas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  acknowledged,
  connect,
  createModel,
  setUpServer,
  signUp,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from "../support/index.ts";
import { call, createModelIn, createWorkspace, join, myWorkspaces } from "../support/workspaces.ts";

/**
 * Issue 17, action plans on the server: My actions lists only models the person may open, the
 * workspace radar only those under it, and the write gate refuses hostile owners and dates in
 * words, storing nothing.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const activity = (id: string, title: string, plan: object, stage = "blossom") => ({
  id,
  kind: "activity",
  title,
  stage,
  plan,
});
const file = (title: string, nodes: object[]) => ({
  format: "logic-model",
  version: 2,
  title,
  masteryGoal: "Students self-assess.",
  nodes,
  edges: [],
});

async function myActions(cookie: string): Promise<MyActionsResponse> {
  const response = await call(server.url, "/api/my-actions", { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as MyActionsResponse;
}

describe("My actions and the workspace radar", () => {
  it("list only the models the person may open, soonest due first", async () => {
    const url = server.url;
    const admin = await setUpServer(url);
    const district = (await myWorkspaces(url, admin))[0];
    const school = await createWorkspace(url, admin, {
      name: "Lincoln",
      kind: "school",
      parentId: district?.id ?? null,
    });
    const team = await createWorkspace(url, admin, {
      name: "Grade 3 team",
      kind: "team",
      parentId: school.id,
    });
    const ana = await signUp(url, "ana@district.test", "ana-password-12", "Ana Ruiz");
    const gus = await signUp(url, "gus@district.test", "gus-password-12", "Gus Guest");
    const oz = await signUp(url, "oz@elsewhere.test", "oz-password-123", "Oz");
    await join(url, admin, school.id, "member", ana);
    await join(url, admin, school.id, "guest", gus);
    const anaId = (await myActions(ana)).person.id;
    const gusId = (await myActions(gus)).person.id;
    const owner = { id: anaId, name: "Ana" };

    await createModelIn(
      url,
      admin,
      team.id,
      file("Grade 3 reading", [
        activity("a1", "Coaching cycles", { owner, due: "2026-11-01", status: "inProgress" }),
        activity("a2", "Learning walks", { owner, due: "2026-10-01" }),
        activity("a3", "Gus's task", { owner: { id: gusId, name: "Gus" } }),
        activity("a4", "Unowned", {}, "seed"),
      ]),
    );
    // A model Ana is named in but may not open: in another district, and one shared by link only.
    const elsewhere = await createWorkspace(url, oz, { name: "Other district", kind: "district" });
    await createModelIn(
      url,
      oz,
      elsewhere.id,
      file("Not hers", [activity("x", "Secret", { owner, due: "2026-01-01" })]),
    );
    await createModel(
      url,
      file("By link", [activity("y", "Link only", { owner, due: "2026-01-02" })]),
    );

    const mine = await myActions(ana);
    expect(mine.actions.map((a) => [a.title, a.modelTitle, a.plan.due])).toEqual([
      ["Learning walks", "Grade 3 reading", "2026-10-01"],
      ["Coaching cycles", "Grade 3 reading", "2026-11-01"],
    ]);
    // A guest sees only what is shared by link: no workspace model, even one naming them.
    expect((await myActions(gus)).actions).toEqual([]);
    expect((await call(url, "/api/my-actions")).status).toBe(401);

    const radar = await call(url, `/api/workspaces/${school.id}/radar`, { cookie: ana });
    const board = (await radar.json()) as WorkspaceRadarResponse;
    expect(board.items.map((i) => i.title).sort()).toEqual([
      "Coaching cycles",
      "Gus's task",
      "Learning walks",
      "Unowned",
    ]);
    expect(board.items.find((i) => i.nodeId === "a1")?.team?.name).toBe("Grade 3 team");
    expect((await call(url, `/api/workspaces/${school.id}/radar`, { cookie: oz })).status).toBe(
      404,
    );
  });
});

describe("the write gate on action plans", () => {
  async function attempt(plan: unknown): Promise<string | null> {
    const created = await createModel(server.url, file("Gate", [activity("act", "Coaching", {})]));
    const client = connect(server, created.id, created.tokens.editor, new Y.Doc());
    try {
      await synced(client);
      (nodesMap(client.doc).get("act") as Y.Map<unknown>).set("plan", plan);
      await waitFor(
        () => client.closes.length > 0 || client.provider.unsyncedChanges === 0,
        "refusal or acknowledgement",
      );
      if (client.closes.length === 0) await acknowledged(client);
      return client.closes[0] ?? null;
    } finally {
      client.destroy();
    }
  }

  it("accepts a valid plan", async () => {
    expect(
      await attempt({
        owner: { id: "abc", name: "Ana" },
        start: "2026-09-01",
        due: "2026-10-01",
        status: "blocked",
        blockedReason: "No cover",
      }),
    ).toBeNull();
  });

  it.each([
    [
      "an owner id with slashes",
      { owner: { id: "../../etc", name: "Ana" } },
      /owner.*letters, digits/,
    ],
    [
      "an owner name of 10,000 characters",
      { owner: { id: "a", name: "x".repeat(10_000) } },
      /at most 80 characters/,
    ],
    ["an impossible due date", { due: "2026-02-30" }, /YYYY-MM-DD/],
    [
      "a due date before the start",
      { start: "2026-10-02", due: "2026-10-01" },
      /before the start date/,
    ],
    ["a blocked status without a reason", { status: "blocked" }, /blocked action is blocked/],
    ["an unknown key", { owner: { id: "a", name: "A" }, script: "<img onerror>" }, /plan/],
    ["a plan as text", "Ana, by Friday", /plan/],
  ])("refuses %s in words", async (_what, plan, words) => {
    const refusal = await attempt(plan);
    expect(refusal).toMatch(/invalid-write/);
    expect(refusal).toMatch(words);
  });
});
