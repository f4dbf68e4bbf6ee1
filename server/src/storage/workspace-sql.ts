import type { InvitationStatus, WorkspaceKind, WorkspaceRole } from "@logic-canvas/shared";
import { type ModelRow, toModel } from "./rows.ts";
import type {
  InvitationRecord,
  MembershipRecord,
  ModelInWorkspace,
  WorkspacePatch,
  WorkspaceRecord,
  WorkspaceStore,
} from "./workspace-types.ts";

/**
 * Workspaces, memberships and invitations, in SQL both stores run as written (placeholders are
 * `?`; the PostgreSQL runner numbers them). Booleans are INTEGER 0/1 in both, times ISO TEXT.
 */
export const WORKSPACE_SCHEMA = `
CREATE TABLE IF NOT EXISTS workspaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent_id TEXT,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS workspaces_parent ON workspaces (parent_id);
CREATE TABLE IF NOT EXISTS memberships (
  workspace_id TEXT NOT NULL,
  account_id TEXT NOT NULL,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, account_id)
);
CREATE INDEX IF NOT EXISTS memberships_account ON memberships (account_id);
CREATE TABLE IF NOT EXISTS invitations (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  email TEXT,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  token TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  invited_by TEXT NOT NULL,
  answered_at TEXT,
  answered_by TEXT,
  emailed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS invitations_workspace ON invitations (workspace_id);
`;

/** `models.workspace_id`, added to a database made before workspaces (null: no workspace). */
export const MODEL_WORKSPACE_COLUMN = { name: "workspace_id", type: "TEXT" } as const;
export const MODEL_WORKSPACE_INDEX =
  "CREATE INDEX IF NOT EXISTS models_workspace ON models (workspace_id);";

/** What each store gives the shared implementation: statements with `?` placeholders. */
export interface SqlRunner {
  all<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
  /** Resolves with the number of rows changed. */
  run(sql: string, params: readonly unknown[]): Promise<number>;
}

interface WorkspaceRow {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  archived: number;
  created_at: string;
}
interface MembershipRow {
  workspace_id: string;
  account_id: string;
  role: string;
  name: string;
  email: string;
  created_at: string;
}
interface InvitationRow {
  id: string;
  workspace_id: string;
  email: string | null;
  role: string;
  token_hash: string;
  token: string;
  status: string;
  created_at: string;
  expires_at: string;
  invited_by: string;
  answered_at: string | null;
  answered_by: string | null;
  emailed: number;
}

const toWorkspace = (r: WorkspaceRow): WorkspaceRecord => ({
  id: r.id,
  name: r.name,
  kind: r.kind as WorkspaceKind,
  parentId: r.parent_id,
  archived: Number(r.archived) === 1,
  createdAt: r.created_at,
});
const toMembership = (r: MembershipRow): MembershipRecord => ({
  workspaceId: r.workspace_id,
  accountId: r.account_id,
  role: r.role as WorkspaceRole,
  name: r.name,
  email: r.email,
  createdAt: r.created_at,
});
const toInvitation = (r: InvitationRow): InvitationRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  email: r.email,
  role: r.role as WorkspaceRole,
  tokenHash: r.token_hash,
  token: r.token,
  status: r.status as InvitationStatus,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  invitedBy: r.invited_by,
  answeredAt: r.answered_at,
  answeredBy: r.answered_by,
  emailed: Number(r.emailed) === 1,
});

// Ordered by time then id, the id compared bytewise in both stores (PostgreSQL's default
// collation would sort mixed case differently from SQLite).
const BY_TIME = (column: string) => `ORDER BY ${column}, id COLLATE "C"`;
const SQLITE_BY_TIME = (column: string) => `ORDER BY ${column}, id`;

/** The workspace contract over any runner. */
export class SqlWorkspaces implements WorkspaceStore {
  private readonly order: (column: string) => string;

  constructor(
    private readonly db: SqlRunner,
    dialect: "sqlite" | "postgres",
  ) {
    this.order = dialect === "postgres" ? BY_TIME : SQLITE_BY_TIME;
  }

  async createWorkspace(w: WorkspaceRecord): Promise<void> {
    await this.db.run(
      "INSERT INTO workspaces (id, name, kind, parent_id, archived, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      [w.id, w.name, w.kind, w.parentId, w.archived ? 1 : 0, w.createdAt],
    );
  }

