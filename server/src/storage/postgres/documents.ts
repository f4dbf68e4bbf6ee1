import type pg from "pg";
import type { StoredDocument, StoredDocumentState } from "../types.ts";
import { toBuffer, toBytes } from "./rows.ts";

/**
 * A document's snapshot and the updates after it, read in one REPEATABLE READ transaction on
 * `client` so both come from one consistent view, whatever commits in between; undefined for a
 * document that does not exist.
 */
export async function readDocument(
  client: pg.PoolClient,
  documentName: string,
): Promise<StoredDocument | undefined> {
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const doc = await client.query<{
      snapshot: Buffer | null;
      snapshot_seq: string;
      updated_at: string;
    }>("SELECT snapshot, snapshot_seq, updated_at FROM documents WHERE name = $1", [documentName]);
    const head = doc.rows[0];
    if (!head) {
      await client.query("COMMIT");
      return undefined;
    }
    const updates = await client.query<{ seq: string; data: Buffer; created_at: string }>(
      "SELECT seq, data, created_at FROM updates WHERE document_name = $1 AND seq > $2 ORDER BY seq",
      [documentName, head.snapshot_seq],
    );
    await client.query("COMMIT");
    let updatedAt = head.updated_at;
    for (const row of updates.rows) if (row.created_at > updatedAt) updatedAt = row.created_at;
    return {
      snapshot: head.snapshot ? toBytes(head.snapshot) : null,
      snapshotSeq: Number(head.snapshot_seq),
      updates: updates.rows.map((row) => ({ seq: Number(row.seq), data: toBytes(row.data) })),
      updatedAt,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** A document's state without its bytes (one statement, so one consistent view). */
export async function readDocumentState(
  client: pg.Pool | pg.PoolClient,
  documentName: string,
): Promise<StoredDocumentState | undefined> {
  const { rows } = await client.query<{
    snapshot_seq: string;
    updated_at: string;
    n: string;
    last_seq: string | null;
    last_at: string | null;
  }>(
    `SELECT d.snapshot_seq, d.updated_at, u.n, u.last_seq, u.last_at
       FROM documents d,
       LATERAL (SELECT COUNT(*) AS n, MAX(seq) AS last_seq, MAX(created_at) AS last_at
                  FROM updates WHERE document_name = d.name AND seq > d.snapshot_seq) u
      WHERE d.name = $1`,
    [documentName],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    snapshotSeq: Number(row.snapshot_seq),
    lastSeq: Number(row.last_seq ?? row.snapshot_seq),
    updateCount: Number(row.n),
    updatedAt: row.last_at !== null && row.last_at > row.updated_at ? row.last_at : row.updated_at,
  };
}

/**
 * Compaction inside the caller's transaction: replaces the snapshot with `snapshot` (which folds
 * in every update up to `uptoSeq`) and deletes those updates. The document's row is locked first,
 * as appends lock it, so no update can commit unseen in between; false, changing nothing, when
 * another compaction moved the snapshot since `expectedSnapshotSeq` was read.
 */
export async function foldUpdates(
  client: pg.PoolClient,
  documentName: string,
  expectedSnapshotSeq: number,
  uptoSeq: number,
  snapshot: Uint8Array,
): Promise<boolean> {
  const current = await client.query<{ snapshot_seq: string }>(
    "SELECT snapshot_seq FROM documents WHERE name = $1 FOR UPDATE",
    [documentName],
  );
  const head = current.rows[0];
  if (!head || Number(head.snapshot_seq) !== expectedSnapshotSeq) return false;
  const latest = await client.query<{ t: string | null }>(
    "SELECT MAX(created_at) AS t FROM updates WHERE document_name = $1 AND seq <= $2",
    [documentName, uptoSeq],
  );
  await client.query(
    `UPDATE documents SET snapshot = $1, snapshot_seq = $2,
       updated_at = GREATEST(updated_at, COALESCE($3, updated_at))
     WHERE name = $4`,
    [toBuffer(snapshot), uptoSeq, latest.rows[0]?.t ?? null, documentName],
  );
  await client.query("DELETE FROM updates WHERE document_name = $1 AND seq <= $2", [
    documentName,
    uptoSeq,
  ]);
  return true;
}
