import type { Role } from "@logic-canvas/shared";
import type { LinkRecord, ModelRecord } from "./types.ts";

/** Model and link rows as both stores return them (the same columns), mapped to records. */
export interface ModelRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}
export interface LinkRow {
  id: string;
  model_id: string;
  role: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export const toModel = (row: ModelRow): ModelRecord => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
export const toLink = (row: LinkRow): LinkRecord => ({
  id: row.id,
  modelId: row.model_id,
  role: row.role as Role,
  tokenHash: row.token_hash,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});
