import { describe, expect, it } from "vitest";
import {
  post,
  setUpServer,
  signIn,
  signInResponse,
  signUp,
  useTestServer,
  whoAmI,
} from "../../tests/support/index.ts";

const server = useTestServer({
  accounts: { limits: { signInsPerAddress: 1_000, failedSignInsPerAccount: 3 } },
});

type SessionRow = { token: string; userAgent: string | null };

const listSessions = async (cookie: string) =>
  (await (
    await fetch(`${server.url}/api/auth/list-sessions`, { headers: { Cookie: cookie } })
  ).json()) as SessionRow[];

describe("sessions on several devices", () => {
  it("lists one's sessions and ends one on another device", async () => {
    await setUpServer(server.url);
    const laptop = await signUp(server.url, "di@district.test", "di-password-1", "Di");
    const phone = await signIn(server.url, "di@district.test", "di-password-1");
    const sessions = await listSessions(laptop);
    expect(sessions).toHaveLength(2);
    const phoneToken = decodeURIComponent(phone.split("=")[1] ?? "").split(".")[0];
    const other = sessions.find((s) => s.token === phoneToken);
    expect(other).toBeDefined();

    const ended = await post(
      server.url,
      "/api/auth/revoke-session",
      { token: other?.token },
      laptop,
    );
    expect(ended.status).toBe(200);
    expect(await whoAmI(server.url, phone)).toBeNull();
    expect(await whoAmI(server.url, laptop)).not.toBeNull();
    expect(await listSessions(laptop)).toHaveLength(1);
  });

  it("ends all other sessions at once", async () => {
    const a = await signIn(server.url, "di@district.test", "di-password-1");
    const b = await signIn(server.url, "di@district.test", "di-password-1");
    const out = await post(server.url, "/api/auth/revoke-other-sessions", {}, a);
    expect(out.status).toBe(200);
    expect(await whoAmI(server.url, b)).toBeNull();
    expect(await listSessions(a)).toHaveLength(1);
  });
});

describe("brute force", () => {
  it("after too many wrong passwords the account waits, even with the right one", async () => {
    await signUp(server.url, "ed@district.test", "ed-password-1", "Ed");
    for (let i = 0; i < 3; i++) {
      expect((await signInResponse(server.url, "ed@district.test", `guess-${i}`)).status).toBe(401);
    }
    const locked = await signInResponse(server.url, "ed@district.test", "ed-password-1");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await locked.json()) as { message: string }).message).toMatch(
      /^Too many sign-in attempts; try again in \d+ minutes\.$/,
    );
    // Another account from the same address is not affected.
    expect((await signInResponse(server.url, "di@district.test", "di-password-1")).status).toBe(
      200,
    );
  });

  it("an unknown email is limited like a known one, so the limit tells nothing", async () => {
    for (let i = 0; i < 3; i++) {
      expect((await signInResponse(server.url, "ghost@district.test", `g-${i}`)).status).toBe(401);
    }
    expect((await signInResponse(server.url, "ghost@district.test", "g")).status).toBe(429);
  });
});

describe("per address", () => {
  const tight = useTestServer({ accounts: { limits: { signInsPerAddress: 2 } } });
  it("one address gets a fixed number of sign-in attempts per window, whatever the accounts", async () => {
    expect((await signInResponse(tight.url, "a@x.test", "pw-aaaaaaa")).status).toBe(401);
    expect((await signInResponse(tight.url, "b@x.test", "pw-bbbbbbb")).status).toBe(401);
    expect((await signInResponse(tight.url, "c@x.test", "pw-ccccccc")).status).toBe(429);
  });
});
