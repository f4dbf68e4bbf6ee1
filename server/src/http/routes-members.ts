import {
  INVITATION_DAYS,
  type InvitationView,
  memberPatchSchema,
  newInvitationSchema,
  WORKSPACE_KIND_LABELS,
  WORKSPACE_LIMITS,
  type WorkspaceRole,
} from "@logic-canvas/shared";
import { z } from "zod";
import { hashToken, newToken, newWorkspaceId } from "../access/tokens.ts";
import type { InvitationRecord, WorkspaceRecord } from "../storage/workspace-types.ts";
import type { ApiDeps, RouteKit } from "./api.ts";
import { ApiError, notFound } from "./respond.ts";
import { accountIdOf, signedIn, workspaceCall } from "./workspace-kit.ts";

/** The accept page's address; the token rides in the fragment, which never reaches a server. */
export const invitationUrl = (base: string, token: string) => `${base}/invite#token=${token}`;

const tokenBody = z.strictObject({ token: z.string().min(16).max(200) });

function invitationView(deps: ApiDeps, i: InvitationRecord): InvitationView {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    status: i.status,
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    url: i.status === "pending" ? invitationUrl(deps.publicUrl(), i.token) : null,
    emailed: i.emailed,
  };
}

/** Members of a workspace: list, change a role, remove; invite by link or email. */
export function memberRoutes(kit: RouteKit): void {
  const { app, deps } = kit;

  app.get("/api/workspaces/:wid/members", async (request) => {
    const { viewer, workspace } = await workspaceCall(deps, request, "see");
    const canManage = viewer.manages(workspace.id);
    const members = await deps.store.workspaces.listMembers(workspace.id);
    const invitations = canManage ? await deps.store.workspaces.listInvitations(workspace.id) : [];
    return {
      members: members.map((m) => ({
        accountId: m.accountId,
        name: m.name,
        email: m.email,
        role: m.role,
        since: m.createdAt,
      })),
      invitations: invitations.map((i) => invitationView(deps, i)),
      canManage,
    };
  });

  app.patch(
    "/api/workspaces/:wid/members/:accountId",
    { schema: { body: memberPatchSchema } },
    async (request) => {
      const { workspace } = await workspaceCall(deps, request, "manage");
      const accountId = accountIdOf(request.params);
      const member = await memberOf(deps, workspace, accountId);
      if (member.role === "admin" && request.body.role !== "admin")
        await keepAnAdmin(deps, workspace, accountId);
      await deps.store.workspaces.putMembership({ ...member, role: request.body.role });
      deps.accessChanged(accountId);
      return { accountId, role: request.body.role };
    },
  );

  app.delete("/api/workspaces/:wid/members/:accountId", async (request, reply) => {
    const accountId = accountIdOf(request.params);
    const self = (await signedIn(deps, request)).id === accountId;
    // Anyone may leave; removing someone else is an admin's.
    const { workspace } = await workspaceCall(deps, request, self ? "see" : "manage");
    const member = await memberOf(deps, workspace, accountId);
    if (member.role === "admin") await keepAnAdmin(deps, workspace, accountId);
    await deps.store.workspaces.removeMembership(workspace.id, accountId);
    deps.accessChanged(accountId);
    return reply.code(204).send();
  });

  invitationRoutes(kit);
}

async function memberOf(deps: ApiDeps, workspace: WorkspaceRecord, accountId: string) {
  const members = await deps.store.workspaces.listMembers(workspace.id);
  const member = members.find((m) => m.accountId === accountId);
  if (!member) throw notFound("This workspace has no such member.");
  return member;
}

/** A district always keeps an admin (below it, the district's admins manage everything). */
async function keepAnAdmin(deps: ApiDeps, workspace: WorkspaceRecord, leaving: string) {
  if (workspace.parentId !== null) return;
  const admins = (await deps.store.workspaces.listMembers(workspace.id)).filter(
    (m) => m.role === "admin" && m.accountId !== leaving,
  );
  if (admins.length === 0)
    throw new ApiError(
      409,
      "last-admin",
      `“${workspace.name}” needs at least one admin: make someone else admin first.`,
    );
}

/** Refuses an invitation past `WORKSPACE_LIMITS.pendingInvitationsPerWorkspace` waiting ones. */
async function checkPendingRoom(deps: ApiDeps, workspace: WorkspaceRecord): Promise<void> {
  const most = WORKSPACE_LIMITS.pendingInvitationsPerWorkspace;
  const now = Date.now();
  const pending = (await deps.store.workspaces.listInvitations(workspace.id)).filter(
    (i) => i.status === "pending" && Date.parse(i.expiresAt) > now,
  ).length;
  if (pending >= most)
    throw new ApiError(
      409,
      "too-many-invitations",
      `“${workspace.name}” has ${pending} invitations waiting for an answer, its most: wait for answers or let some expire.`,
    );
}

