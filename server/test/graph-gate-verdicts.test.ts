import { addNode, moveNode, nodesMap } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { ConnectionContext } from "../src/access/context.ts";
import { graphValidator } from "../src/gate/graph-rules.ts";
import { ShadowDoc } from "../src/gate/shadow.ts";

/**
 * The graph gate keeps its verdict on each required value (a card's id, kind and title) per Yjs
 * item, so a write that only moves a card does not parse them again. These check that the kept
 * verdicts refuse exactly what a gate that has seen nothing before refuses, in the same words.
 */

const editor: ConnectionContext = {
  role: "editor",
  linkId: "link",
  linkExpiresAt: null,
  accountId: null,
  modelId: "model",
  docKind: "graph",
  person: null,
};

/** The update a change to a copy of `live` makes. */
function updateOf(live: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Tries `update` through the gate as the server does, and applies it live if accepted. */
function write(live: Y.Doc, shadow: ShadowDoc, update: Uint8Array): string | null {
  const refusal = shadow.tryUpdate(update, graphValidator, editor);
  if (refusal === null) Y.applyUpdate(live, update);
  return refusal;
}

/** What a gate that has kept nothing says of `update` on `live`. */
function freshVerdict(live: Y.Doc, update: Uint8Array): string | null {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
  return new ShadowDoc(copy).tryUpdate(update, graphValidator, editor);
}

function cardMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  return nodesMap(doc).get(id) as Y.Map<unknown>;
}

describe("graph gate: verdicts kept per required value", () => {
  it("accepts repeated moves, then refuses an invalid title in the same words as a fresh gate", () => {
    const live = new Y.Doc();
    const card = addNode(live, { kind: "activity", title: "Plant trees" }, "local");
    const shadow = new ShadowDoc(live);
    for (let x = 1; x <= 3; x++) {
      const move = updateOf(live, (doc) => moveNode(doc, card, { x, y: 0 }, "local"));
      expect(write(live, shadow, move)).toBeNull();
    }
    const long = updateOf(live, (doc) => cardMap(doc, card).set("title", "x".repeat(10_000)));
    const expected = freshVerdict(live, long);
    expect(expected).toMatch(/title/);
    expect(write(live, shadow, long)).toBe(expected);
    // Refused: the title stays as it was, and the card still moves.
    expect(cardMap(live, card).get("title")).toBe("Plant trees");
    const move = updateOf(live, (doc) => moveNode(doc, card, { x: 9, y: 0 }, "local"));
    expect(write(live, shadow, move)).toBeNull();
  });

  it("refuses every move of a card whose stored title breaks the rules, each time alike", () => {
    const live = new Y.Doc();
    const card = addNode(live, { kind: "activity", title: "Fine for now" }, "local");
    // A title the rules refuse, already in the document (as an older file could hold it).
    cardMap(live, card).set("title", "x".repeat(10_000));
    const shadow = new ShadowDoc(live);
    const move = (x: number) => updateOf(live, (doc) => moveNode(doc, card, { x, y: 0 }, "local"));
    const first = move(1);
    const expected = freshVerdict(live, first);
    expect(expected).toMatch(new RegExp(`^card ${card}: title `));
    expect(write(live, shadow, first)).toBe(expected);
    expect(write(live, shadow, move(2))).toBe(expected);
  });

  it("refuses a write that deletes a card's title as missing, after moves were accepted", () => {
    const live = new Y.Doc();
    const card = addNode(live, { kind: "smallWin", title: "Healthier soil" }, "local");
    const shadow = new ShadowDoc(live);
    const move = updateOf(live, (doc) => moveNode(doc, card, { x: 5, y: 5 }, "local"));
    expect(write(live, shadow, move)).toBeNull();
    const untitled = updateOf(live, (doc) => cardMap(doc, card).delete("title"));
    expect(write(live, shadow, untitled)).toBe(`card ${card}: title is missing`);
    expect(freshVerdict(live, untitled)).toBe(`card ${card}: title is missing`);
  });
});
