import { addNode, connect, edgesMap, moveNode, nodesMap } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { ConnectionContext } from "../src/access/context.ts";
import { valid } from "../src/extensions/write-steps.ts";
import { graphValidator } from "../src/gate/graph-rules.ts";
import { FREE_FIELDS, isHarmlessWrite } from "../src/gate/harmless-write.ts";
import { ShadowDoc } from "../src/gate/shadow.ts";

/** A live document with two cards (one placed, one not) and a link. */
function liveModel(): Y.Doc {
  const live = new Y.Doc();
  addNode(live, { id: "A", kind: "activity", title: "Coach", position: { x: 0, y: 0 } }, null);
  addNode(live, { id: "S", kind: "smallWin", title: "Win" }, null);
  connect(live, { source: "A", target: "S" }, null);
  return live;
}

/**
 * A writer holding `live`'s state, and the update its `change` makes as a sync step would carry
 * it (with the writer's whole delete set; a provider's live update carries only its own deletes).
 */
function writeOn(live: Y.Doc, change: (doc: Y.Doc) => void): { writer: Y.Doc; update: Uint8Array } {
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(live));
  const before = Y.encodeStateVector(writer);
  change(writer);
  return { writer, update: Y.encodeStateAsUpdate(writer, before) };
}

const card = (doc: Y.Doc, id: string) => nodesMap(doc).get(id) as unknown as Y.Map<unknown>;

describe("a harmless write", () => {
  it("is one of the card fields the table leaves free: optional, on every kind", () => {
    expect([...FREE_FIELDS.keys()].sort()).toEqual(["notes", "position"]);
  });

  it("is a card's notes written whole, within their length", () => {
    const live = liveModel();
    const noted = writeOn(live, (doc) => card(doc, "S").set("notes", "why this matters"));
    expect(isHarmlessWrite(noted.update, live, null)).toBe(true);
    const widest = writeOn(live, (doc) => card(doc, "S").set("notes", "€".repeat(10_000)));
    expect(isHarmlessWrite(widest.update, live, null)).toBe(true);
    const long = writeOn(live, (doc) => card(doc, "S").set("notes", "n".repeat(10_001)));
    expect(isHarmlessWrite(long.update, live, null)).toBe(false);
    const cleared = writeOn(live, (doc) => card(doc, "A").delete("position"));
    // A delete alone writes no item: tried the usual way.
    expect(isHarmlessWrite(cleared.update, live, null)).toBe(false);
  });

  it("is not a field the table gives to some kinds only, nor a required one", () => {
    const live = liveModel();
    const staged = writeOn(live, (doc) => card(doc, "S").set("stage", "seed"));
    expect(isHarmlessWrite(staged.update, live, null)).toBe(false);
    const kind = writeOn(live, (doc) => card(doc, "S").set("kind", "input"));
    expect(isHarmlessWrite(kind.update, live, null)).toBe(false);
  });

  it("is a card's position set over its previous one, or its first", () => {
    const live = liveModel();
    const moved = writeOn(live, (doc) => moveNode(doc, "A", { x: 5, y: -3.5 }, null));
    expect(isHarmlessWrite(moved.update, live, null)).toBe(true);
    const placed = writeOn(live, (doc) => moveNode(doc, "S", { x: 1, y: 2 }, null));
    expect(isHarmlessWrite(placed.update, live, null)).toBe(true);
  });

  it("is a move as a provider sends it, deleting only the previous position", () => {
    const live = liveModel();
    card(live, "S").set("title", "Win big");
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(live));
    const sent: Uint8Array[] = [];
    writer.on("update", (update: Uint8Array) => sent.push(update));
    moveNode(writer, "A", { x: 7, y: 7 }, null);
    expect(Y.decodeUpdate(sent[0] as Uint8Array).ds.clients.size).toBe(1);
    expect(isHarmlessWrite(sent[0] as Uint8Array, live, null)).toBe(true);
  });

  it("is not a position that the field's schema refuses", () => {
    const live = liveModel();
    for (const value of [{ x: 1 }, { x: 1, y: 2, z: 3 }, { x: "1", y: 2 }, { x: NaN, y: 0 }, 7]) {
      const { update } = writeOn(live, (doc) => card(doc, "A").set("position", value));
      expect(isHarmlessWrite(update, live, null)).toBe(false);
    }
  });

  it("is not any other field, nor a move with anything else in it", () => {
    const live = liveModel();
    const titled = writeOn(live, (doc) => card(doc, "A").set("title", "Other"));
    expect(isHarmlessWrite(titled.update, live, null)).toBe(false);
    const both = writeOn(live, (doc) =>
      doc.transact(() => {
        moveNode(doc, "A", { x: 9, y: 9 }, null);
        card(doc, "A").set("notes", "n");
      }),
    );
    expect(isHarmlessWrite(both.update, live, null)).toBe(false);
  });

  it("is not a move that also deletes a required value or a card", () => {
    const live = liveModel();
    const untitled = writeOn(live, (doc) =>
      doc.transact(() => {
        moveNode(doc, "A", { x: 9, y: 9 }, null);
        card(doc, "A").delete("title");
      }),
    );
    expect(isHarmlessWrite(untitled.update, live, null)).toBe(false);
    const removed = writeOn(live, (doc) =>
      doc.transact(() => {
        moveNode(doc, "A", { x: 9, y: 9 }, null);
        nodesMap(doc).delete("S");
      }),
    );
    expect(isHarmlessWrite(removed.update, live, null)).toBe(false);
  });

  it("is not a position written into a link, the model or a deleted card", () => {
    const live = liveModel();
    const linkId = [...edgesMap(live).keys()][0] as string;
    const onLink = writeOn(live, (doc) =>
      (edgesMap(doc).get(linkId) as unknown as Y.Map<unknown>).set("position", { x: 1, y: 1 }),
    );
    expect(isHarmlessWrite(onLink.update, live, null)).toBe(false);
    const onRoot = writeOn(live, (doc) => nodesMap(doc).set("position", { x: 1, y: 1 } as never));
    expect(isHarmlessWrite(onRoot.update, live, null)).toBe(false);
    const late = writeOn(live, (doc) => moveNode(doc, "A", { x: 2, y: 2 }, null));
    nodesMap(live).delete("A");
    expect(isHarmlessWrite(late.update, live, null)).toBe(false);
  });

  it("is not a move the live document cannot place: a gap, a repeat, or ahead in the shadow", () => {
    const live = liveModel();
    const { writer, update: first } = writeOn(live, (doc) =>
      moveNode(doc, "A", { x: 1, y: 1 }, null),
    );
    const before = Y.encodeStateVector(writer);
    moveNode(writer, "A", { x: 2, y: 2 }, null);
    const second = Y.encodeStateAsUpdate(writer, before);
    // The second depends on the first, which the live document has not got.
    expect(isHarmlessWrite(second, live, null)).toBe(false);
    // The shadow accepted the first, not yet applied live: judged the usual way.
    const shadow = new Y.Doc();
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(live));
    Y.applyUpdate(shadow, first);
    expect(isHarmlessWrite(first, live, shadow)).toBe(false);
    Y.applyUpdate(live, first);
    expect(isHarmlessWrite(first, live, null)).toBe(false);
    expect(isHarmlessWrite(second, live, shadow)).toBe(true);
  });

  it("is not an update Yjs cannot read", () => {
    const live = liveModel();
    expect(isHarmlessWrite(new Uint8Array([0, 0]), live, null)).toBe(false);
    expect(isHarmlessWrite(new Uint8Array([1, 1, 200]), live, null)).toBe(false);
  });
});

