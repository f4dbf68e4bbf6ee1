import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../src/storage/sqlite.ts";
import { describeStorageContract } from "./storage-contract.ts";

describeStorageContract("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "lc-store-"));
  return {
    store: new SqliteStore(join(dir, "test.sqlite")),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
