import { afterEach, expect, it } from "vitest";
import { body, openRaw, type RawClient } from "../reliability/support/wire.ts";
import { setUpServer, signUp } from "../support/accounts.ts";
import { call, createModelIn, createWorkspace, join, myWorkspaces } from "../support/workspaces.ts";
import { type Cluster, cluster } from "./cluster.ts";

/**
 * Removing a member or lowering a role takes effect on their open connections on every process:
 * the admin acts on process A, the member's socket is on process B. The resync pass (which would
 * also catch it) is set far beyond the test, so only the Redis event can close it in time.
 */

let c: Cluster | undefined;
afterEach(async () => {
  await c?.stop();
  c = undefined;
});

async function signedInOn(
  server: { url: string },
  cookie: string,
  doc: string,
): Promise<RawClient> {
  const client = await openRaw(server.url, "collab", { cookie });
  client.send(doc, body.auth(""));
  await client.next((f) => f.kind === "auth-ok" && f.doc === doc, `auth on ${doc}`);
  return client;
}

async function world() {
  c = cluster({ redisResyncMs: 600_000 });
  const a = await c.start();
  const b = await c.start();
  const admin = await setUpServer(a.url);
  const district = (await myWorkspaces(a.url, admin))[0];
  if (!district) throw new Error("no district");
  const school = await createWorkspace(a.url, admin, {
    name: "Lincoln Elementary",
    kind: "school",
    parentId: district.id,
  });
  const member = await signUp(a.url, "mo@district.test", "mo-password-12", "Mo Member");
  await join(a.url, admin, school.id, "member", member);
  const me = (await (await call(a.url, "/api/accounts/me", { cookie: member })).json()) as {
    account: { id: string };
  };
  const model = await createModelIn(a.url, admin, school.id, { title: "School plan" });
  return { a, b, admin, member, memberId: me.account.id, school, model };
}

it("a member removed on one process loses their open socket on the other, and cannot reopen", async () => {
  const { a, b, admin, member, memberId, school, model } = await world();
  const socket = await signedInOn(b, member, model.id);
  const removed = await call(a.url, `/api/workspaces/${school.id}/members/${memberId}`, {
    method: "DELETE",
    cookie: admin,
  });
  expect(removed.status).toBe(204);
  const closed = await socket.next((f) => f.kind === "close" && f.doc === model.id, "the close");
  expect(closed.kind === "close" && closed.reason).toMatch(/^access-changed: /);
  await socket.end();

  const again = await openRaw(b.url, "collab", { cookie: member });
  again.send(model.id, body.auth(""));
  const denied = await again.next((f) => f.kind === "auth-denied", "the refusal");
  expect(denied.kind === "auth-denied" && denied.reason).toMatch(/^no-access: /);
  await again.end();
});

it("a lowered role closes the socket on the other process, which reopens with the new role", async () => {
  const { a, b, admin, member, memberId, school, model } = await world();
  const socket = await signedInOn(b, member, model.id);
  const review = `${model.id}/review`;
  const reviewSocket = await signedInOn(b, member, review);
  const lowered = await call(a.url, `/api/workspaces/${school.id}/members/${memberId}`, {
    method: "PATCH",
    cookie: admin,
    body: { role: "guest" },
  });
  expect(lowered.status).toBe(200);
  for (const [client, doc] of [
    [socket, model.id],
    [reviewSocket, review],
  ] as const) {
    const closed = await client.next((f) => f.kind === "close" && f.doc === doc, "the close");
    expect(closed.kind === "close" && closed.reason).toMatch(/^access-changed: /);
    await client.end();
  }

  // Raised again to member: an open socket keeps working, a new one gets the editor role.
  await call(a.url, `/api/workspaces/${school.id}/members/${memberId}`, {
    method: "PATCH",
    cookie: admin,
    body: { role: "member" },
  });
  const reopened = await openRaw(b.url, "collab", { cookie: member });
  reopened.send(model.id, body.auth(""));
  const ok = await reopened.next((f) => f.kind === "auth-ok", "auth");
  expect(ok.kind === "auth-ok" && ok.scope).toBe("read-write");
  await reopened.end();
});
