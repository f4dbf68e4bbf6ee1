/**
 * The counts the server bounds for workspaces (WORKSPACE_LIMITS): each refused past its most with
 * a 409 that says why in words, and nothing written. The rows that fill a count are put in the
 * store directly, as many people over time would have; the refusal comes through the route.
 */
import { WORKSPACE_LIMITS } from "@logic-canvas/shared";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  setUpServer,
  signUp,
  startTestServer,
  type TestServer,
} from "../../tests/support/index.ts";
import {
  call,
  createWorkspace,
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

it(`one person starts at most ${WORKSPACE_LIMITS.districtsPerAccount} districts`, async () => {
  const person = await signUp(server.url, "founder@district.test", "a long password 1", "Fay");
  for (let i = 0; i < WORKSPACE_LIMITS.districtsPerAccount; i++) {
    await createWorkspace(server.url, person, { name: `District ${i}`, kind: "district" });
  }
  const refused = await call(server.url, "/api/workspaces", {
    method: "POST",
    cookie: person,
    body: { name: "One more", kind: "district" },
  });
  expect(refused.status).toBe(409);
  const { error } = (await refused.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe("too-many-workspaces");
  expect(error.message).toMatch(/districts already/);
  const mine = await myWorkspaces(server.url, person);
  expect(mine.filter((w) => w.kind === "district")).toHaveLength(
    WORKSPACE_LIMITS.districtsPerAccount,
  );
});

it(`a workspace holds at most ${WORKSPACE_LIMITS.childrenPerWorkspace} directly under it`, async () => {
  const createdAt = new Date().toISOString();
  for (let i = 0; i < WORKSPACE_LIMITS.childrenPerWorkspace; i++) {
    await server.store.workspaces.createWorkspace({
      id: `school-${i}`,
      name: `School ${i}`,
      kind: "school",
      parentId: district.id,
      archived: false,
      createdAt,
    });
  }
  const refused = await call(server.url, "/api/workspaces", {
    method: "POST",
    cookie: admin,
    body: { name: "School 501", kind: "school", parentId: district.id },
  });
  expect(refused.status).toBe(409);
  const { error } = (await refused.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe("too-many-workspaces");
  expect(error.message).toContain(`${WORKSPACE_LIMITS.childrenPerWorkspace} workspaces under it`);
  const names = (await myWorkspaces(server.url, admin)).map((w) => w.name);
  expect(names).not.toContain("School 501");
});

it(`a workspace has at most ${WORKSPACE_LIMITS.pendingInvitationsPerWorkspace} invitations waiting`, async () => {
  const invite = () =>
    call(server.url, `/api/workspaces/${district.id}/invitations`, {
      method: "POST",
      cookie: admin,
      body: { role: "member" },
    });
  expect((await invite()).status).toBe(201);
  const now = Date.now();
  for (let i = 1; i < WORKSPACE_LIMITS.pendingInvitationsPerWorkspace; i++) {
    await server.store.workspaces.createInvitation({
      id: `invitation-${i}`,
      workspaceId: district.id,
      email: null,
      role: "member",
      tokenHash: `hash-${i}`,
      token: `token-${i}`,
      status: "pending",
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 86_400_000).toISOString(),
      invitedBy: "someone",
      answeredAt: null,
      answeredBy: null,
      emailed: false,
    });
  }
  const refused = await invite();
  expect(refused.status).toBe(409);
  const { error } = (await refused.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe("too-many-invitations");
  expect(error.message).toMatch(/waiting for an answer/);
  const pending = (await server.store.workspaces.listInvitations(district.id)).filter(
    (i) => i.status === "pending",
  );
  expect(pending).toHaveLength(WORKSPACE_LIMITS.pendingInvitationsPerWorkspace);
});
