import { READ_MARKS_MAX } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { setUpServer, signIn, signUp } from "../../tests/support/accounts.ts";
import { api, createModel, useTestServer } from "../../tests/support/index.ts";

const server = useTestServer();
let setUp: Promise<string> | undefined;

/** A fresh account signed in on two devices (two session cookies). */
async function twoDevices(name: string) {
  setUp ??= setUpServer(server.url);
  await setUp;
  const email = `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@school.test`;
  const laptop = await signUp(server.url, email, "a-long-password", name);
  return { laptop, phone: await signIn(server.url, email, "a-long-password") };
}

function readState(modelId: string, token: string, cookie?: string, threads?: unknown) {
  return api(server.url, `/api/models/${modelId}/read-state`, {
    token,
    ...(threads === undefined ? {} : { method: "PUT", body: JSON.stringify({ threads }) }),
    headers: cookie ? { cookie } : {},
  });
}

const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, "0")}:00.000Z`;

describe("unread markers of a signed-in person (GET/PUT …/read-state)", () => {
  it("follow the person from one device to the other, each thread keeping its later time", async () => {
    const { laptop, phone } = await twoDevices("Maria");
    const model = await createModel(server.url);
    const token = model.tokens.commenter;
    expect(await (await readState(model.id, token, phone)).json()).toEqual({ threads: {} });
    const put = await readState(model.id, token, laptop, { t1: at(10), t2: at(20) });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ threads: { t1: at(10), t2: at(20) } });
    // The phone read t1 later, and t2 before the laptop did: the answer is the merged whole.
    const merged = await readState(model.id, token, phone, { t1: at(30), t2: at(5) });
    expect(await merged.json()).toEqual({ threads: { t1: at(30), t2: at(20) } });
    expect(await (await readState(model.id, model.tokens.viewer, laptop)).json()).toEqual({
      threads: { t1: at(30), t2: at(20) },
    });
  });

  it("are each person's own, per model", async () => {
    const maria = await twoDevices("Maria");
    const ben = await twoDevices("Ben");
    const model = await createModel(server.url);
    const other = await createModel(server.url);
    await readState(model.id, model.tokens.viewer, maria.laptop, { t1: at(1) });
    expect(await (await readState(model.id, model.tokens.viewer, ben.laptop)).json()).toEqual({
      threads: {},
    });
    expect(await (await readState(other.id, other.tokens.viewer, maria.laptop)).json()).toEqual({
      threads: {},
    });
  });

  it("are refused in words to someone not signed in, without a role, or with a bad body", async () => {
    const { laptop } = await twoDevices("Maria");
    const model = await createModel(server.url);
    const anonymous = await readState(model.id, model.tokens.viewer);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      error: { code: "sign-in-required", message: expect.stringMatching(/sign in/) },
    });
    const noLink = await api(server.url, `/api/models/${model.id}/read-state`, {
      headers: { cookie: laptop },
    });
    // Signed in, but neither a link nor a workspace gives them a role on this model.
    expect(noLink.status).toBe(403);
    expect(await noLink.json()).toMatchObject({
      error: { code: "forbidden", message: expect.stringMatching(/no role on this model/) },
    });
    const other = await createModel(server.url);
    expect((await readState(model.id, other.tokens.owner, laptop)).status).toBe(401);
    expect((await readState("no-such-model", model.tokens.owner, laptop)).status).toBe(404);
    for (const bad of [{ "not an id!": at(1) }, { t1: "yesterday" }, ["t1"]]) {
      const refused = await readState(model.id, model.tokens.viewer, laptop, bad);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /threads/,
      );
    }
  });

  it("are kept for at most as many threads as a model may hold", async () => {
    const { laptop } = await twoDevices("Maria");
    const model = await createModel(server.url);
    const all = Object.fromEntries(
      Array.from({ length: READ_MARKS_MAX }, (_, i) => [`t${i}`, at(1)]),
    );
    expect((await readState(model.id, model.tokens.viewer, laptop, all)).status).toBe(200);
    const past = await readState(model.id, model.tokens.viewer, laptop, { extra: at(2) });
    expect(past.status).toBe(400);
    expect(await past.json()).toMatchObject({ error: { code: "too-many-read-marks" } });
    // A later time on a thread already marked is still taken.
    expect((await readState(model.id, model.tokens.viewer, laptop, { t0: at(3) })).status).toBe(
      200,
    );
  });
});
