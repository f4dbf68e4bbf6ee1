import type pg from "pg";
import type { AppendEntry } from "../types.ts";
import { toBuffer } from "./rows.ts";

// Locks the document's row for the length of the insert, so appends to one document from two
// processes get sequence numbers in commit order; nothing is inserted for a missing document.
const APPEND_SQL = `WITH doc AS (SELECT name FROM documents WHERE name = $1 FOR UPDATE)
  INSERT INTO updates (document_name, data, created_at)
  SELECT doc.name, $2, $3 FROM doc
  RETURNING seq`;

/** One append on `db`: its sequence number, or null when the document does not exist. */
export async function appendOne(
  db: pg.Pool | pg.PoolClient,
  entry: AppendEntry,
  at: string,
): Promise<number | null> {
  const { rows } = await db.query<{ seq: string }>(APPEND_SQL, [
    entry.documentName,
    toBuffer(entry.update),
    at,
  ]);
  const row = rows[0];
  return row ? Number(row.seq) : null;
}

/**
 * A batch of appends in one transaction, so one commit (and one WAL flush) for all of them. In
 * the order given; a document's row lock is taken once and held to the commit.
 */
export async function appendBatch(
  client: pg.PoolClient,
  entries: readonly AppendEntry[],
): Promise<(number | null)[]> {
  const at = new Date().toISOString();
  const seqs: (number | null)[] = [];
  for (const entry of entries) seqs.push(await appendOne(client, entry, at));
  return seqs;
}