/** Inviting (admins); answering is `answerRoutes`. */
function invitationRoutes(kit: RouteKit): void {
  const { app, deps } = kit;

  app.post(
    "/api/workspaces/:wid/invitations",
    { schema: { body: newInvitationSchema } },
    async (request, reply) => {
      const { viewer, workspace } = await workspaceCall(deps, request, "manage");
      await checkPendingRoom(deps, workspace);
      const token = newToken();
      const now = new Date();
      const email = request.body.email ?? null;
      const invitation: InvitationRecord = {
        id: newWorkspaceId(),
        workspaceId: workspace.id,
        email,
        role: request.body.role,
        tokenHash: hashToken(token),
        token,
        status: "pending",
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
        invitedBy: viewer.account.id,
        answeredAt: null,
        answeredBy: null,
        emailed: false,
      };
      // Without SMTP every invitation is a link the inviter copies.
      if (email && deps.sendInvitation) {
        invitation.emailed = await deps.sendInvitation({
          to: email,
          url: invitationUrl(deps.publicUrl(), token),
          workspaceName: workspace.name,
          role: invitation.role,
          invitedBy: viewer.account.name,
        });
      }
      await deps.store.workspaces.createInvitation(invitation);
      return reply.code(201).send(invitationView(deps, invitation));
    },
  );
  answerRoutes(kit);
}

/** Answering an invitation: whoever holds its link previews it, and signed in accepts or declines. */
function answerRoutes(kit: RouteKit): void {
  const { app, deps } = kit;

  app.post("/api/invitations/preview", { schema: { body: tokenBody } }, async (request) => {
    const { invitation, workspace } = await invitationOf(deps, request.body.token);
    return {
      workspaceName: workspace.name,
      workspaceKind: workspace.kind,
      role: invitation.role,
      status: invitation.status,
      expired: Date.parse(invitation.expiresAt) <= Date.now(),
    };
  });

  app.post("/api/invitations/accept", { schema: { body: tokenBody } }, async (request) => {
    const account = await signedIn(deps, request);
    const { invitation, workspace } = await usableInvitation(deps, request.body.token);
    const now = new Date().toISOString();
    const answered = await deps.store.workspaces.answerInvitation(
      invitation.id,
      "accepted",
      now,
      account.id,
    );
    if (!answered) throw answeredAlready();
    const current = (await deps.store.workspaces.membershipsOf(account.id)).find(
      (m) => m.workspaceId === workspace.id,
    );
    // Accepting never lowers a role the person already has there.
    const role = higherWorkspaceRole(current?.role ?? null, invitation.role);
    await deps.store.workspaces.putMembership({
      workspaceId: workspace.id,
      accountId: account.id,
      role,
      name: account.name,
      email: account.email,
      createdAt: current?.createdAt ?? now,
    });
    return { workspaceId: workspace.id, role };
  });

  app.post("/api/invitations/decline", { schema: { body: tokenBody } }, async (request) => {
    const account = await signedIn(deps, request);
    const { invitation } = await usableInvitation(deps, request.body.token);
    const now = new Date().toISOString();
    const answered = await deps.store.workspaces.answerInvitation(
      invitation.id,
      "declined",
      now,
      account.id,
    );
    if (!answered) throw answeredAlready();
    return { status: "declined" };
  });
}

const answeredAlready = () =>
  new ApiError(409, "invitation-answered", "This invitation was already answered.");

function higherWorkspaceRole(a: WorkspaceRole | null, b: WorkspaceRole): WorkspaceRole {
  const order: WorkspaceRole[] = ["guest", "member", "admin"];
  return a !== null && order.indexOf(a) > order.indexOf(b) ? a : b;
}

async function invitationOf(deps: ApiDeps, token: string) {
  const invitation = await deps.store.workspaces.findInvitationByTokenHash(hashToken(token));
  const workspace =
    invitation && (await deps.store.workspaces.getWorkspace(invitation.workspaceId));
  if (!invitation || !workspace) throw notFound("This invitation link is not valid.");
  return { invitation, workspace };
}

async function usableInvitation(deps: ApiDeps, token: string) {
  const found = await invitationOf(deps, token);
  if (found.invitation.status !== "pending") throw answeredAlready();
  if (Date.parse(found.invitation.expiresAt) <= Date.now())
    throw new ApiError(
      410,
      "invitation-expired",
      `This invitation to the ${WORKSPACE_KIND_LABELS[found.workspace.kind].toLowerCase()} “${found.workspace.name}” has expired; ask its admin for a new one.`,
    );
  return found;
}
