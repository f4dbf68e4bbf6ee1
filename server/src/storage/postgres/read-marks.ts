import type { ReadMarks } from "@logic-canvas/shared";
import type pg from "pg";
import { type ReadMarkRow, TooManyReadMarks, toReadMarks } from "../read-marks-sql.ts";
import type { ReadMarksStore } from "../types.ts";

/**
 * Unread markers on PostgreSQL. Times compare byte by byte (`COLLATE "C"`), as in SQLite and the
 * client: a locale's collation may skip punctuation. Merges for one account and model take a
 * transaction lock, so two devices merging at once cannot together pass the cap.
 */
export class PostgresReadMarks implements ReadMarksStore {
  constructor(private readonly pool: pg.Pool) {}

  async get(accountId: string, modelId: string): Promise<ReadMarks> {
    const { rows } = await this.pool.query<ReadMarkRow>(
      "SELECT thread_id, read_at FROM read_marks WHERE account_id = $1 AND model_id = $2",
      [accountId, modelId],
    );
    return toReadMarks(rows);
  }

  async merge(accountId: string, modelId: string, marks: ReadMarks, max: number) {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))", [
        accountId,
        modelId,
      ]);
      await client.query(
        `INSERT INTO read_marks (account_id, model_id, thread_id, read_at)
         SELECT $1, $2, t, r FROM unnest($3::text[], $4::text[]) AS u(t, r)
         WHERE EXISTS (SELECT 1 FROM models WHERE id = $2)
         ON CONFLICT (account_id, model_id, thread_id) DO UPDATE SET read_at = excluded.read_at
         WHERE excluded.read_at COLLATE "C" > read_marks.read_at COLLATE "C"`,
        [accountId, modelId, Object.keys(marks), Object.values(marks)],
      );
      const { rows } = await client.query<{ n: string }>(
        "SELECT COUNT(*) AS n FROM read_marks WHERE account_id = $1 AND model_id = $2",
        [accountId, modelId],
      );
      if (Number(rows[0]?.n ?? 0) > max) throw new TooManyReadMarks();
      await client.query("COMMIT");
      return true;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      if (error instanceof TooManyReadMarks) return false;
      throw error;
    } finally {
      client.release();
    }
  }
}
