import type { NodeKind } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { cardTowards, readingOrder } from "../src/canvas/card-navigation.ts";

const at = (id: string, kind: NodeKind, y: number, x = 0) => ({
  id,
  position: { x, y },
  data: { node: { kind } },
});

// Inputs: I1 (y 40), I2 (y 300). Activities: A1 (y 60), A2 (y 280). No small wins.
// Mid-journey: M1 (y 900). Long-term: none.
const cards = [
  at("A2", "activity", 280),
  at("I2", "input", 300),
  at("M1", "midJourney", 900),
  at("I1", "input", 40),
  at("A1", "activity", 60),
];

describe("moving between cards with the arrow keys", () => {
  it("reads lane by lane, top to bottom", () => {
    expect(readingOrder(cards).map((c) => c.id)).toEqual(["I1", "I2", "A1", "A2", "M1"]);
  });

  it("up and down stay in the lane and stop at its ends", () => {
    expect(cardTowards(cards, "I1", "ArrowDown")?.id).toBe("I2");
    expect(cardTowards(cards, "I2", "ArrowUp")?.id).toBe("I1");
    expect(cardTowards(cards, "I1", "ArrowUp")).toBeUndefined();
    expect(cardTowards(cards, "A2", "ArrowDown")).toBeUndefined();
  });

  it("left and right go to the nearest card of the next lane that has cards", () => {
    expect(cardTowards(cards, "I2", "ArrowRight")?.id).toBe("A2");
    expect(cardTowards(cards, "I1", "ArrowRight")?.id).toBe("A1");
    // The small-win lane is empty: skipped.
    expect(cardTowards(cards, "A1", "ArrowRight")?.id).toBe("M1");
    expect(cardTowards(cards, "M1", "ArrowLeft")?.id).toBe("A2");
    expect(cardTowards(cards, "I1", "ArrowLeft")).toBeUndefined();
    expect(cardTowards(cards, "M1", "ArrowRight")).toBeUndefined();
  });

  it("from a card that is gone, starts at the first card", () => {
    expect(cardTowards(cards, "gone", "ArrowDown")?.id).toBe("I1");
    expect(cardTowards([], "gone", "ArrowDown")).toBeUndefined();
  });
});
