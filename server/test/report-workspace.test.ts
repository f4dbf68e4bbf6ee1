/**
 * The written plan of a workspace: every model at or below it that the caller's memberships
 * open, each under its own title; a member of one school does not get another school's plans.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  setUpServer,
  signUp,
  startTestServer,
  type TestServer,
} from "../../tests/support/index.ts";
import {
  call,
  createModelIn,
  createWorkspace,
  join,
  type ListedWorkspace,
  myWorkspaces,
} from "../../tests/support/workspaces.ts";

let server: TestServer;
let admin: string;
let district: ListedWorkspace;

beforeAll(async () => {
  server = await startTestServer();
  admin = await setUpServer(server.url);
  [district] = (await myWorkspaces(server.url, admin)) as [ListedWorkspace];
});
afterAll(async () => {
  await server?.stop();
});

const model = (title: string, goal: string) => ({
  format: "logic-model",
  version: 2,
  title,
  masteryGoal: "Every student reads well.",
  nodes: [{ id: "g1", kind: "longTerm", title: goal }],
  edges: [],
});

async function planText(cookie: string, workspaceId: string): Promise<string> {
  const response = await call(server.url, `/api/workspaces/${workspaceId}/report?format=docx`, {
    cookie,
  });
  expect(response.status).toBe(200);
  const zip = await JSZip.loadAsync(await response.arrayBuffer());
  return ((await zip.file("word/document.xml")?.async("string")) ?? "").replace(/<[^>]+>/g, "");
}

it("holds the plan of each model a person may read below the workspace, and no other", async () => {
  const north = await createWorkspace(server.url, admin, {
    name: "North School",
    kind: "school",
    parentId: district.id,
  });
  const south = await createWorkspace(server.url, admin, {
    name: "South School",
    kind: "school",
    parentId: district.id,
  });
  await createModelIn(
    server.url,
    admin,
    district.id,
    model("District literacy plan", "District readers"),
  );
  await createModelIn(server.url, admin, north.id, model("North reading plan", "North readers"));
  await createModelIn(server.url, admin, south.id, model("South reading plan", "South readers"));

  const all = await planText(admin, district.id);
  for (const text of [
    "District literacy plan",
    "North reading plan",
    "South reading plan",
    "South readers",
  ]) {
    expect(all).toContain(text);
  }
  expect(all).toContain("3 models as of");

  const teacher = await signUp(server.url, "teacher@north.test", "a long password 1", "Nia");
  await join(server.url, admin, north.id, "member", teacher);
  const mine = await planText(teacher, north.id);
  expect(mine).toContain("North reading plan");
  expect(mine).not.toContain("South reading plan");
  const refused = await call(server.url, `/api/workspaces/${south.id}/report?format=pdf`, {
    cookie: teacher,
  });
  expect(refused.status).toBe(404);
  const signedOut = await call(server.url, `/api/workspaces/${north.id}/report?format=pdf`, {});
  expect(signedOut.status).toBe(401);
});
