import type { Hocuspocus } from "@hocuspocus/server";
import { addNode, laneX, loadModel, readCanvasSnapshot } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CanvasSnapshots } from "../src/http/canvas-snapshots.ts";
import type { SummaryWorker } from "../src/http/summary-pool.ts";
import type { Store, StoredDocument } from "../src/storage/types.ts";

/**
 * The canvas snapshot's cache (issue 14): a model nobody has open answers from the entry written
 * when it was created or compacted, without decoding its document; an edit since is never
 * answered stale; a live document is read as it is, with no listener on its updates (nothing
 * runs per edit for the snapshot).
 */
function plan(): Y.Doc {
  const doc = new Y.Doc();
  loadModel(
    doc,
    {
      title: "Reading plan",
      masteryGoal: "Every reader on grade level",
      nodes: [
        { id: "i1", kind: "input", title: "Coaches", position: { x: laneX("input"), y: 40 } },
      ],
      edges: [],
    },
    "create",
  );
  return doc;
}

type Rows = Map<string, { key: string; json: string }>;

/**
 * The store, the live documents and the worker, with what each was asked; `rows` stands for the
 * store's canvas snapshots table, kept across a restart (a new `setup` on the same rows).
 */
function setup(stored: StoredDocument, live?: Y.Doc, rows: Rows = new Map()) {
  const asked = { decoded: 0, loaded: 0 };
  const canvasSnapshots = {
    save: async (modelId: string, key: string, json: string) => {
      rows.set(modelId, { key, json });
    },
    load: async (modelId: string) => rows.get(modelId),
  };
  const store = {
    loadDocument: async () => {
      asked.loaded += 1;
      return stored;
    },
    documentState: async () => ({
      snapshotSeq: stored.snapshotSeq,
      lastSeq: stored.updates.at(-1)?.seq ?? stored.snapshotSeq,
      updateCount: stored.updates.length,
      updatedAt: stored.updatedAt,
    }),
    canvasSnapshots,
  } as unknown as Store;
  const documents = new Map<string, unknown>();
  if (live) documents.set("m1", Object.assign(live, { isLoading: false }));
  const hocuspocus = { documents } as unknown as Hocuspocus;
  const worker = {
    snapshot(updates: Uint8Array[]) {
      asked.decoded += 1;
      const doc = new Y.Doc();
      for (const update of updates) Y.applyUpdate(doc, update);
      return Promise.resolve(JSON.stringify(readCanvasSnapshot(doc)));
    },
  } as unknown as SummaryWorker;
  return { snapshots: new CanvasSnapshots(store, hocuspocus, worker), asked, rows };
}

function storedAt(doc: Y.Doc, seq: number, updates: StoredDocument["updates"] = []) {
  return {
    snapshot: Y.encodeStateAsUpdate(doc),
    snapshotSeq: seq,
    updates,
    updatedAt: "2026-12-06T00:00:00.000Z",
  };
}

const decodedAnswer = (doc: Y.Doc, role: string) =>
  JSON.parse(JSON.stringify({ role, ...readCanvasSnapshot(doc) }));

