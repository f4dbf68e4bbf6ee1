import { describe, expect, it } from "vitest";
import { type ChainLink, onChain, traceChain } from "../src/index.ts";

const link = (source: string, target: string): ChainLink => ({
  id: `${source}-${target}`,
  source,
  target,
});

// input → activity → win → goal, plus a second input feeding the activity, a side branch
// activity2 → win2 that does not reach the goal, and an unrelated pair.
const LINKS = [
  link("input", "activity"),
  link("input2", "activity"),
  link("activity", "win"),
  link("win", "goal"),
  link("activity", "win2"),
  link("other", "other2"),
];

const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe("traceChain", () => {
  it("walks upstream to everything that leads to a goal, transitively", () => {
    const chain = traceChain(LINKS, ["goal"]);
    expect(sorted(chain.upstream)).toEqual(["activity", "input", "input2", "win"]);
    expect(sorted(chain.downstream)).toEqual([]);
    expect(sorted(chain.links)).toEqual([
      "activity-win",
      "input-activity",
      "input2-activity",
      "win-goal",
    ]);
  });

  it("walks both ways from a card in the middle, leaving side branches of its inputs out", () => {
    const chain = traceChain(LINKS, ["win"]);
    expect(sorted(chain.upstream)).toEqual(["activity", "input", "input2"]);
    expect(sorted(chain.downstream)).toEqual(["goal"]);
    // activity → win2 leaves the chain: win2 neither leads to "win" nor follows from it.
    expect(chain.links.has("activity-win2")).toBe(false);
    expect(onChain(chain, "win2")).toBe(false);
    expect(onChain(chain, "other")).toBe(false);
    expect(onChain(chain, "win")).toBe(true);
  });

  it("does not take a link that skips the card as part of its chain", () => {
    const chain = traceChain([...LINKS, link("input", "goal")], ["win"]);
    expect(chain.links.has("input-goal")).toBe(false);
    expect(onChain(chain, "input")).toBe(true);
  });

  it("keeps the starting card out of its own upstream and downstream", () => {
    const chain = traceChain(LINKS, ["activity"]);
    expect(chain.upstream.has("activity")).toBe(false);
    expect(chain.downstream.has("activity")).toBe(false);
    expect(sorted(chain.downstream)).toEqual(["goal", "win", "win2"]);
  });

  it("ends on a cycle instead of looping, and a card in it is both upstream and downstream", () => {
    const chain = traceChain([link("a", "b"), link("b", "c"), link("c", "a")], ["a"]);
    expect(sorted(chain.upstream)).toEqual(["b", "c"]);
    expect(sorted(chain.downstream)).toEqual(["b", "c"]);
    expect(chain.links.size).toBe(3);
  });

  it("handles a self link and a card without links", () => {
    const chain = traceChain([link("a", "a")], ["a"]);
    expect(chain.upstream.size + chain.downstream.size).toBe(0);
    expect(chain.links.has("a-a")).toBe(true);
    const alone = traceChain(LINKS, ["nowhere"]);
    expect(alone.upstream.size + alone.downstream.size + alone.links.size).toBe(0);
    expect(onChain(alone, "nowhere")).toBe(true);
  });

  it("traces from several cards at once as the union of their chains", () => {
    const chain = traceChain(LINKS, ["goal", "other"]);
    expect(sorted(chain.downstream)).toEqual(["other2"]);
    expect(chain.upstream.has("input")).toBe(true);
  });

  it("walks a long chain without recursion", () => {
    const long = Array.from({ length: 50_000 }, (_, i) => link(`n${i}`, `n${i + 1}`));
    expect(traceChain(long, ["n50000"]).upstream.size).toBe(50_000);
  });
});
