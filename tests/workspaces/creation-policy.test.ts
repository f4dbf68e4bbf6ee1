import { afterEach, describe, expect, it } from "vitest";
import { setUpServer, signUp } from "../support/accounts.ts";
import { startTestServer, type TestServer } from "../support/index.ts";
import { call, createWorkspace, join, myWorkspaces } from "../support/workspaces.ts";

/** The instance setting MODEL_CREATION: anyone (the default) or signed-in members only. */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe("who may create models", () => {
  it("by default anyone may, with no account, as before workspaces", async () => {
    server = await startTestServer();
    const created = await call(server.url, "/api/models", { method: "POST", body: {} });
    expect(created.status).toBe(201);
  });

  it("with MODEL_CREATION=members only a signed-in member or admin may", async () => {
    server = await startTestServer({ modelCreation: "members" });
    const url = server.url;
    const anonymous = await call(url, "/api/models", { method: "POST", body: {} });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.message).toMatch(/Sign in/);

    const admin = await setUpServer(url);
    const district = (await myWorkspaces(url, admin))[0];
    const school = await createWorkspace(url, admin, {
      name: "Lincoln Elementary",
      kind: "school",
      parentId: district?.id ?? null,
    });
    const guest = await signUp(url, "gus@district.test", "gus-password-12", "Gus Guest");
    const outsider = await signUp(url, "oz@elsewhere.test", "oz-password-123", "Oz");
    await join(url, admin, school.id, "guest", guest);
    for (const cookie of [guest, outsider]) {
      const refused = await call(url, "/api/models", { method: "POST", cookie, body: {} });
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.message).toMatch(/only workspace members/);
    }
    const byAdmin = await call(url, "/api/models", { method: "POST", cookie: admin, body: {} });
    expect(byAdmin.status).toBe(201);
    // A link holder without an account cannot turn a model into copies either.
    const { links } = (await byAdmin.json()) as { id: string; links: { editor: string } };
    const [id, token] = links.editor.replace(/^.*\/m\//, "").split("#token=");
    const copy = await call(url, `/api/models/${id}/duplicate`, {
      method: "POST",
      token,
      body: {},
    });
    expect(copy.status).toBe(401);
  });
});
