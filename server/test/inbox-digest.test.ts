/**
 * Email digests of the inbox (issue 18), sent to a real SMTP server the test starts: a signed-in
 * person who chose a daily digest gets their unread items with links and an unsubscribe link;
 * someone who opted out gets nothing; the link works without signing in, and a forged one is
 * refused in words.
 */
import { type Account, type DigestSettingsResponse, startThread } from "@logic-canvas/shared";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type Client,
  connect,
  setUpServer,
  signUp,
  startTestServer,
  synced,
  type TestServer,
  whoAmI,
} from "../../tests/support/index.ts";
import { startMailbox } from "../../tests/support/mailbox.ts";
import { call, createModelIn, myWorkspaces } from "../../tests/support/workspaces.ts";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let server: TestServer;
let admin: string;

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startTestServer({
    accounts: { smtpUrl: mailbox.url, mailFrom: "Logic Canvas <canvas@district.test>" },
  });
  admin = await setUpServer(server.url);
});
afterAll(async () => {
  await server?.stop();
  await mailbox?.close();
});

const HOUR_MS = 60 * 60 * 1000;

async function chooseDigest(cookie: string, digest: string): Promise<Response> {
  return call(server.url, "/api/inbox/settings", { method: "PUT", cookie, body: { digest } });
}

async function unreadOf(cookie: string): Promise<number> {
  const response = await call(server.url, "/api/inbox", { cookie });
  return ((await response.json()) as { unread: number }).unread;
}

async function eventually(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

it("a daily digest reaches who chose it, not who opted out, and unsubscribes without sign-in", async () => {
  const dee = await signUp(server.url, "dee@district.test", "dee-password-long", "Dee Daily");
  const eve = await signUp(server.url, "eve@district.test", "eve-password-long", "Eve Optout");
  expect((await chooseDigest(dee, "daily")).status).toBe(200);
  expect((await chooseDigest(eve, "weekly")).status).toBe(200);
  const off = (await (await chooseDigest(eve, "off")).json()) as DigestSettingsResponse;
  expect(off).toEqual({ digest: "off", mailEnabled: true, email: "eve@district.test" });
  const refused = await chooseDigest(dee, "hourly");
  expect(refused.status).toBe(400);
  expect(await refused.text()).toMatch(/must be off, daily or weekly/);

  // Ada writes on a model of her district, naming both; they are present on it, signed in.
  const [district] = await myWorkspaces(server.url, admin);
  const model = await createModelIn(server.url, admin, district?.id as string, {
    title: "Reading plan",
  });
  const token = model.tokens.commenter;
  const clients: Client[] = [admin, dee, eve].map((cookie) =>
    connect(server, `${model.id}/review`, token, undefined, cookie),
  );
  await Promise.all(clients.map(synced));
  const ada = (await whoAmI(server.url, admin)) as Account;
  startThread(
    (clients[0] as Client).doc,
    {
      anchor: { kind: "model" },
      type: "idea",
      text: "@Dee Daily and @Eve Optout: shall we add a spring check-in?",
      author: { id: ada.id, name: ada.name, role: "owner" },
    },
    "local",
  );
  await eventually(
    async () => (await unreadOf(dee)) === 1 && (await unreadOf(eve)) === 1,
    "both mentions",
  );

  // A day later the digests are due: Dee's goes out, Eve (off) gets nothing.
  const sent = await server.digests.runOnce(new Date(Date.now() + 25 * HOUR_MS));
  expect(sent).toEqual(["dee@district.test"]);
  const mail = await mailbox.mailTo(
    "dee@district.test",
    /Ada Admin mentioned you in “Reading plan”: @Dee Daily and @Eve Optout/,
  );
  expect(mail.text).toMatch(/Subject: Logic Canvas: 1 unread notification/);
  expect(mail.text).toContain(`${server.publicUrl}/m/${model.id}`);
  expect(mail.text).toMatch(/List-Unsubscribe:\s+<http:\/\/\S+\/unsubscribe#token=/);
  expect(mailbox.received.filter((m) => m.to.includes("eve@district.test"))).toEqual([]);
  // Sent once per period, whichever process asks again.
  expect(await server.digests.runOnce(new Date(Date.now() + 26 * HOUR_MS))).toEqual([]);

  const link = /To stop these emails[^\n]*\n(http:\/\/\S+)/.exec(mail.text)?.[1] as string;
  expect(link, mail.text).toBeDefined();
  const unsubscribeToken = decodeURIComponent(new URL(link).hash.replace(/^#token=/, ""));

  // A forged token (another person's id with Dee's signature) is refused in words.
  const [, signature] = unsubscribeToken.split(".");
  const forged = `${Buffer.from(ada.id).toString("base64url")}.${signature}`;
  const refusedLink = await call(server.url, "/api/inbox/unsubscribe", {
    method: "POST",
    body: { token: forged },
  });
  expect(refusedLink.status).toBe(400);
  expect(await refusedLink.text()).toMatch(
    /This unsubscribe link is not valid.*Nothing was changed/,
  );

  // Dee's own link, with no cookie at all, stops the digest and says so.
  const done = await call(server.url, "/api/inbox/unsubscribe", {
    method: "POST",
    body: { token: unsubscribeToken },
  });
  expect(done.status).toBe(200);
  expect(((await done.json()) as { message: string }).message).toMatch(
    /Unsubscribed: no more digest emails will be sent to dee@district\.test/,
  );
  const settings = await call(server.url, "/api/inbox/settings", { cookie: dee });
  expect(((await settings.json()) as DigestSettingsResponse).digest).toBe("off");

  // A week on, with more unread: nothing for anyone who opted out.
  startThread(
    (clients[0] as Client).doc,
    {
      anchor: { kind: "model" },
      type: "idea",
      text: "@Dee Daily again",
      author: { id: ada.id, name: ada.name, role: "owner" },
    },
    "local",
  );
  await eventually(async () => (await unreadOf(dee)) === 2, "Dee's second mention");
  const before = mailbox.received.length;
  expect(await server.digests.runOnce(new Date(Date.now() + 8 * 24 * HOUR_MS))).toEqual([]);
  expect(mailbox.received.length).toBe(before);
  for (const c of clients) c.destroy();
});

it("without a sign-in there is no digest to choose, and the inbox settings say so in words", async () => {
  const response = await call(server.url, "/api/inbox/settings", {
    method: "PUT",
    body: { digest: "daily" },
  });
  expect(response.status).toBe(401);
  expect(await response.text()).toMatch(/Email digests go to an account's address: sign in/);
});
