/**
 * The storage contract for workspaces, their members and invitations, and which workspace a
 * model belongs to. Both stores implement it in a module of its own (`store.workspaces`);
 * `test/workspace-storage-contract.ts` holds the tests both must pass.
 */

import type { InvitationStatus, WorkspaceNode, WorkspaceRole } from "@logic-canvas/shared";

export interface WorkspaceRecord extends WorkspaceNode {
  createdAt: string;
}

export interface MembershipRecord {
  workspaceId: string;
  accountId: string;
  role: WorkspaceRole;
  /** The account's name and email when it joined or last changed, for the members list. */
  name: string;
  email: string;
  createdAt: string;
}

export interface InvitationRecord {
  id: string;
  workspaceId: string;
  /** Whom it was emailed to; null for an invitation handed over as a link. */
  email: string | null;
  role: WorkspaceRole;
  tokenHash: string;
  /** Kept so that an admin can copy a pending invitation's link again (as share links are). */
  token: string;
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
  invitedBy: string;
  answeredAt: string | null;
  answeredBy: string | null;
  emailed: boolean;
}

/** A model as the workspace lists read it (the columns of `models`). */
export interface ModelInWorkspace {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  workspaceId?: string | null;
}

export interface WorkspacePatch {
  name?: string;
  parentId?: string | null;
  archived?: boolean;
}

export interface WorkspaceStore {
  createWorkspace(workspace: WorkspaceRecord): Promise<void>;
  getWorkspace(id: string): Promise<WorkspaceRecord | undefined>;
  /** Every workspace (a district's tree is hundreds of rows at most), oldest first. */
  listWorkspaces(): Promise<WorkspaceRecord[]>;
  updateWorkspace(id: string, patch: WorkspacePatch): Promise<WorkspaceRecord | undefined>;

  /** Adds the membership, or replaces the role (and name, email) of an existing one. */
  putMembership(membership: MembershipRecord): Promise<void>;
  removeMembership(workspaceId: string, accountId: string): Promise<boolean>;
  listMembers(workspaceId: string): Promise<MembershipRecord[]>;
  membershipsOf(accountId: string): Promise<MembershipRecord[]>;

  createInvitation(invitation: InvitationRecord): Promise<void>;
  findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined>;
  listInvitations(workspaceId: string): Promise<InvitationRecord[]>;
  /** Answers a pending invitation; undefined when it is not pending (already answered). */
  answerInvitation(
    id: string,
    status: Exclude<InvitationStatus, "pending">,
    at: string,
    accountId: string,
  ): Promise<InvitationRecord | undefined>;

  /** Which workspace the model belongs to (null: none, as models made without an account). */
  setModelWorkspace(modelId: string, workspaceId: string | null): Promise<void>;
  /** The models of these workspaces, oldest first. */
  listModelsIn(workspaceIds: readonly string[]): Promise<ModelInWorkspace[]>;
}