describe("the canvas snapshot's cache", () => {
  it("answers a compacted model from the entry its compaction wrote, not by decoding it", async () => {
    const doc = plan();
    const { snapshots, asked } = setup(storedAt(doc, 7));
    snapshots.compacted("m1", doc, 7);
    const answer = JSON.parse(await snapshots.json("m1", "viewer"));
    expect(asked.decoded).toBe(0);
    // Its state alone told the entry was current: the document's bytes were never read.
    expect(asked.loaded).toBe(0);
    expect(answer).toEqual(decodedAnswer(doc, "viewer"));
    expect(answer.masteryGoal).toBe("Every reader on grade level");
  });

  it("follows an edit stored after the compaction, and answers as the decoded document does", async () => {
    const doc = plan();
    const before = Y.encodeStateVector(doc);
    const compacted = Y.encodeStateAsUpdate(doc);
    addNode(doc, { kind: "input", title: "Released time" }, "local");
    const edit = Y.encodeStateAsUpdate(doc, before);
    const stored = {
      ...storedAt(plan(), 7),
      snapshot: compacted,
      updates: [{ seq: 8, data: edit }],
    };
    const { snapshots, asked } = setup(stored);
    const fromCompaction = new Y.Doc();
    Y.applyUpdate(fromCompaction, compacted);
    snapshots.compacted("m1", fromCompaction, 7);
    const answer = JSON.parse(await snapshots.json("m1", "editor"));
    expect(asked.decoded).toBe(1);
    expect(answer.cards.map((c: unknown[]) => c[4])).toContain("Released time");
    expect(answer).toEqual(decodedAnswer(doc, "editor"));
    // Asked again with nothing new stored: the entry, not a second decoding.
    await snapshots.json("m1", "viewer");
    expect(asked.decoded).toBe(1);
  });

  it("reads a new model once, whether primed at its creation or asked for at once", async () => {
    const doc = plan();
    const { snapshots, asked } = setup(storedAt(doc, 3));
    snapshots.prime("m1");
    const [a, b] = await Promise.all([
      snapshots.json("m1", "owner"),
      snapshots.json("m1", "viewer"),
    ]);
    expect(asked.decoded).toBe(1);
    expect(JSON.parse(a)).toEqual(decodedAnswer(doc, "owner"));
    expect(JSON.parse(b).role).toBe("viewer");
  });

  it("reads a live document as it is, without listening to its updates", async () => {
    const live = plan();
    const listeners = () =>
      (live as unknown as { _observers: Map<string, Set<unknown>> })._observers.get("update")
        ?.size ?? 0;
    const before = listeners();
    const { snapshots, asked } = setup(storedAt(plan(), 1), live);
    expect(JSON.parse(await snapshots.json("m1", "viewer"))).toEqual(decodedAnswer(live, "viewer"));
    addNode(live, { kind: "input", title: "Released time" }, "local");
    const after = JSON.parse(await snapshots.json("m1", "viewer"));
    expect(after.cards.map((c: unknown[]) => c[4])).toContain("Released time");
    expect(asked.decoded).toBe(0);
    expect(listeners()).toBe(before);
  });

  it("answers a new model from the document its creation built, without decoding it", async () => {
    const doc = plan();
    const { snapshots, asked } = setup(storedAt(doc, 0));
    snapshots.created("m1", doc);
    expect(JSON.parse(await snapshots.json("m1", "owner"))).toEqual(decodedAnswer(doc, "owner"));
    expect(asked.decoded).toBe(0);
  });
});

describe("the canvas snapshot kept in the store", () => {
  it("is written with each entry and, after a restart, answers the same state without decoding", async () => {
    const doc = plan();
    const before = setup(storedAt(doc, 7));
    before.snapshots.compacted("m1", doc, 7);
    await Promise.resolve();
    expect(before.rows.get("m1")?.key).toBe("stored:7:7");
    // A restart: an empty cache over the same store.
    const after = setup(storedAt(doc, 7), undefined, before.rows);
    expect(JSON.parse(await after.snapshots.json("m1", "viewer"))).toEqual(
      decodedAnswer(doc, "viewer"),
    );
    expect(after.asked.decoded).toBe(0);
  });

  it("ignores a row of another state or one that does not read, and answers the decoded document", async () => {
    const doc = plan();
    const valid = JSON.stringify(readCanvasSnapshot(doc));
    const damaged = [
      { key: "stored:7:6", json: valid.replace("Coaches", "Old title") },
      { key: "stored:7:7", json: valid.slice(0, 40) },
      { key: "stored:7:7", json: JSON.stringify({ ...readCanvasSnapshot(doc), cards: [[1]] }) },
      { key: "stored:7:7", json: "[]" },
    ];
    for (const row of damaged) {
      const { snapshots, asked, rows } = setup(storedAt(doc, 7), undefined, new Map([["m1", row]]));
      expect(JSON.parse(await snapshots.json("m1", "viewer"))).toEqual(
        decodedAnswer(doc, "viewer"),
      );
      expect(asked.decoded).toBe(1);
      // Read anew, the row is written again for this state.
      expect(rows.get("m1")).toEqual({ key: "stored:7:7", json: valid });
    }
  });
});
