import { addNode, laneX, NODE_KINDS, nodesMap } from "@logic-canvas/shared";
import { act, cleanup, render, waitFor } from "@testing-library/react";
import { ReactFlowProvider } from "@xyflow/react";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BindingContext } from "../src/canvas/actions-context.ts";
import { CardSlotsContext } from "../src/canvas/card-slots.ts";
import { NodeCard } from "../src/canvas/NodeCard.tsx";
import { type CardNode, YjsFlowBinding } from "../src/canvas/yjs-flow-binding.ts";

afterEach(cleanup);

/** Renders per card id, counted by the card's extras slot (it renders with the card's body). */
const renders = new Map<string, number>();
const COUNTING_SLOTS = {
  Extras: ({ id }: { id: string }) => {
    renders.set(id, (renders.get(id) ?? 0) + 1);
    return null;
  },
};

/** A model of `count` cards in the five lanes, as another person's document would hold it. */
function largeDoc(count: number): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const kind = NODE_KINDS[i % NODE_KINDS.length] as (typeof NODE_KINDS)[number];
      const y = 40 + Math.floor(i / NODE_KINDS.length) * 140;
      addNode(doc, { kind, title: `Card ${i}`, position: { x: laneX(kind), y } }, "seed");
    }
  });
  return doc;
}

function Cards({ nodes }: { nodes: CardNode[] }) {
  return nodes.map((node) => (
    <NodeCard
      key={node.id}
      id={node.id}
      data={node.data}
      selected={!!node.selected}
      type="card"
      dragging={false}
      zIndex={0}
      selectable
      deletable
      draggable
      isConnectable
      positionAbsoluteX={node.position.x}
      positionAbsoluteY={node.position.y}
    />
  ));
}

describe("cards on a large model", () => {
  it("re-renders exactly the one card a remote title edit touched, of 1,000", async () => {
    const remote = largeDoc(1000);
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote), "sync");
    remote.on("update", (update: Uint8Array) => Y.applyUpdate(local, update, "sync"));
    const binding = new YjsFlowBinding(local);
    const view = (nodes: CardNode[]) => (
      <ReactFlowProvider>
        <BindingContext.Provider value={binding}>
          <CardSlotsContext.Provider value={COUNTING_SLOTS}>
            <Cards nodes={nodes} />
          </CardSlotsContext.Provider>
        </BindingContext.Provider>
      </ReactFlowProvider>
    );
    const { rerender } = render(view(binding.getSnapshot().nodes));
    // Every card has its full body once the per-frame budget has reached it.
    await waitFor(() => expect(renders.size).toBe(1000), { timeout: 30_000 });
    renders.clear();

    const edited = [...nodesMap(remote).keys()][417] as string;
    act(() => {
      const card = nodesMap(remote).get(edited) as Y.Map<unknown>;
      card.set("title", "Renamed by a colleague");
    });
    rerender(view(binding.getSnapshot().nodes));
    expect([...renders.keys()]).toEqual([edited]);
    expect(renders.get(edited)).toBe(1);
    binding.destroy();
  }, 60_000);
});
