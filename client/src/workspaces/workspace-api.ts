import type {
  InvitationPreview,
  InvitationView,
  MembersAnswer,
  WorkspaceKind,
  WorkspaceModel,
  WorkspaceRole,
  WorkspaceView,
} from "@logic-canvas/shared";
import type { CreatedModel } from "../app/api.ts";
import { requestJson } from "../app/json-api.ts";

/** The workspace routes as the pages call them; the session cookie says who is asking. */

const ws = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;

export async function listWorkspaces(): Promise<WorkspaceView[]> {
  return (await requestJson<{ workspaces: WorkspaceView[] }>("/api/workspaces")).workspaces;
}

export function createWorkspace(body: {
  name: string;
  kind: WorkspaceKind;
  parentId: string | null;
}): Promise<WorkspaceView> {
  return requestJson("/api/workspaces", { method: "POST", body });
}

export function changeWorkspace(
  id: string,
  body: { name?: string; parentId?: string; archived?: boolean },
): Promise<WorkspaceView> {
  return requestJson(ws(id), { method: "PATCH", body });
}

export async function workspaceModels(id: string): Promise<WorkspaceModel[]> {
  return (await requestJson<{ models: WorkspaceModel[] }>(`${ws(id)}/models`)).models;
}

export function createModelIn(id: string, body?: unknown): Promise<CreatedModel> {
  return requestJson(`${ws(id)}/models`, { method: "POST", body: body ?? {} });
}

export function listMembers(id: string): Promise<MembersAnswer> {
  return requestJson(`${ws(id)}/members`);
}

export function changeMemberRole(id: string, accountId: string, role: WorkspaceRole) {
  return requestJson(`${ws(id)}/members/${encodeURIComponent(accountId)}`, {
    method: "PATCH",
    body: { role },
  });
}

export async function removeMember(id: string, accountId: string): Promise<void> {
  await requestJson(`${ws(id)}/members/${encodeURIComponent(accountId)}`, { method: "DELETE" });
}

export function invite(
  id: string,
  body: { role: WorkspaceRole; email?: string },
): Promise<InvitationView> {
  return requestJson(`${ws(id)}/invitations`, { method: "POST", body });
}

export function previewInvitation(token: string): Promise<InvitationPreview> {
  return requestJson("/api/invitations/preview", { method: "POST", body: { token } });
}

export function answerInvitation(
  token: string,
  answer: "accept" | "decline",
): Promise<{ workspaceId?: string }> {
  return requestJson(`/api/invitations/${answer}`, { method: "POST", body: { token } });
}
