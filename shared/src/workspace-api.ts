import { z } from "zod";
import type { GoalStatusName } from "./progress.ts";
import type { Role } from "./roles.ts";
import {
  type WorkspaceKind,
  type WorkspaceNode,
  type WorkspaceRole,
  workspaceKindSchema,
  workspaceNameSchema,
  workspaceRoleSchema,
} from "./workspaces.ts";

/**
 * What the workspace routes take and answer: the bodies as zod schemas (the server's route
 * schemas) and the answers as types (what the pages read).
 */

/** Workspace ids are made by the server: 16 letters and digits. */
export const WORKSPACE_ID_PATTERN = /^[0-9A-Za-z]{16}$/;
const workspaceIdSchema = z.string().regex(WORKSPACE_ID_PATTERN, { error: "not a workspace id" });

export const newWorkspaceSchema = z.strictObject({
  name: workspaceNameSchema,
  kind: workspaceKindSchema,
  /** Null (or absent) for a district, the top of a tree. */
  parentId: workspaceIdSchema.nullable().optional(),
});

export const workspacePatchSchema = z
  .strictObject({
    name: workspaceNameSchema.optional(),
    parentId: workspaceIdSchema.optional(),
    archived: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, {
    error: "say what to change: name, parentId or archived",
  });

export const memberPatchSchema = z.strictObject({ role: workspaceRoleSchema });

export const INVITATION_STATUSES = ["pending", "accepted", "declined"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
/** How long an invitation stays usable. */
export const INVITATION_DAYS = 14;

export const newInvitationSchema = z.strictObject({
  role: workspaceRoleSchema,
  email: z.email({ error: "not an email address" }).max(254).optional(),
});

/**
 * Who may create models: anyone (the default of a plain local start, as before accounts), or
 * signed-in members of a workspace only (what a district deploys). `MODEL_CREATION` sets it.
 */
export const MODEL_CREATION_POLICIES = ["anyone", "members"] as const;
export type ModelCreationPolicy = (typeof MODEL_CREATION_POLICIES)[number];

/** A workspace as listed for one person, with their own role in it (null: seen as an admin above). */
export interface WorkspaceView extends WorkspaceNode {
  myRole: WorkspaceRole | null;
  /** Whether the caller administers it (an admin of it or of a workspace above). */
  canManage: boolean;
}

export interface WorkspaceTreeAnswer {
  workspaces: WorkspaceView[];
}

/** One model in a workspace's list, with its goals counted by status. */
export interface WorkspaceModel {
  id: string;
  title: string;
  workspaceId: string;
  workspaceName: string;
  workspaceKind: WorkspaceKind;
  updatedAt: string;
  /** The caller's effective role on it. */
  role: Role;
  counts: Record<GoalStatusName, number>;
  stale: number;
}

export interface WorkspaceModelsAnswer {
  models: WorkspaceModel[];
}

export interface MemberView {
  accountId: string;
  name: string;
  email: string;
  role: WorkspaceRole;
  since: string;
}

export interface InvitationView {
  id: string;
  email: string | null;
  role: WorkspaceRole;
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
  /** The link to hand over; present to admins of the workspace. */
  url: string | null;
  /** Whether the server emailed it. */
  emailed: boolean;
}

export interface MembersAnswer {
  members: MemberView[];
  invitations: InvitationView[];
  canManage: boolean;
}

/** What the accept page shows before the person decides. */
export interface InvitationPreview {
  workspaceName: string;
  workspaceKind: WorkspaceKind;
  role: WorkspaceRole;
  status: InvitationStatus;
  expired: boolean;
}
