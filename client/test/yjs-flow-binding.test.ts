import {
  addNode,
  connect,
  edgesMap,
  LANE_WIDTH,
  laneX,
  nodesMap,
  readModel,
} from "@logic-canvas/shared";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import {
  DRAG_WRITE_INTERVAL_MS,
  type Notice,
  YjsFlowBinding,
} from "../src/canvas/yjs-flow-binding.ts";

const REMOTE = { remote: true };

function seeded() {
  const doc = new Y.Doc();
  const input = addNode(
    doc,
    { kind: "input", title: "Coaches", position: { x: laneX("input"), y: 40 } },
    REMOTE,
  );
  const activity = addNode(
    doc,
    { kind: "activity", title: "Hire coaches", position: { x: laneX("activity"), y: 40 } },
    REMOTE,
  );
  const link = connect(doc, { source: input, target: activity }, REMOTE);
  const binding = new YjsFlowBinding(doc);
  return { doc, binding, input, activity, link };
}

/** Two peers that exchange every update, like two browsers through the server. */
function peers() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on(
    "update",
    (u: Uint8Array, origin: unknown) => origin !== "sync" && Y.applyUpdate(b, u, "sync"),
  );
  b.on(
    "update",
    (u: Uint8Array, origin: unknown) => origin !== "sync" && Y.applyUpdate(a, u, "sync"),
  );
  return { a, b, bindingA: new YjsFlowBinding(a), bindingB: new YjsFlowBinding(b) };
}

afterEach(() => vi.useRealTimers());