describe("the gate around a harmless write", () => {
  const writer = { docKind: "graph", role: "editor" } as unknown as ConnectionContext;
  const noLog = () => {};

  it("lets a move through untried, and tries the next other write on a shadow that caught up", () => {
    const live = liveModel();
    const gate = { shadow: new ShadowDoc(live), validator: graphValidator };
    const titled = writeOn(live, (doc) => card(doc, "S").set("title", "Win big"));
    expect(valid(titled.update, gate, writer, noLog)).toBe(gate.shadow.generation);
    Y.applyUpdate(live, titled.update);
    const moved = writeOn(live, (doc) => moveNode(doc, "A", { x: 4, y: 4 }, null));
    expect(valid(moved.update, gate, writer, noLog)).toBeUndefined();
    expect(gate.shadow.current()?.getMap("nodes").get("A")).toBeDefined();
    // Applied live, it reaches the shadow only once another write is tried there.
    Y.applyUpdate(live, moved.update);
    gate.shadow.mirror(moved.update);
    const shadowCard = () => card(gate.shadow.current() as Y.Doc, "A");
    expect(shadowCard().get("position")).toEqual({ x: 0, y: 0 });
    const titled2 = writeOn(live, (doc) => card(doc, "A").set("title", "After the move"));
    expect(valid(titled2.update, gate, writer, noLog)).toBe(gate.shadow.generation);
    expect(shadowCard().get("position")).toEqual({ x: 4, y: 4 });
    expect(shadowCard().get("title")).toBe("After the move");
  });

  it("still refuses a move that is not harmless and breaks a rule", () => {
    const live = liveModel();
    const gate = { shadow: new ShadowDoc(live), validator: graphValidator };
    const untitled = writeOn(live, (doc) =>
      doc.transact(() => {
        moveNode(doc, "A", { x: 9, y: 9 }, null);
        card(doc, "A").delete("title");
      }),
    );
    expect(() => valid(untitled.update, gate, writer, noLog)).toThrow(/title/);
  });

  it("drops a shadow that fell too far behind and builds it again from the live document", () => {
    const live = liveModel();
    const gate = { shadow: new ShadowDoc(live), validator: graphValidator };
    const first = writeOn(live, (doc) => card(doc, "S").set("title", "Win big"));
    valid(first.update, gate, writer, noLog);
    Y.applyUpdate(live, first.update);
    const generation = gate.shadow.generation;
    const mover = new Y.Doc();
    Y.applyUpdate(mover, Y.encodeStateAsUpdate(live));
    mover.on("update", (update: Uint8Array) => {
      Y.applyUpdate(live, update);
      gate.shadow.mirror(update);
    });
    for (let i = 0; i < 1001; i++) moveNode(mover, "A", { x: i, y: i }, null);
    expect(gate.shadow.current()).toBeNull();
    expect(gate.shadow.generation).toBe(generation + 1);
    const later = writeOn(live, (doc) => card(doc, "A").set("title", "Later"));
    expect(valid(later.update, gate, writer, noLog)).toBe(generation + 1);
    expect(card(gate.shadow.current() as Y.Doc, "A").get("position")).toEqual({ x: 1000, y: 1000 });
  });
});
