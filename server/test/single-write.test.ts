import { addNode, connect, moveNode, nodesMap } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readSingleWrite, type SingleWrite } from "../src/gate/single-write.ts";

/** What Yjs's own decoder makes of the update, in the reader's terms (null: another shape). */
function asYjsReadsIt(update: Uint8Array, maxDeletes: number): SingleWrite | null {
  const { structs, ds } = Y.decodeUpdate(update) as unknown as {
    structs: Array<Y.Item | Y.GC | Y.Skip>;
    ds: { clients: Map<number, Array<{ clock: number; len: number }>> };
  };
  const [item, ...rest] = structs;
  if (!(item instanceof Y.Item) || rest.length > 0) return null;
  if (!(item.content instanceof Y.ContentAny) || item.content.arr.length !== 1) return null;
  const deletes: SingleWrite["deletes"] = [];
  for (const [client, ranges] of ds.clients)
    for (const { clock, len } of ranges) deletes.push({ client, clock, len });
  if (deletes.length > maxDeletes) return null;
  const id = (at: Y.ID | null) => (at ? { client: at.client, clock: at.clock } : null);
  return {
    id: { client: item.id.client, clock: item.id.clock },
    origin: id(item.origin),
    hasRightOrigin: item.rightOrigin !== null,
    parent: item.parent instanceof Y.ID ? id(item.parent) : null,
    parentIsRoot: typeof item.parent === "string",
    parentSub: item.origin === null && item.rightOrigin === null ? item.parentSub : null,
    value: item.content.arr[0],
    deletes: deletes.sort((a, b) => a.client - b.client || a.clock - b.clock),
  };
}

/** Every update a run of edits of every kind sends, on a model document. */
function updatesOfEdits(seed: number): Uint8Array[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const ids = [
    addNode(doc, { kind: "activity", title: "Coach", position: { x: 0, y: 0 } }, null),
    addNode(doc, { kind: "smallWin", title: "Win" }, null),
  ];
  for (let i = 0; i < 60; i++) {
    const id = ids[next(ids.length)] as string;
    const card = nodesMap(doc).get(id) as unknown as Y.Map<unknown>;
    switch (next(8)) {
      case 0:
        moveNode(doc, id, { x: next(1000), y: -next(1000) / 3 }, null);
        break;
      case 1:
        card.set("notes", "é".repeat(next(40)));
        break;
      case 2:
        card.delete("notes");
        break;
      case 3:
        ids.push(addNode(doc, { kind: "input", title: `Card ${i}` }, null));
        break;
      case 4:
        connect(doc, { source: ids[0] as string, target: id }, null);
        break;
      case 5:
        doc.transact(() => {
          card.set("notes", "one");
          card.set("position", { x: 1, y: 2 });
        });
        break;
      case 6:
        doc.getArray("loose").insert(0, [next(10), "x"]);
        break;
      default:
        doc.getMap("meta").set(`key${next(3)}`, { deep: [1, { two: null }] });
    }
  }
  // A provider's sync step: the whole document since an empty state vector.
  updates.push(Y.encodeStateAsUpdate(doc));
  return updates;
}

describe("reading a single write off an update's bytes", () => {
  it("agrees with Yjs's decoder on every update of a randomized run of edits", () => {
    let singles = 0;
    let others = 0;
    for (let seed = 1; seed <= 20; seed++) {
      for (const update of updatesOfEdits(seed)) {
        for (const maxDeletes of [0, 1, 32]) {
          const read = readSingleWrite(update, maxDeletes);
          expect(read).toEqual(asYjsReadsIt(update, maxDeletes));
          if (read) singles++;
          else others++;
        }
      }
    }
    // Both shapes were seen: the comparison above covered writes it reads and ones it refuses.
    expect(singles).toBeGreaterThan(100);
    expect(others).toBeGreaterThan(100);
  });

  it("reads a card moved: the position, the item it overwrites and the value it deletes", () => {
    const doc = new Y.Doc();
    const id = addNode(doc, { kind: "activity", title: "Coach", position: { x: 0, y: 0 } }, null);
    let update: Uint8Array = new Uint8Array();
    doc.on("update", (u: Uint8Array) => {
      update = u;
    });
    moveNode(doc, id, { x: 40, y: 80 }, null);
    const write = readSingleWrite(update, 32);
    expect(write?.value).toEqual({ x: 40, y: 80 });
    expect(write?.origin).not.toBeNull();
    expect(write?.deletes).toHaveLength(1);
  });

  it("refuses bytes that trail the update, and a truncated one, without throwing", () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    doc.getMap("m").set("k", 1);
    const [update] = updates as [Uint8Array];
    expect(readSingleWrite(update, 32)).not.toBeNull();
    expect(readSingleWrite(new Uint8Array([...update, 0]), 32)).toBeNull();
    for (let cut = 0; cut < update.length; cut++)
      expect(readSingleWrite(update.subarray(0, cut), 32)).toBeNull();
  });
});
