import type { Role } from "@logic-canvas/shared";
import type { ActivityRecord, VersionKind, VersionRecord, VersionSummary } from "./types.ts";

/**
 * Tables of version history and the revision log, shared by both stores: the DDL is plain SQL
 * both accept (`SERIAL_KEY` differs), and rows map to records the same way.
 */
export function historySchema(serialKey: string): string {
  return `
CREATE TABLE IF NOT EXISTS versions (
  seq ${serialKey},
  id TEXT NOT NULL UNIQUE,
  model_id TEXT NOT NULL,
  label TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by_id TEXT,
  created_by_name TEXT,
  created_by_role TEXT,
  file TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_model ON versions (model_id, seq);
CREATE TABLE IF NOT EXISTS activity (
  seq ${serialKey},
  id TEXT NOT NULL UNIQUE,
  model_id TEXT NOT NULL,
  started_at TEXT NOT NULL,
  at TEXT NOT NULL,
  by_key TEXT NOT NULL,
  by_id TEXT,
  by_name TEXT,
  by_role TEXT NOT NULL,
  subject TEXT NOT NULL,
  subject_id TEXT,
  summary TEXT NOT NULL,
  reason TEXT
);
CREATE INDEX IF NOT EXISTS activity_model ON activity (model_id, at);
CREATE INDEX IF NOT EXISTS activity_subject ON activity (model_id, subject_id, at);
`;
}

export const VERSION_COLUMNS =
  "id, model_id, label, kind, created_at, created_by_id, created_by_name, created_by_role";

export interface VersionRow {
  id: string;
  model_id: string;
  label: string;
  kind: string;
  created_at: string;
  created_by_id: string | null;
  created_by_name: string | null;
  created_by_role: string | null;
  file?: string;
}

export function versionParams(v: VersionRecord): unknown[] {
  return [
    v.id,
    v.modelId,
    v.label,
    v.kind,
    v.createdAt,
    v.createdBy.id,
    v.createdBy.name,
    v.createdBy.role,
    v.file,
  ];
}

export function toVersionSummary(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    modelId: row.model_id,
    label: row.label,
    kind: row.kind as VersionKind,
    createdAt: row.created_at,
    createdBy: {
      id: row.created_by_id,
      name: row.created_by_name,
      role: row.created_by_role as Role | null,
    },
  };
}

export function toVersion(row: VersionRow): VersionRecord {
  return { ...toVersionSummary(row), file: row.file ?? "" };
}

export interface ActivityRow {
  id: string;
  model_id: string;
  started_at: string;
  at: string;
  by_key: string;
  by_id: string | null;
  by_name: string | null;
  by_role: string;
  subject: string;
  subject_id: string | null;
  summary: string;
  reason: string | null;
}

export const ACTIVITY_COLUMNS =
  "id, model_id, started_at, at, by_key, by_id, by_name, by_role, subject, subject_id, summary, reason";

export function activityParams(a: ActivityRecord): unknown[] {
  return [
    a.id,
    a.modelId,
    a.startedAt,
    a.at,
    a.byKey,
    a.by.id,
    a.by.name,
    a.by.role,
    a.subject,
    a.subjectId,
    JSON.stringify(a.summary),
    a.reason,
  ];
}

/** The columns an entry that grew may change. */
export const ACTIVITY_UPSERT_SET =
  "at = excluded.at, by_name = excluded.by_name, summary = excluded.summary, reason = excluded.reason";

export function toActivity(row: ActivityRow): ActivityRecord {
  let summary: Record<string, unknown>;
  try {
    summary = JSON.parse(row.summary) as Record<string, unknown>;
  } catch {
    summary = {};
  }
  return {
    id: row.id,
    modelId: row.model_id,
    startedAt: row.started_at,
    at: row.at,
    by: { id: row.by_id, name: row.by_name, role: row.by_role as Role },
    byKey: row.by_key,
    subject: row.subject as ActivityRecord["subject"],
    subjectId: row.subject_id,
    summary,
    reason: row.reason,
  };
}
