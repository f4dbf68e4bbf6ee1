import type { ReadMarks } from "@logic-canvas/shared";
import type Database from "better-sqlite3";
import {
  READ_MARKS_SCHEMA,
  type ReadMarkRow,
  TooManyReadMarks,
  toReadMarks,
} from "./read-marks-sql.ts";
import type { ReadMarksStore } from "./types.ts";

/** Unread markers in the SQLite store's database; one writer, so the cap holds without a lock. */
export class SqliteReadMarks implements ReadMarksStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    db.exec(READ_MARKS_SCHEMA);
    this.statements = {
      get: db.prepare(
        "SELECT thread_id, read_at FROM read_marks WHERE account_id = ? AND model_id = ?",
      ),
      upsert: db.prepare(
        // A mark for a model deleted meanwhile must not leave a row behind.
        `INSERT INTO read_marks (account_id, model_id, thread_id, read_at)
         SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM models WHERE id = ?)
         ON CONFLICT (account_id, model_id, thread_id) DO UPDATE SET read_at = excluded.read_at
         WHERE excluded.read_at > read_marks.read_at`,
      ),
      count: db.prepare(
        "SELECT COUNT(*) AS n FROM read_marks WHERE account_id = ? AND model_id = ?",
      ),
      deleteModel: db.prepare("DELETE FROM read_marks WHERE model_id = ?"),
    };
  }

  async get(accountId: string, modelId: string): Promise<ReadMarks> {
    return toReadMarks(this.statements.get.all(accountId, modelId) as ReadMarkRow[]);
  }

  async merge(accountId: string, modelId: string, marks: ReadMarks, max: number) {
    const s = this.statements;
    try {
      this.db.transaction(() => {
        for (const [thread, at] of Object.entries(marks))
          s.upsert.run(accountId, modelId, thread, at, modelId);
        const { n } = s.count.get(accountId, modelId) as { n: number };
        if (n > max) throw new TooManyReadMarks();
      })();
      return true;
    } catch (error) {
      if (error instanceof TooManyReadMarks) return false;
      throw error;
    }
  }

  /** Runs inside the store's deletion of the model. */
  deleteModel(modelId: string): void {
    this.statements.deleteModel.run(modelId);
  }
}