  async getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    const rows = await this.db.all<WorkspaceRow>("SELECT * FROM workspaces WHERE id = ?", [id]);
    return rows[0] && toWorkspace(rows[0]);
  }

  async listWorkspaces(): Promise<WorkspaceRecord[]> {
    const rows = await this.db.all<WorkspaceRow>(
      `SELECT * FROM workspaces ${this.order("created_at")}`,
      [],
    );
    return rows.map(toWorkspace);
  }

  async updateWorkspace(id: string, patch: WorkspacePatch): Promise<WorkspaceRecord | undefined> {
    const changes: [string, unknown][] = [];
    if (patch.name !== undefined) changes.push(["name", patch.name]);
    if (patch.parentId !== undefined) changes.push(["parent_id", patch.parentId]);
    if (patch.archived !== undefined) changes.push(["archived", patch.archived ? 1 : 0]);
    if (changes.length > 0) {
      const sets = changes.map(([column]) => `${column} = ?`).join(", ");
      await this.db.run(`UPDATE workspaces SET ${sets} WHERE id = ?`, [
        ...changes.map(([, value]) => value),
        id,
      ]);
    }
    return this.getWorkspace(id);
  }

  async putMembership(m: MembershipRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO memberships (workspace_id, account_id, role, name, email, created_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (workspace_id, account_id)
       DO UPDATE SET role = excluded.role, name = excluded.name, email = excluded.email`,
      [m.workspaceId, m.accountId, m.role, m.name, m.email, m.createdAt],
    );
  }

  async removeMembership(workspaceId: string, accountId: string): Promise<boolean> {
    const changed = await this.db.run(
      "DELETE FROM memberships WHERE workspace_id = ? AND account_id = ?",
      [workspaceId, accountId],
    );
    return changed > 0;
  }

  async listMembers(workspaceId: string): Promise<MembershipRecord[]> {
    const rows = await this.db.all<MembershipRow>(
      "SELECT * FROM memberships WHERE workspace_id = ? ORDER BY created_at, account_id",
      [workspaceId],
    );
    return rows.map(toMembership);
  }

  async membershipsOf(accountId: string): Promise<MembershipRecord[]> {
    const rows = await this.db.all<MembershipRow>(
      "SELECT * FROM memberships WHERE account_id = ? ORDER BY created_at, workspace_id",
      [accountId],
    );
    return rows.map(toMembership);
  }

  async createInvitation(i: InvitationRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO invitations (id, workspace_id, email, role, token_hash, token, status,
         created_at, expires_at, invited_by, answered_at, answered_by, emailed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        i.id,
        i.workspaceId,
        i.email,
        i.role,
        i.tokenHash,
        i.token,
        i.status,
        i.createdAt,
        i.expiresAt,
        i.invitedBy,
        i.answeredAt,
        i.answeredBy,
        i.emailed ? 1 : 0,
      ],
    );
  }

  async findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined> {
    const rows = await this.db.all<InvitationRow>(
      "SELECT * FROM invitations WHERE token_hash = ?",
      [tokenHash],
    );
    return rows[0] && toInvitation(rows[0]);
  }

  async listInvitations(workspaceId: string): Promise<InvitationRecord[]> {
    const rows = await this.db.all<InvitationRow>(
      `SELECT * FROM invitations WHERE workspace_id = ? ${this.order("created_at")}`,
      [workspaceId],
    );
    return rows.map(toInvitation);
  }

  async answerInvitation(
    id: string,
    status: Exclude<InvitationStatus, "pending">,
    at: string,
    accountId: string,
  ): Promise<InvitationRecord | undefined> {
    // Only a pending invitation changes: two answers at once, one wins.
    const changed = await this.db.run(
      `UPDATE invitations SET status = ?, answered_at = ?, answered_by = ?
       WHERE id = ? AND status = 'pending'`,
      [status, at, accountId, id],
    );
    if (changed === 0) return undefined;
    const rows = await this.db.all<InvitationRow>("SELECT * FROM invitations WHERE id = ?", [id]);
    return rows[0] && toInvitation(rows[0]);
  }

  async setModelWorkspace(modelId: string, workspaceId: string | null): Promise<void> {
    await this.db.run("UPDATE models SET workspace_id = ? WHERE id = ?", [workspaceId, modelId]);
  }

  async listModelsIn(workspaceIds: readonly string[]): Promise<ModelInWorkspace[]> {
    if (workspaceIds.length === 0) return [];
    const marks = workspaceIds.map(() => "?").join(", ");
    const rows = await this.db.all<ModelRow>(
      `SELECT * FROM models WHERE workspace_id IN (${marks}) ${this.order("created_at")}`,
      workspaceIds,
    );
    return rows.map(toModel);
  }
}
