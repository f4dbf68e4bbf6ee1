import { addNode, connect, deleteElements, laneX, moveNode } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { sameOrNext } from "../src/canvas/cull/culled-elements.ts";
import { RegionTracker, regionOf, viewKey } from "../src/canvas/cull/region.ts";
import { SpatialGrid } from "../src/canvas/cull/spatial-grid.ts";
import { YjsFlowBinding } from "../src/canvas/yjs-flow-binding.ts";

const REMOTE = { remote: true };
const VIEW = { x: 0, y: 0, width: 1200, height: 800 };

describe("SpatialGrid", () => {
  it("finds the boxes meeting a rectangle, after moves, adds and deletes", () => {
    const grid = new SpatialGrid(100);
    grid.set("a", { x: 10, y: 10, width: 50, height: 50 });
    grid.set("b", { x: 500, y: 500, width: 50, height: 50 });
    grid.set("wide", { x: -300, y: 150, width: 900, height: 20 });
    expect([...grid.query({ x: 0, y: 0, width: 100, height: 100 })]).toEqual(["a"]);
    expect([...grid.query({ x: 0, y: 0, width: 600, height: 600 })].sort()).toEqual([
      "a",
      "b",
      "wide",
    ]);
    // A box spanning many cells is found once, from any of them.
    expect([...grid.query({ x: 250, y: 140, width: 10, height: 10 })]).toEqual(["wide"]);
    grid.set("a", { x: 2000, y: 2000, width: 50, height: 50 });
    expect(grid.query({ x: 0, y: 0, width: 100, height: 100 }).has("a")).toBe(false);
    expect(grid.query({ x: 1990, y: 1990, width: 20, height: 20 }).has("a")).toBe(true);
    // Within the same cell a move updates the box itself.
    grid.set("b", { x: 560, y: 560, width: 30, height: 30 });
    expect(grid.query({ x: 500, y: 500, width: 55, height: 55 }).has("b")).toBe(false);
    grid.delete("b");
    grid.delete("missing");
    expect(grid.query({ x: 0, y: 0, width: 3000, height: 3000 })).toEqual(new Set(["a", "wide"]));
    expect(grid.size).toBe(2);
  });
});

/** A column of cards down the activity lane, 200 px apart, and links between neighbours. */
function tallModel(cards: number) {
  const doc = new Y.Doc();
  const ids: string[] = [];
  for (let i = 0; i < cards; i++)
    ids.push(
      addNode(
        doc,
        {
          kind: "activity",
          title: `Card ${i}`,
          position: { x: laneX("activity"), y: 40 + i * 200 },
        },
        REMOTE,
      ),
    );
  const links: string[] = [];
  for (let i = 1; i < cards; i++)
    links.push(connect(doc, { source: ids[i - 1] as string, target: ids[i] as string }, REMOTE));
  return { doc, ids, links, binding: new YjsFlowBinding(doc) };
}

const titles = (nodes: { data: { node: { title: string } } }[]) =>
  nodes.map((n) => n.data.node.title).sort();

