import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addNode,
  type ChangedTypes,
  connect,
  entryFate,
  entryField,
  graphChanges,
  nodesMap,
  reviewChanges,
  setMeta,
  threadsMap,
  updateSmart,
  valueBefore,
} from "../src/index.ts";

/** Records what each transaction changed, read through the change walker. */
function recorded(doc: Y.Doc, write: () => void) {
  let changes: ReturnType<typeof graphChanges> = [];
  const listener = (tr: Y.Transaction) => {
    changes = graphChanges(doc, tr);
  };
  doc.on("afterTransaction", listener);
  write();
  doc.off("afterTransaction", listener);
  return changes.map((c) =>
    c.subject === "outside"
      ? { subject: c.subject }
      : c.at === "entry"
        ? { subject: c.subject, at: c.at, id: c.id }
        : { subject: c.subject, at: c.at, id: c.id, path: c.path, keys: [...c.keys].sort() },
  );
}

describe("the change walker", () => {
  it("names a new card and link as entries, and a field written inside a card by its path", () => {
    const doc = new Y.Doc();
    const a = addNode(doc, { id: "a", kind: "smallWin", title: "A" }, "t");
    expect(
      recorded(doc, () => addNode(doc, { id: "b", kind: "activity", title: "B" }, "t")),
    ).toEqual([{ subject: "card", at: "entry", id: "b" }]);
    expect(recorded(doc, () => connect(doc, { id: "l", source: "b", target: a }, "t"))).toEqual([
      { subject: "link", at: "entry", id: "l" },
    ]);
    const smart = recorded(doc, () => updateSmart(doc, a, { indicator: "reading" }, "t"));
    expect(smart).toContainEqual({
      subject: "card",
      at: "inside",
      id: "a",
      path: ["smart"],
      keys: ["indicator"],
    });
    expect(recorded(doc, () => setMeta(doc, { title: "T" }, "t"))).toEqual([
      { subject: "meta", at: "inside", id: null, path: [], keys: ["title"] },
    ]);
  });

  it("reports a removed card's fate and still reads its title in the same transaction", () => {
    const doc = new Y.Doc();
    addNode(doc, { id: "a", kind: "smallWin", title: "Gone" }, "t");
    let seen: unknown[] = [];
    doc.on("afterTransaction", (tr: Y.Transaction) => {
      const nodes = nodesMap(doc) as unknown as Y.AbstractType<unknown>;
      seen = [entryFate(tr, nodes, "a"), entryField(nodes, "a", "title")];
    });
    doc.transact(() => nodesMap(doc).delete("a"));
    expect(seen).toEqual(["removed", "Gone"]);
  });

  it("names types under no root of the layout as outside, and review threads by id", () => {
    const doc = new Y.Doc();
    const thread = new Y.Map<unknown>();
    threadsMap(doc).set("t1", thread as never);
    doc.getMap("elsewhere").set("x", 1);
    let changes: ReturnType<typeof reviewChanges> = [];
    doc.on("afterTransaction", (tr: Y.Transaction) => {
      changes = reviewChanges(doc, tr.changed as ChangedTypes);
    });
    doc.transact(() => {
      thread.set("status", "open");
      doc.getMap("elsewhere").set("x", 2);
    });
    expect(changes).toContainEqual(
      expect.objectContaining({ subject: "thread", at: "inside", id: "t1", path: [] }),
    );
    expect(changes).toContainEqual(expect.objectContaining({ subject: "outside" }));
  });
});

describe("valueBefore", () => {
  /** What each written key held before the transaction, by the key's path in the card. */
  function before(doc: Y.Doc, write: () => void): Record<string, unknown> {
    const seen: Record<string, unknown> = {};
    const listener = (tr: Y.Transaction) => {
      for (const c of graphChanges(doc, tr)) {
        if (c.subject === "outside" || c.at !== "inside") continue;
        for (const key of c.keys)
          if (key !== null) seen[[...c.path, key].join(".")] = valueBefore(tr, c.type, key);
      }
    };
    doc.on("afterTransaction", listener);
    write();
    doc.off("afterTransaction", listener);
    return seen;
  }

  it("tells a first fill (nothing before) from a change of a set value, and a clearing", () => {
    const doc = new Y.Doc();
    addNode(doc, { id: "g", kind: "midJourney", title: "G" }, "t");
    updateSmart(doc, "g", { indicator: "" }, "t");
    expect(before(doc, () => updateSmart(doc, "g", { target: { value: 60 } }, "t"))).toEqual({
      "smart.target.value": undefined,
    });
    expect(before(doc, () => updateSmart(doc, "g", { indicator: "reading" }, "t"))).toEqual({
      "smart.indicator": "",
    });
    expect(before(doc, () => updateSmart(doc, "g", { target: { value: 70 } }, "t"))).toEqual({
      "smart.target.value": 60,
    });
    expect(before(doc, () => updateSmart(doc, "g", { target: null }, "t"))).toMatchObject({
      "smart.target.value": 70,
    });
    // Set twice in one transaction: still the value from before it.
    expect(
      before(doc, () =>
        doc.transact(() => {
          updateSmart(doc, "g", { target: { value: 10 } }, "t");
          updateSmart(doc, "g", { target: { value: 20 } }, "t");
        }, "t"),
      ),
    ).toEqual({ "smart.target.value": undefined });
  });
});
