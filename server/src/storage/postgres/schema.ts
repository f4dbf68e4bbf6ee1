import { READ_MARKS_SCHEMA } from "../read-marks-sql.ts";
import { POSTGRES, POSTGRES_LINK_MIGRATION, storeSchema } from "../schema-sql.ts";

export const SCHEMA_SQL = `${storeSchema(POSTGRES)}\n${POSTGRES_LINK_MIGRATION}\n${READ_MARKS_SCHEMA}`;

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
