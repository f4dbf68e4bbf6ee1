import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { checkpointInWorker } from "../src/storage/sqlite-checkpoints.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function until(test: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return test();
}

it("checkpoints the log in a worker, never in the connection that commits", async () => {
  const dir = mkdtempSync(join(tmpdir(), "lc-checkpoints-"));
  dirs.push(dir);
  const file = join(dir, "store.db");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (x BLOB)");
  const checkpoints = checkpointInWorker(db, file, "NORMAL", 100);
  expect(checkpoints).not.toBeNull();
  expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
  const insert = db.prepare("INSERT INTO t VALUES (?)");
  // Past the 1,000 pages at which the connection would have checkpointed by itself.
  for (let i = 0; i < 1500; i++) insert.run(Buffer.alloc(4000));
  const before = statSync(file).size;
  expect(await until(() => statSync(file).size > before + 4_000_000, 10_000)).toBe(true);
  await checkpoints?.close();
  expect((db.prepare("SELECT COUNT(*) AS n FROM t").get() as { n: number }).n).toBe(1500);
  db.close();
});

it("leaves an in-memory database to SQLite", () => {
  const db = new Database(":memory:");
  expect(checkpointInWorker(db, ":memory:", "NORMAL")).toBeNull();
  db.close();
});
