import { afterAll, beforeAll, expect, it } from "vitest";
import {
  post,
  setUpServer,
  signIn,
  signInResponse,
  signUp,
  startTestServer,
  type TestServer,
  whoAmI,
} from "../../tests/support/index.ts";
import { startMailbox } from "../../tests/support/mailbox.ts";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let server: TestServer;

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startTestServer({
    accounts: { smtpUrl: mailbox.url, mailFrom: "Logic Canvas <canvas@district.test>" },
  });
  await setUpServer(server.url);
});
afterAll(async () => {
  await server?.stop();
  await mailbox?.close();
});

const linkIn = (text: string) => /(http:\/\/\S+\/api\/auth\/reset-password\/\S+)/.exec(text)?.[1];

it("resets a forgotten password by email, end to end", async () => {
  const old = await signUp(server.url, "fay@district.test", "old-password-1", "Fay");
  const options = await (await fetch(`${server.url}/api/accounts/options`)).json();
  expect(options).toMatchObject({ passwordReset: true, invitationsByEmail: true });

  const asked = await post(server.url, "/api/auth/request-password-reset", {
    email: "fay@district.test",
    redirectTo: "/account/reset",
  });
  expect(asked.status).toBe(200);
  const mail = await mailbox.mailTo("fay@district.test", /Reset your Logic Canvas password/);
  const link = linkIn(mail.text);
  expect(link).toBeDefined();

  // The link opens the Reset page with the token, as a browser following it would.
  const opened = await fetch(link as string, { redirect: "manual" });
  expect(opened.status).toBe(302);
  const page = new URL(opened.headers.get("location") as string, server.url);
  expect(page.pathname).toBe("/account/reset");
  const token = page.searchParams.get("token");

  const reset = await post(server.url, "/api/auth/reset-password", {
    token,
    newPassword: "new-password-2",
  });
  expect(reset.status).toBe(200);
  expect((await signInResponse(server.url, "fay@district.test", "old-password-1")).status).toBe(
    401,
  );
  const fresh = await signIn(server.url, "fay@district.test", "new-password-2");
  expect(await whoAmI(server.url, fresh)).toMatchObject({ email: "fay@district.test" });
  // Resetting ends the sessions the old password had opened.
  expect(await whoAmI(server.url, old)).toBeNull();
  // The link works once.
  const again = await post(server.url, "/api/auth/reset-password", {
    token,
    newPassword: "x-password-3",
  });
  expect(again.status).toBe(400);
});

it("a reset asked for an unknown email answers the same and sends nothing", async () => {
  const asked = await post(server.url, "/api/auth/request-password-reset", {
    email: "nobody@district.test",
    redirectTo: "/account/reset",
  });
  expect(asked.status).toBe(200);
  await new Promise((r) => setTimeout(r, 500));
  expect(mailbox.received.some((m) => m.to.includes("nobody@district.test"))).toBe(false);
});

it("mails a sign-in notice, and an invitation through the mailer", async () => {
  await signIn(server.url, "fay@district.test", "new-password-2");
  const notice = await mailbox.mailTo(
    "fay@district.test",
    /New sign-in to your Logic Canvas account/,
  );
  expect(notice.text).toContain("127.0.0.1");
  const sent = await server.accounts.mailer.sendInvitation(
    "gus@district.test",
    `${server.url}/invite/abc`,
    "Ada Admin",
    "Lincoln Elementary",
  );
  expect(sent).toBe(true);
  const invitation = await mailbox.mailTo("gus@district.test", /Ada Admin invited you to Lincoln/);
  expect(invitation.text).toContain(`${server.url}/invite/abc`);
});

it("without SMTP no mail is offered: reset is off and invitations are links to copy", async () => {
  const plain = await startTestServer();
  try {
    const options = await (await fetch(`${plain.url}/api/accounts/options`)).json();
    expect(options).toEqual({ sso: null, passwordReset: false, invitationsByEmail: false });
    expect(await plain.accounts.mailer.sendInvitation("a@b.test", "http://x/y", "A", "B")).toBe(
      false,
    );
  } finally {
    await plain.stop();
  }
});
