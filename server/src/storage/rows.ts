import type { Role } from "@logic-canvas/shared";
import type { LinkRecord, ModelRecord } from "./types.ts";

/** Model and link rows as both stores return them (the same columns), mapped to records. */
export interface ModelRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
  workspace_id?: string | null;
}
export interface LinkRow {
  id: string;
  model_id: string;
  role: string;
  token_hash: string;
  token: string | null;
  label: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export const toModel = (row: ModelRow): ModelRecord => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  workspaceId: row.workspace_id ?? null,
});
export const toLink = (row: LinkRow): LinkRecord => ({
  id: row.id,
  modelId: row.model_id,
  role: row.role as Role,
  tokenHash: row.token_hash,
  token: row.token ?? null,
  label: row.label ?? null,
  createdAt: row.created_at,
  expiresAt: row.expires_at ?? null,
  revokedAt: row.revoked_at,
});

/** The columns of an inserted link, in `LINK_INSERT_COLUMNS` order. */
export const linkValues = (l: LinkRecord) => [
  l.id,
  l.modelId,
  l.role,
  l.tokenHash,
  l.token,
  l.label,
  l.createdAt,
  l.expiresAt,
  l.revokedAt,
];
export const LINK_INSERT_COLUMNS =
  "id, model_id, role, token_hash, token, label, created_at, expires_at, revoked_at";
