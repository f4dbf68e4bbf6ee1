import { describe, expect, it } from "vitest";
import {
  CARD_GAP,
  coachingTemplate,
  estimateCardSize,
  LANE_PADDING,
  type LogicModel,
  laneX,
  needsLayout,
  tidyLanes,
  withCardsPlaced,
} from "../src/index.ts";
import { edge, model, node } from "./support/models.ts";

/** Every pair of cards of one lane that overlap, by the estimated size the layout uses. */
function overlaps(m: LogicModel): string[] {
  const found: string[] = [];
  for (const [i, a] of m.nodes.entries())
    for (const b of m.nodes.slice(i + 1)) {
      if (a.kind !== b.kind || !a.position || !b.position) continue;
      const [top, below] = a.position.y <= b.position.y ? [a, b] : [b, a];
      const bottom = (top.position?.y ?? 0) + estimateCardSize(top).height;
      if ((below.position?.y ?? 0) < bottom) found.push(`${a.id} × ${b.id}`);
    }
  return found;
}

const unplaced = () =>
  model(
    [
      node("I1", "input"),
      node("I2", "input", { title: "Time in the timetable for guided reading every day" }),
      node("A1", "activity"),
      node("A2", "activity", { stage: "seed" }),
      node("A3", "activity"),
      node("S1", "smallWin", { title: "x".repeat(500) }),
      node("S2", "smallWin"),
      node("M1", "midJourney"),
      node("L1", "longTerm"),
    ],
    [edge("I1", "A3"), edge("I2", "A1"), edge("A3", "S2"), edge("A1", "S1"), edge("S2", "M1")],
  );

describe("tidy lanes, for imports and the canvas", () => {
  it("places a file with no positions: every card in its lane, none overlapping", () => {
    const m = unplaced();
    expect(needsLayout(m)).toBe(true);
    const placed = withCardsPlaced(m);
    for (const n of placed.nodes) expect(n.position?.x).toBe(laneX(n.kind));
    expect(overlaps(placed)).toEqual([]);
    expect(Math.min(...placed.nodes.map((n) => n.position?.y ?? 0))).toBe(LANE_PADDING);
    // Nothing else about a card changes.
    expect(placed.nodes.map(({ position, ...rest }) => rest)).toEqual(m.nodes);
  });

  it("places a file where only some cards have positions", () => {
    const m = unplaced();
    m.nodes[0] = { ...(m.nodes[0] as (typeof m.nodes)[0]), position: { x: 40, y: 400 } };
    m.nodes[2] = { ...(m.nodes[2] as (typeof m.nodes)[0]), position: { x: 360, y: 40 } };
    expect(needsLayout(m)).toBe(true);
    const placed = withCardsPlaced(m);
    expect(placed.nodes.every((n) => n.position)).toBe(true);
    expect(overlaps(placed)).toEqual([]);
  });

  it("spreads cards stacked on one spot, and cards that overlap by one pixel", () => {
    const stacked = model(
      ["A", "B", "C", "D"].map((id) => node(id, "activity", { position: { x: 360, y: 100 } })),
      [],
    );
    expect(needsLayout(stacked)).toBe(true);
    expect(overlaps(withCardsPlaced(stacked))).toEqual([]);
    const height = estimateCardSize(node("A", "activity")).height;
    const touching = model(
      [
        node("A", "activity", { position: { x: 360, y: 0 } }),
        node("B", "activity", { position: { x: 360, y: height } }),
      ],
      [],
    );
    expect(needsLayout(touching)).toBe(false);
    const onePixel = model(
      [
        node("A", "activity", { position: { x: 360, y: 0 } }),
        node("B", "activity", { position: { x: 360, y: height - 1 } }),
      ],
      [],
    );
    expect(needsLayout(onePixel)).toBe(true);
    expect(overlaps(withCardsPlaced(onePixel))).toEqual([]);
  });

  it("keeps a file whose cards all have their own place (the template, an export)", () => {
    const template = coachingTemplate();
    expect(needsLayout(template)).toBe(false);
    expect(withCardsPlaced(template)).toBe(template);
    const empty = model([], []);
    expect(needsLayout(empty)).toBe(false);
    expect(tidyLanes(empty).size).toBe(0);
  });

  it("orders a lane to follow its links, so they do not cross", () => {
    // The inputs link to the activities in the reverse of the activities' order.
    const m = model(
      [
        node("I1", "input"),
        node("I2", "input"),
        node("I3", "input"),
        node("A1", "activity"),
        node("A2", "activity"),
        node("A3", "activity"),
      ],
      [edge("I1", "A3"), edge("I2", "A2"), edge("I3", "A1")],
    );
    const at = tidyLanes(m);
    const y = (id: string) => at.get(id)?.y ?? Number.NaN;
    const inputOrder = ["I1", "I2", "I3"].sort((a, b) => y(a) - y(b));
    const activityOrder = ["A1", "A2", "A3"].sort((a, b) => y(a) - y(b));
    const partner: Record<string, string> = { I1: "A3", I2: "A2", I3: "A1" };
    expect(activityOrder).toEqual(inputOrder.map((id) => partner[id]));
  });

  it("keeps the order people gave a lane when links say nothing, with a gap between cards", () => {
    const m = model(
      [
        node("B", "input", { position: { x: 40, y: 300 } }),
        node("A", "input", { position: { x: 40, y: 10 } }),
        node("C", "input", { position: { x: 40, y: 20 } }),
      ],
      [],
    );
    const at = tidyLanes(m);
    expect(["A", "C", "B"].map((id) => at.get(id)?.y)).toEqual([
      LANE_PADDING,
      LANE_PADDING + estimateCardSize(node("A", "input")).height + CARD_GAP,
      LANE_PADDING + 2 * (estimateCardSize(node("A", "input")).height + CARD_GAP),
    ]);
  });

  it("uses the sizes the canvas measured when it has them", () => {
    const m = model([node("A", "input"), node("B", "input")], []);
    const at = tidyLanes(m, () => ({ width: 240, height: 300 }));
    expect(at.get("B")?.y).toBe(LANE_PADDING + 300 + CARD_GAP);
  });

  it("lays out 2,000 cards in well under a second", () => {
    const kinds = ["input", "activity", "smallWin", "midJourney", "longTerm"] as const;
    const nodes = Array.from({ length: 2_000 }, (_, i) => node(`n${i}`, kinds[i % 5] ?? "input"));
    const edges = Array.from({ length: 3_000 }, (_, i) => {
      const from = (i * 7) % 2_000;
      const to = from + 1 + ((i * 13) % 3);
      return edge(`n${from}`, `n${Math.min(to, 1_999)}`, `e${i}`);
    }).filter((e) => e.source !== e.target);
    const started = performance.now();
    const placed = withCardsPlaced(model(nodes, edges));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(overlaps(placed)).toEqual([]);
  });
});
