import { ACCOUNT_MESSAGES } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";

import {
  FIRST_ADMIN,
  post,
  setUpServer,
  signIn,
  signInResponse,
  signUp,
  useTestServer,
  whoAmI,
} from "../../tests/support/index.ts";

type Answer = { message: string; error: { message: string } };
const answer = async (response: Response) => (await response.json()) as Answer;

const server = useTestServer();

describe("first run, sign-up, sign-in and sign-out", () => {
  it("a new server asks for its first admin, and refuses sign-up until then", async () => {
    const state = await (await fetch(`${server.url}/api/setup`)).json();
    expect(state).toEqual({ needed: true });
    const early = await post(server.url, "/api/auth/sign-up/email", {
      email: "early@district.test",
      password: "early-password",
      name: "Early Bird",
    });
    expect(early.status).toBe(403);
    expect((await answer(early)).message).toBe(ACCOUNT_MESSAGES.setupNeeded);
  });

  it("the first-run page makes the admin, signed in, and is then closed", async () => {
    const cookie = await setUpServer(server.url);
    expect(await whoAmI(server.url, cookie)).toMatchObject({
      name: FIRST_ADMIN.name,
      email: FIRST_ADMIN.email,
    });
    expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needed: false });
    const again = await post(server.url, "/api/setup", { ...FIRST_ADMIN, email: "x@y.test" });
    expect(again.status).toBe(409);
    expect((await answer(again)).error.message).toBe(ACCOUNT_MESSAGES.setupDone);
  });

  it("signs up, signs in on another device, and signs out", async () => {
    const first = await signUp(server.url, "bo@district.test", "bo-password-1", "Bo Member");
    const account = await whoAmI(server.url, first);
    expect(account).toMatchObject({ name: "Bo Member", email: "bo@district.test" });

    const second = await signIn(server.url, "bo@district.test", "bo-password-1");
    expect(await whoAmI(server.url, second)).toEqual(account);
    // accountOf, as HTTP routes and the WebSocket upgrade call it, reads the same cookie.
    expect(await server.accounts.accountOf({ cookie: second })).toEqual(account);

    const out = await post(server.url, "/api/auth/sign-out", {}, second);
    expect(out.status).toBe(200);
    expect(await whoAmI(server.url, second)).toBeNull();
    expect(await whoAmI(server.url, first)).toEqual(account);
  });

  it("session cookies are HttpOnly and SameSite=Lax, and not Secure over plain http", async () => {
    const response = await signInResponse(server.url, FIRST_ADMIN.email, FIRST_ADMIN.password);
    const session = response.headers.getSetCookie().find((c) => c.includes("session_token="));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/Secure/i);
  });

  it("a wrong password and an unknown email get the same answer", async () => {
    const wrong = await signInResponse(server.url, FIRST_ADMIN.email, "not-the-password");
    const unknown = await signInResponse(server.url, "nobody@district.test", "not-the-password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await answer(wrong), await answer(unknown)];
    expect(a.message).toBe("Wrong email or password.");
    expect(b).toEqual(a);
  });

  it("a visitor without a cookie is nobody, and link-only routes still work", async () => {
    expect(await whoAmI(server.url, "")).toBeNull();
    const created = await fetch(`${server.url}/api/models`, { method: "POST" });
    expect(created.status).toBe(201);
  });
});
