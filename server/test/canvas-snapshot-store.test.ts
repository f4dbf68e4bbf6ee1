import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  canvasSnapshotPath,
  laneX,
  readCanvasSnapshot,
  readCanvasSnapshotAnswer,
  toModelFile,
} from "@logic-canvas/shared";
import { afterAll, describe, expect, it } from "vitest";
import {
  api,
  createModel,
  sleep,
  startTestServer,
  storedDoc,
  type TestServer,
} from "../../tests/support/index.ts";
import { graphDocName } from "../../tests/support/server-internals.ts";

/**
 * The canvas snapshot kept in the store (issue 14): the first page load of a stored model after a
 * restart answers from the row written when the model was created, not by decoding its document
 * (seconds at 5,000 cards); a row that does not read is ignored and the document read instead.
 */
const dataDir = mkdtempSync(join(tmpdir(), "lc-canvas-snapshot-store-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function plan(title: string) {
  return toModelFile({
    title,
    masteryGoal: "Every reader on grade level",
    nodes: [
      { id: "i1", kind: "input", title: "Coaches", position: { x: laneX("input"), y: 40 } },
      {
        id: "a1",
        kind: "activity",
        title: "Walkthroughs",
        position: { x: laneX("activity"), y: 180 },
      },
    ],
    edges: [{ id: "e1", source: "i1", target: "a1" }],
  });
}

async function snapshotOf(server: TestServer, id: string, token: string) {
  const response = await api(server.url, canvasSnapshotPath(id), { token });
  expect(response.status).toBe(200);
  const read = readCanvasSnapshotAnswer(await response.json());
  if (!read.ok) throw new Error(read.error);
  return read.snapshot;
}

/** The store's row once `done` holds for it (it is written in the background). */
async function rowOnce(
  server: TestServer,
  id: string,
  done: (row: { key: string; json: string }) => boolean,
) {
  for (let i = 0; i < 200; i++) {
    const row = await server.store.canvasSnapshots.load(id);
    if (row && done(row)) return row;
    await sleep(25);
  }
  throw new Error(`no canvas snapshot row as expected for ${id}`);
}

/** What the stored document itself says: its snapshot read by decoding it. */
async function decoded(server: TestServer, id: string) {
  return readCanvasSnapshot(await storedDoc(server.store, graphDocName(id)));
}

describe("the canvas snapshot in the store", () => {
  it("serves the first load after a restart from the stored row, and ignores a corrupt one", async () => {
    const first = await startTestServer({ dataDir });
    const kept = await createModel(first.url, plan("Reading plan"));
    const corrupt = await createModel(first.url, plan("Writing plan"));
    const row = await rowOnce(first, kept.id, () => true);
    // Written from the document the creation built: the document's own cards and links.
    expect(JSON.parse(row.json)).toEqual(JSON.parse(JSON.stringify(await decoded(first, kept.id))));
    await first.stop();

    const second = await startTestServer({ dataDir });
    try {
      // A title only the row has shows the answer came from the row, not from a decoding.
      const marked = { ...JSON.parse(row.json), title: "Kept in the store" };
      await second.store.canvasSnapshots.save(kept.id, row.key, JSON.stringify(marked));
      const fromRow = await snapshotOf(second, kept.id, kept.tokens.viewer);
      expect(fromRow.title).toBe("Kept in the store");
      const document = await decoded(second, kept.id);
      expect(fromRow.cards).toEqual(document.cards);
      expect(fromRow.links).toEqual(document.links);
      expect(fromRow.cards).toHaveLength(2);

      const corruptRow = await rowOnce(second, corrupt.id, () => true);
      await second.store.canvasSnapshots.save(corrupt.id, corruptRow.key, '{"title":"Wr');
      const read = await snapshotOf(second, corrupt.id, corrupt.tokens.viewer);
      expect(read).toEqual({ role: "viewer", ...(await decoded(second, corrupt.id)) });
      expect(read.title).toBe("Writing plan");
      // Read anew, and kept again.
      const again = await rowOnce(second, corrupt.id, (r) => r.json !== '{"title":"Wr');
      expect(JSON.parse(again.json).title).toBe("Writing plan");
    } finally {
      await second.stop();
    }
  });
});
