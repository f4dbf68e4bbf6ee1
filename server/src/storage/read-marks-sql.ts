/**
 * The table of signed-in people's unread markers (shared/src/read-state.ts), the same in both
 * stores: one row per account, model and thread, holding the newest message time the person has
 * seen there. `account_id` is the account library's id; the row goes when its model is deleted.
 */
export const READ_MARKS_SCHEMA = `
CREATE TABLE IF NOT EXISTS read_marks (
  account_id TEXT NOT NULL,
  model_id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  read_at TEXT NOT NULL,
  PRIMARY KEY (account_id, model_id, thread_id)
);
CREATE INDEX IF NOT EXISTS read_marks_model ON read_marks (model_id);
`;

/** Raised inside a store's transaction to roll a merge back that would pass the cap. */
export class TooManyReadMarks extends Error {
  constructor() {
    super("too many read marks");
  }
}

export interface ReadMarkRow {
  thread_id: string;
  read_at: string;
}

/** Rows as the `ReadMarks` record, built as own properties whatever the thread ids are. */
export function toReadMarks(rows: ReadMarkRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((row) => [row.thread_id, row.read_at]));
}
