import type { LogicModel, LogicNode } from "@logic-canvas/shared";
import { act, cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CardMarksContext, useCardMark } from "../src/canvas/card-marks.ts";
import { ReadingStore } from "../src/reading/reading-store.ts";

afterEach(cleanup);

const node = (id: string, kind: LogicNode["kind"], title: string, y = 0): LogicNode => ({
  id,
  kind,
  title,
  position: { x: 0, y },
});

// input → activity → goal; "side" is linked to nothing on the chain; "alone" to nothing at all.
const MODEL: LogicModel = {
  title: "Plan",
  masteryGoal: "",
  nodes: [
    node("input", "input", "Coach time"),
    node("activity", "activity", "Coaching cycles"),
    node("goal", "longTerm", "Reading at grade level"),
    node("side", "activity", "Family nights", 200),
    node("side-goal", "longTerm", "Attendance", 200),
    node("alone", "smallWin", "Coaching notes shared", 400),
  ],
  edges: [
    { id: "e1", source: "input", target: "activity" },
    { id: "e2", source: "activity", target: "goal" },
    { id: "e3", source: "side", target: "side-goal" },
  ],
};

/** Renders per card id, counted by `MarkedCard`. */
const renders = new Map<string, number>();

function MarkedCard({ id }: { id: string }) {
  renders.set(id, (renders.get(id) ?? 0) + 1);
  return <span data-mark={useCardMark(id)} />;
}

function storeWith(selected: string[] = []) {
  const store = new ReadingStore();
  store.sync(MODEL, selected);
  return store;
}

describe("the reading store", () => {
  it("marks the matches of a query, the first as current, and steps through them", () => {
    const store = storeWith();
    expect(store.setQuery("coaching")).toBe("activity");
    expect(store.cardMark("activity")).toBe("found current");
    expect(store.cardMark("alone")).toBe("found");
    expect(store.cardMark("goal")).toBe("");
    expect(store.step(1)).toBe("alone");
    expect(store.step(1)).toBe("activity"); // wraps
    expect(store.step(-1)).toBe("alone");
    expect(store.getView()).toMatchObject({ matchCount: 2, current: 1 });
    store.closeFind();
    expect(store.cardMark("activity")).toBe("");
  });

  it("traces the one selected card's chain and dims the rest, links included", () => {
    const store = storeWith(["goal"]);
    expect(store.cardMark("goal")).toBe("traced");
    expect(store.cardMark("input")).toBe("upstream");
    expect(store.cardMark("side")).toBe("dimmed");
    expect(store.linkMark("e1")).toBe("on-chain");
    expect(store.linkMark("e3")).toBe("dimmed");
    expect(store.getView().chain).toMatchObject({ title: "Reading at grade level", only: false });
  });

  it("dims nothing for a card without links, or for several selected cards", () => {
    expect(storeWith(["alone"]).cardMark("side")).toBe("");
    expect(storeWith(["goal", "side"]).cardMark("alone")).toBe("");
  });

  it("shows only the chain until Show all, whatever is selected meanwhile", () => {
    const store = storeWith(["goal"]);
    store.showOnlyChain();
    expect([...(store.shownCards() ?? [])].sort()).toEqual(["activity", "goal", "input"]);
    expect(store.laneNote("activity")).toBe("1 of 2 shown");
    expect(store.laneNote("smallWin")).toBe("All hidden");
    store.sync(MODEL, ["input"]);
    expect(store.shownCards()?.has("side")).toBe(false);
    store.showAll();
    expect(store.shownCards()).toBeNull();
    expect(store.laneNote("smallWin")).toBe("");
  });

  it("forgets the chain shown when its card is deleted", () => {
    const store = storeWith(["goal"]);
    store.showOnlyChain();
    store.sync({ ...MODEL, nodes: MODEL.nodes.filter((n) => n.id !== "goal") }, []);
    expect(store.shownCards()).toBeNull();
  });

  it("always shows the selected cards, so a new or picked card never vanishes", () => {
    const store = storeWith();
    store.setFilter({ statuses: ["off-track"], lanes: [] });
    expect(store.shownCards()?.size).toBe(0);
    store.sync(MODEL, ["alone"]);
    expect([...(store.shownCards() ?? [])]).toEqual(["alone"]);
  });

  it("hides what the filter leaves out, and find searches only the cards shown", () => {
    const store = storeWith();
    store.setFilter({ statuses: [], lanes: ["activity"] });
    expect([...(store.shownCards() ?? [])].sort()).toEqual(["activity", "side"]);
    expect(store.getView()).toMatchObject({ filterWords: "Activities", filterHidden: 4 });
    store.setQuery("coaching");
    expect(store.getView().matchCount).toBe(1);
  });

  it("re-renders only the cards whose mark changed when the query changes", () => {
    const store = storeWith();
    renders.clear();
    render(
      <CardMarksContext.Provider value={store}>
        {MODEL.nodes.map((n) => (
          <MarkedCard key={n.id} id={n.id} />
        ))}
      </CardMarksContext.Provider>,
    );
    renders.clear();
    act(() => void store.setQuery("coaching"));
    expect([...renders.keys()].sort()).toEqual(["activity", "alone"]);
    renders.clear();
    act(() => void store.setQuery("coaching c")); // the same matches: nothing re-renders
    expect(renders.size).toBe(0);
  });
});
