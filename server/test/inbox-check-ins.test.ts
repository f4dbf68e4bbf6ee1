/**
 * "A check-in date arriving" (issue 18): on a model's check-in day, the owners of its open
 * actions each get one item naming their actions; a second sweep rings nobody again.
 */
import type { Account, InboxResponse } from "@logic-canvas/shared";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  setUpServer,
  signUp,
  startTestServer,
  type TestServer,
  whoAmI,
} from "../../tests/support/index.ts";
import { call, createModelIn, join, myWorkspaces } from "../../tests/support/workspaces.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

it("rings each owner of an open action on the check-in day, once", async () => {
  const admin = await setUpServer(server.url);
  const [district] = await myWorkspaces(server.url, admin);
  const dee = await signUp(server.url, "dee@district.test", "dee-password-long", "Dee Owner");
  await join(server.url, admin, district?.id as string, "member", dee);
  const deeAccount = (await whoAmI(server.url, dee)) as Account;
  const owner = { id: deeAccount.id, name: deeAccount.name };
  const today = new Date().toISOString().slice(0, 10);
  const model = await createModelIn(server.url, admin, district?.id as string, {
    format: "logic-model",
    version: 1,
    title: "Reading plan",
    masteryGoal: "Every student reads fluently by grade 3",
    nodes: [
      {
        id: "a1",
        kind: "activity",
        title: "Daily reading routine",
        plan: { owner, status: "inProgress" },
      },
      { id: "a2", kind: "activity", title: "Parent workshop", plan: { owner, status: "done" } },
      { id: "a3", kind: "activity", title: "Book fair" },
    ],
    edges: [],
    checkIns: [today],
  });

  expect(await server.checkIns.runOnce(new Date())).toEqual([owner.id]);
  const inbox = (await (
    await call(server.url, "/api/inbox", { cookie: dee })
  ).json()) as InboxResponse;
  expect(inbox.items).toHaveLength(1);
  expect(inbox.items[0]).toMatchObject({ kind: "checkIn", target: { modelId: model.id } });
  expect(inbox.items[0]?.text).toBe(
    "Check-in today for “Reading plan”: your action “Daily reading routine”.",
  );
  // Another sweep the same day (this process or another): nothing new.
  expect(await server.checkIns.runOnce(new Date())).toEqual([]);
  // The admin owns nothing: their inbox stays empty.
  const adminInbox = (await (
    await call(server.url, "/api/inbox", { cookie: admin })
  ).json()) as InboxResponse;
  expect(adminInbox.items).toEqual([]);
});
