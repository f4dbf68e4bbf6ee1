/** Invitations by email through the HTTP route, delivered by a real SMTP server the test starts. */
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  setUpServer,
  signUp,
  startTestServer,
  type TestServer,
} from "../../tests/support/index.ts";
import { startMailbox } from "../../tests/support/mailbox.ts";
import {
  call,
  createWorkspace,
  type ListedWorkspace,
  myWorkspaces,
} from "../../tests/support/workspaces.ts";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let server: TestServer;
let admin: string;
let school: ListedWorkspace;

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startTestServer({
    accounts: { smtpUrl: mailbox.url, mailFrom: "Logic Canvas <canvas@district.test>" },
  });
  admin = await setUpServer(server.url);
  const [district] = await myWorkspaces(server.url, admin);
  school = await createWorkspace(server.url, admin, {
    name: "Lincoln Elementary",
    kind: "school",
    parentId: district?.id ?? null,
  });
});
afterAll(async () => {
  await server?.stop();
  await mailbox?.close();
});

/** The admin invites `email` as a member of `workspace`; answers the route's reply. */
async function inviteByEmail(workspace: ListedWorkspace, email: string) {
  const response = await call(server.url, `/api/workspaces/${workspace.id}/invitations`, {
    method: "POST",
    cookie: admin,
    body: { role: "member", email },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { emailed: boolean; email: string | null };
}

/** The token of the invitation link in a mail, read as the accept page reads it (the fragment). */
function tokenInMail(text: string): string {
  const link = /(http:\/\/\S+\/invite#token=\S+)/.exec(text)?.[1];
  expect(link, `no invitation link in:\n${text}`).toBeDefined();
  return new URL(link as string).hash.replace(/^#token=/, "");
}

async function membersOf(workspace: ListedWorkspace) {
  const response = await call(server.url, `/api/workspaces/${workspace.id}/members`, {
    cookie: admin,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { members: { email: string; role: string }[] };
}

it("an emailed invitation arrives with its link; the invitee signs up, accepts and is a member", async () => {
  const made = await inviteByEmail(school, "new@district.test");
  expect(made).toMatchObject({ email: "new@district.test", emailed: true });

  const mail = await mailbox.mailTo(
    "new@district.test",
    /Ada Admin invited you to Lincoln Elementary/,
  );
  const token = tokenInMail(mail.text);

  const invitee = await signUp(server.url, "new@district.test", "new-member-password", "Nia New");
  const accepted = await call(server.url, "/api/invitations/accept", {
    method: "POST",
    cookie: invitee,
    body: { token },
  });
  expect(accepted.status).toBe(200);

  const listed = await myWorkspaces(server.url, invitee);
  expect(listed).toContainEqual(
    expect.objectContaining({ id: school.id, name: "Lincoln Elementary", myRole: "member" }),
  );
  expect((await membersOf(school)).members).toContainEqual(
    expect.objectContaining({ email: "new@district.test", role: "member" }),
  );
});

it("declining an emailed invitation leaves the invitee out of the workspace", async () => {
  const other = await createWorkspace(server.url, admin, {
    name: "Washington High",
    kind: "school",
    parentId: school.parentId,
  });
  expect((await inviteByEmail(other, "dee@district.test")).emailed).toBe(true);
  const mail = await mailbox.mailTo("dee@district.test", /Ada Admin invited you to Washington/);
  const token = tokenInMail(mail.text);

  const invitee = await signUp(server.url, "dee@district.test", "declining-password", "Dee Dee");
  const declined = await call(server.url, "/api/invitations/decline", {
    method: "POST",
    cookie: invitee,
    body: { token },
  });
  expect(declined.status).toBe(200);

  expect((await myWorkspaces(server.url, invitee)).map((w) => w.id)).not.toContain(other.id);
  expect((await membersOf(other)).members.map((m) => m.email)).not.toContain("dee@district.test");
  // The link is spent: it cannot be accepted afterwards.
  const late = await call(server.url, "/api/invitations/accept", {
    method: "POST",
    cookie: invitee,
    body: { token },
  });
  expect(late.status).toBe(409);
});