describe("culling the cards handed to React Flow", () => {
  it("holds only the cards near the view, the links at them and each link's far end", () => {
    const { binding } = tallModel(200);
    const near = binding.index.near(VIEW);
    // Cards 0–3 (y 40–640) meet the 800 px view; card 4 comes as the far end of the link from 3.
    expect(titles(near.nodes)).toEqual(["Card 0", "Card 1", "Card 2", "Card 3", "Card 4"]);
    expect(near.edges).toHaveLength(4);
    for (const edge of near.edges) {
      expect(near.nodes.some((n) => n.id === edge.source)).toBe(true);
      expect(near.nodes.some((n) => n.id === edge.target)).toBe(true);
    }
    // The objects are the snapshot's own, so React Flow's diff sees unchanged cards as unchanged.
    const snapshotNode = binding.getSnapshot().nodes.find((n) => n.data.node.title === "Card 0");
    expect(near.nodes).toContain(snapshotNode);
  });

  it("follows a remote move, add and delete without rebuilding, and keeps unchanged objects", () => {
    const { doc, binding, ids } = tallModel(100);
    const before = binding.index.near(VIEW);
    const card3 = before.nodes.find((n) => n.data.node.title === "Card 3");
    // A remote move takes card 90 into view and card 0 out of it.
    moveNode(doc, ids[90] as string, { x: laneX("activity"), y: 300 }, REMOTE);
    moveNode(doc, ids[0] as string, { x: laneX("activity"), y: 50_000 }, REMOTE);
    const added = addNode(
      doc,
      { kind: "activity", title: "New", position: { x: laneX("activity"), y: 100 } },
      REMOTE,
    );
    deleteElements(doc, { nodeIds: [ids[2] as string], edgeIds: [] }, REMOTE);
    const after = binding.index.near(VIEW);
    const shown = titles(after.nodes);
    expect(shown).toContain("Card 90");
    expect(shown).toContain("New");
    // Card 0 is still held, as the far end of its link to card 1, at its new place.
    expect(after.nodes.find((n) => n.id === ids[0])?.position.y).toBe(50_000);
    expect(shown).not.toContain("Card 2");
    expect(after.nodes.find((n) => n.data.node.title === "Card 3")).toBe(card3);
    expect(binding.index.card(added)?.data.node.title).toBe("New");
    expect(
      binding.index.near({ x: 0, y: 49_900, width: 1200, height: 400 }).nodes.map((n) => n.id),
    ).toContain(ids[0]);
    // A card without links that leaves the view leaves React Flow.
    moveNode(doc, added, { x: laneX("activity"), y: 9_000 }, REMOTE);
    expect(titles(binding.index.near(VIEW).nodes)).not.toContain("New");
    // The links of the deleted card went with it.
    expect(after.edges.every((e) => e.source !== ids[2] && e.target !== ids[2])).toBe(true);
  });

  it("leaves out the cards a filter hides", () => {
    const { binding, ids } = tallModel(20);
    const shown = new Set([ids[0] as string, ids[1] as string]);
    const near = binding.index.near(VIEW, shown);
    expect(titles(near.nodes)).toEqual(["Card 0", "Card 1"]);
    expect(near.edges).toHaveLength(1);
  });

  it("keeps the region while the view stays inside it, and covers the view", () => {
    const tracker = new RegionTracker();
    const at = (x: number, y: number, zoom = 1) =>
      tracker.keyFor({ transform: [x, y, zoom], width: 1440, height: 900 });
    const first = at(0, 0);
    // A pan of most of a screen keeps the region; one past its edge moves it.
    expect(at(-10, -10)).toBe(first);
    expect(at(0, -700)).toBe(first);
    expect(at(0, -2000)).not.toBe(first);
    // At rest, the region is centred on the view again: the same as a fresh one there.
    const resting = { transform: [0, -1500, 1] as const, width: 1440, height: 900 };
    expect(at(0, -1500)).toBe(at(0, -2000));
    expect(tracker.recentre(resting)).toBe(true);
    expect(tracker.keyFor(resting)).toBe(new RegionTracker().keyFor(resting));
    expect(tracker.recentre(resting)).toBe(false);
    const region = regionOf(at(-3000, -7000, 0.5));
    if (!region) throw new Error("no region for a sized view");
    // The view at zoom 0.5 is 2880 × 1800 flow px from (6000, 14000); a view each side.
    expect(region.x).toBeLessThanOrEqual(6000 - 2880);
    expect(region.y).toBeLessThanOrEqual(14000 - 1800);
    expect(region.x + region.width).toBeGreaterThanOrEqual(6000 + 2 * 2880);
    expect(region.y + region.height).toBeGreaterThanOrEqual(14000 + 2 * 1800);
    // Zoomed right in, the region shrinks to the new view's (it held 9 views' worth of cards).
    const zoomedIn = regionOf(at(-6000 * 1.5, -14000 * 1.5, 1.5));
    expect(zoomedIn?.width).toBeLessThan(region.width / 2);
    expect(tracker.keyFor({ transform: [0, 0, 1], width: 0, height: 0 })).toBe("");
    expect(regionOf("")).toBeUndefined();
  });

  it("gives the first layer the view alone, covering it to the pixel", () => {
    const region = regionOf(viewKey({ transform: [-100.5, -40.25, 2], width: 1440, height: 900 }));
    // At zoom 2 the view is 720 × 450 flow px from (50.25, 20.125).
    expect(region).toEqual({ x: 50, y: 20, width: 721, height: 451 });
    expect(viewKey({ transform: [0, 0, 1], width: 0, height: 900 })).toBe("");
  });

  it("hands React Flow the arrays it has when the cards and links are the same", () => {
    const { binding } = tallModel(5);
    const held = binding.index.near(VIEW);
    const again = binding.index.near(VIEW);
    expect(again.nodes).not.toBe(held.nodes);
    expect(sameOrNext(held, again)).toBe(held);
    const fewer = { nodes: held.nodes.slice(1), edges: [...held.edges] };
    const next = sameOrNext(held, fewer);
    expect(next.nodes).toBe(fewer.nodes);
    expect(next.edges).toBe(held.edges);
  });
});