describe("YjsFlowBinding", () => {
  it("mirrors the document as React Flow nodes and edges", () => {
    const { binding, input, activity } = seeded();
    const { nodes, edges } = binding.getSnapshot();
    expect(nodes.map((n) => n.data.node.title).sort()).toEqual(["Coaches", "Hire coaches"]);
    expect(nodes.every((n) => n.type === "card")).toBe(true);
    expect(edges).toEqual([expect.objectContaining({ source: input, target: activity })]);
  });

  it("rebuilds only the card that changed: the others keep their identity", () => {
    const { doc, binding, input, activity } = seeded();
    const before = binding.getSnapshot();
    const unchanged = before.nodes.find((n) => n.id === activity);
    nodesMap(doc).get(input)?.set("title", "Full-time coaches");
    const after = binding.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.nodes.find((n) => n.id === activity)).toBe(unchanged);
    expect(after.nodes.find((n) => n.id === input)?.data.node.title).toBe("Full-time coaches");
    expect(after.edges[0]).toBe(before.edges[0]);
  });

  it("keeps selection and measured sizes out of the document", () => {
    const { doc, binding, input } = seeded();
    const stateBefore = Y.encodeStateAsUpdate(doc);
    binding.onNodesChange([
      { type: "select", id: input, selected: true },
      { type: "dimensions", id: input, dimensions: { width: 240, height: 80 } },
    ]);
    expect(binding.getSnapshot().nodes.find((n) => n.id === input)?.selected).toBe(true);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(stateBefore);
  });

  it("re-renders only the canvas when a card is measured, not the editor", () => {
    const { binding, input } = seeded();
    const snapshot = binding.getSnapshot();
    let editorRenders = 0;
    let canvasRenders = 0;
    binding.subscribe(() => editorRenders++);
    binding.elements.subscribe(() => canvasRenders++);
    binding.onNodesChange([
      { type: "dimensions", id: input, dimensions: { width: 240, height: 96 } },
    ]);
    expect(binding.getNodes().find((n) => n.id === input)?.measured).toEqual({
      width: 240,
      height: 96,
    });
    expect(binding.getSnapshot()).toBe(snapshot);
    expect(editorRenders).toBe(0);
    expect(canvasRenders).toBe(1);
    // A selection is the editor's too (the side panel shows it).
    binding.onNodesChange([{ type: "select", id: input, selected: true }]);
    expect(editorRenders).toBe(1);
  });

  it("moves a dragged card every frame but writes the document at a bounded rate", () => {
    vi.useFakeTimers();
    const { doc, binding, input } = seeded();
    const writes: unknown[] = [];
    doc.on("update", (_u: Uint8Array, origin: unknown) => writes.push(origin));
    for (let i = 1; i <= 20; i++) {
      binding.onNodesChange([
        {
          type: "position",
          id: input,
          position: { x: laneX("input"), y: 40 + i * 5 },
          dragging: true,
        },
      ]);
      expect(binding.getNodes().find((n) => n.id === input)?.position.y).toBe(40 + i * 5);
      vi.advanceTimersByTime(5);
    }
    // 20 frames over 100 ms: at most a write per interval, not one per frame.
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(100 / DRAG_WRITE_INTERVAL_MS) + 1);
    binding.onNodesChange([
      { type: "position", id: input, position: { x: laneX("input") + 7, y: 300 }, dragging: false },
    ]);
    const stored = readModel(doc).nodes.find((n) => n.id === input);
    expect(stored?.position).toEqual({ x: laneX("input"), y: 300 });
    expect(writes.every((origin) => origin === binding.origin)).toBe(true);
  });

  it("changes a card's kind when it is dropped in another lane its links allow", () => {
    const { doc, binding, activity } = seeded();
    binding.onNodesChange([
      {
        type: "position",
        id: activity,
        position: { x: 2 * LANE_WIDTH + 20, y: 90 },
        dragging: true,
      },
    ]);
    binding.onNodesChange([
      {
        type: "position",
        id: activity,
        position: { x: 2 * LANE_WIDTH + 20, y: 90 },
        dragging: false,
      },
    ]);
    const node = readModel(doc).nodes.find((n) => n.id === activity);
    expect(node?.kind).toBe("smallWin");
    expect(node?.position).toEqual({ x: laneX("smallWin"), y: 90 });
  });

  it("sends a card back, with the reason, when its links forbid the new lane", () => {
    const { doc, binding, activity } = seeded();
    const notices: Notice[] = [];
    binding.onNotice((n) => notices.push(n));
    const drop = { x: 10, y: 400 };
    binding.onNodesChange([{ type: "position", id: activity, position: drop, dragging: true }]);
    binding.onNodesChange([{ type: "position", id: activity, position: drop, dragging: false }]);
    const node = readModel(doc).nodes.find((n) => n.id === activity);
    expect(node?.kind).toBe("activity");
    expect(node?.position).toEqual({ x: laneX("activity"), y: 40 });
    expect(notices[0]?.message).toContain("cannot become one of the inputs");
  });

  it("refuses a backward link and says why", () => {
    const { doc, binding, input, activity } = seeded();
    const notices: Notice[] = [];
    binding.onNotice((n) => notices.push(n));
    expect(binding.isValidConnection({ source: activity, target: input })).toBe(false);
    expect(binding.connectionProblem(activity, input)).toContain("left to right");
    binding.onConnect({ source: activity, target: input, sourceHandle: null, targetHandle: null });
    expect(edgesMap(doc).size).toBe(1);
    expect(notices).toHaveLength(1);
    expect(binding.isValidConnection({ source: input, target: activity })).toBe(false); // duplicate
  });

  it("undo removes only this person's changes, never a collaborator's", () => {
    const { bindingA, bindingB, a, b } = peers();
    const mine = bindingA.createNode("input", undefined, "Mine");
    bindingB.createNode("activity", undefined, "Theirs");
    expect(readModel(a).nodes).toHaveLength(2);
    bindingA.undoLast();
    expect(readModel(a).nodes.map((n) => n.title)).toEqual(["Theirs"]);
    expect(readModel(b).nodes.map((n) => n.title)).toEqual(["Theirs"]);
    bindingA.redoLast();
    expect(readModel(b).nodes.map((n) => n.id)).toContain(mine);
  });

  it("reflects a collaborator's edit without disturbing a card being dragged here", () => {
    const { bindingA, bindingB, b } = peers();
    const id = bindingA.createNode("input", undefined, "Shared") as string;
    bindingA.onNodesChange([{ type: "position", id, position: { x: 40, y: 500 }, dragging: true }]);
    bindingB.updateNode(id, { title: "Renamed by B" });
    const card = bindingA.getSnapshot().nodes.find((n) => n.id === id);
    expect(card?.data.node.title).toBe("Renamed by B");
    expect(card?.position).toEqual({ x: 40, y: 500 });
    expect(readModel(b).nodes[0]?.title).toBe("Renamed by B");
  });

  it("copies and pastes cards with the links among them, under new ids", () => {
    const { doc, binding, input, activity } = seeded();
    binding.select([input, activity]);
    binding.paste(binding.copySelection());
    const model = readModel(doc);
    expect(model.nodes).toHaveLength(4);
    expect(model.edges).toHaveLength(2);
    const pasted = binding.selection().nodeIds;
    expect(pasted).toHaveLength(2);
    expect(pasted).not.toContain(input);
  });

  it("deletes a card with its links as one undoable step", () => {
    const { doc, binding, input } = seeded();
    binding.onDelete({ nodes: [{ id: input }], edges: [] });
    expect(readModel(doc).nodes).toHaveLength(1);
    expect(readModel(doc).edges).toHaveLength(0);
    binding.undoLast();
    expect(readModel(doc).edges).toHaveLength(1);
  });

  it("changes nothing when read-only", () => {
    const { doc, binding } = seeded();
    binding.setReadOnly(true);
    const before = Y.encodeStateAsUpdate(doc);
    binding.createNode("input");
    binding.deleteSelection({ nodeIds: [...nodesMap(doc).keys()] });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(binding.getSnapshot().nodes.every((n) => n.draggable === false)).toBe(true);
  });
});
