import { CANVAS_SNAPSHOTS_SCHEMA } from "../canvas-snapshot-sql.ts";
import { GALLERY_SCHEMA } from "../gallery-sql.ts";
import { GOAL_DIGESTS_SCHEMA } from "../goal-digests-sql.ts";
import { NOTIFICATIONS_SCHEMA } from "../notifications-sql.ts";
import { READ_MARKS_SCHEMA } from "../read-marks-sql.ts";
import { POSTGRES, POSTGRES_LINK_MIGRATION, storeSchema } from "../schema-sql.ts";
import {
  MODEL_WORKSPACE_COLUMN,
  MODEL_WORKSPACE_INDEX,
  WORKSPACE_SCHEMA,
} from "../workspace-sql.ts";

const { name, type } = MODEL_WORKSPACE_COLUMN;
const WORKSPACE_MIGRATION = `ALTER TABLE models ADD COLUMN IF NOT EXISTS ${name} ${type};\n${MODEL_WORKSPACE_INDEX}`;

export const SCHEMA_SQL = [
  storeSchema(POSTGRES),
  POSTGRES_LINK_MIGRATION,
  WORKSPACE_SCHEMA,
  WORKSPACE_MIGRATION,
  READ_MARKS_SCHEMA,
  GALLERY_SCHEMA,
  NOTIFICATIONS_SCHEMA,
  CANVAS_SNAPSHOTS_SCHEMA,
  GOAL_DIGESTS_SCHEMA,
].join("\n");

/** A schema name safe to splice into DDL (identifiers cannot be bound as parameters). */
export const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export function quoteSchemaName(name: string): string {
  if (!SCHEMA_NAME_PATTERN.test(name)) {
    throw new Error(
      `PostgreSQL schema name must match ${SCHEMA_NAME_PATTERN} (lowercase letters, digits, _), got "${name}"`,
    );
  }
  return `"${name}"`;
}
