import { describe, expect, it } from "vitest";
import {
  findCards,
  findInOrder,
  foldForSearch,
  inReadingOrder,
  matchCard,
  prepareSearch,
  searchTerms,
} from "../src/card-search.ts";
import type { LogicNode } from "../src/index.ts";

function node(id: string, extra: Partial<LogicNode> = {}): LogicNode {
  return { id, kind: "activity", title: `Card ${id}`, ...extra };
}

describe("foldForSearch", () => {
  it("drops case and accents, as a person typing on any keyboard expects", () => {
    expect(foldForSearch("Élèves de García")).toBe("eleves de garcia");
    expect(foldForSearch("NIÑOS")).toBe("ninos");
    expect(foldForSearch("Façade çà")).toBe("facade ca");
  });

  it("makes runs of white space, new lines included, one space and trims the ends", () => {
    expect(foldForSearch("  weekly\n\tcoaching   cycle ")).toBe("weekly coaching cycle");
  });

  it("keeps letters that have no decomposition and digits", () => {
    expect(foldForSearch("Grade 3 – Ø")).toBe("grade 3 – ø");
  });
});

describe("matchCard", () => {
  it("matches a title whatever its case and accents, in either direction", () => {
    const card = node("a", { title: "Réunion des élèves" });
    expect(matchCard(card, searchTerms("eleves"))).toBe("title");
    expect(matchCard(card, searchTerms("ÉLÈVES"))).toBe("title");
    expect(matchCard(node("b", { title: "eleves" }), searchTerms("élèves"))).toBe("title");
  });

  it("reports notes and the SMART indicator when the words are there", () => {
    expect(matchCard(node("a", { notes: "Ask Mrs Núñez" }), searchTerms("nunez"))).toBe("notes");
    const goal: LogicNode = {
      id: "g",
      kind: "longTerm",
      title: "Reading",
      smart: { indicator: "Students at benchmark", unit: "percent" },
    };
    expect(matchCard(goal, searchTerms("benchmark"))).toBe("indicator");
  });

  it("needs every word of the query, each possibly in a different field", () => {
    const card = node("a", { title: "Coaching cycles", notes: "with grade 3 team" });
    expect(matchCard(card, searchTerms("coaching grade"))).toBe("title");
    expect(matchCard(card, searchTerms("coaching kindergarten"))).toBeUndefined();
  });

  it("matches parts of words, and nothing for a blank query", () => {
    expect(matchCard(node("a", { title: "Observations" }), searchTerms("serv"))).toBe("title");
    expect(matchCard(node("a"), searchTerms("   "))).toBeUndefined();
    expect(matchCard(node("a"), [])).toBeUndefined();
  });

  it("reads a card again after it changed (a new object)", () => {
    const before = node("a", { title: "Old words" });
    expect(matchCard(before, searchTerms("new"))).toBeUndefined();
    const after = { ...before, title: "New words" };
    expect(matchCard(after, searchTerms("new"))).toBe("title");
  });
});

describe("findCards", () => {
  it("lists matches lane by lane, then top to bottom, then left to right", () => {
    const nodes: LogicNode[] = [
      node("goal", { kind: "longTerm", title: "Plan A", position: { x: 1300, y: 0 } }),
      node("low", { title: "Plan B", position: { x: 360, y: 500 } }),
      node("high", { title: "Plan C", position: { x: 360, y: 100 } }),
      node("input", { kind: "input", title: "Plan D", position: { x: 40, y: 900 } }),
      node("other", { title: "Budget", position: { x: 360, y: 0 } }),
    ];
    expect(findCards(nodes, "plan").map((m) => m.id)).toEqual(["input", "high", "low", "goal"]);
  });

  it("orders cards on the same spot (or without one) by id, so the order never flickers", () => {
    const nodes = [node("b", { title: "x" }), node("a", { title: "x" })];
    expect(findCards(nodes, "x").map((m) => m.id)).toEqual(["a", "b"]);
  });

  it("finds nothing for a blank query or a model without cards", () => {
    expect(findCards([node("a")], "")).toEqual([]);
    expect(findCards([node("a")], " \n ")).toEqual([]);
    expect(findCards([], "card")).toEqual([]);
  });
});

describe("inReadingOrder and findInOrder", () => {
  it("find the same cards in the same order as findCards, the sort done once", () => {
    const nodes: LogicNode[] = [
      node("g", { kind: "longTerm", title: "Plan", position: { x: 1300, y: 0 } }),
      node("a2", { title: "Plan", position: { x: 360, y: 400 } }),
      node("a1", { title: "Plan", position: { x: 360, y: 0 } }),
    ];
    const ordered = inReadingOrder(nodes);
    expect(ordered.map((n) => n.id)).toEqual(["a1", "a2", "g"]);
    prepareSearch(ordered);
    expect(findInOrder(ordered, "PLAN")).toEqual(findCards(nodes, "plan"));
    expect(nodes.map((n) => n.id)).toEqual(["g", "a2", "a1"]); // the input is left as it was
  });
});
