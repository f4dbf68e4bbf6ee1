import { describe, expect, it } from "vitest";
import { OVERLOAD_REASON, overloads, type RadarItem, radarColumns } from "../../src/index.ts";

const ana = { id: "ana", name: "Ana" };
const ben = { id: "ben", name: "Ben" };

describe("the overload rule", () => {
  it("flags a person owning more than one activity in blossom, by id whatever the name snapshot", () => {
    const items: RadarItem[] = [
      { nodeId: "1", title: "Coaching cycles", stage: "blossom", owner: ana },
      {
        nodeId: "2",
        title: "Learning walks",
        stage: "blossom",
        owner: { id: "ana", name: "Ana Ruiz" },
      },
      { nodeId: "3", title: "Exit tickets", stage: "fruit", owner: ana },
      { nodeId: "4", title: "Data wall", stage: "blossom", owner: ben },
    ];
    const flagged = overloads(items);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ kind: "person", id: "ana" });
    expect(flagged[0]?.items.map((i) => i.nodeId)).toEqual(["1", "2"]);
    expect(OVERLOAD_REASON).toMatch(/great enemy/);
  });

  it("does not flag one blossom per person, nor several seeds, fruits or unowned blossoms", () => {
    const items: RadarItem[] = [
      { nodeId: "1", title: "a", stage: "blossom", owner: ana },
      { nodeId: "2", title: "b", stage: "seed", owner: ana },
      { nodeId: "3", title: "c", stage: "seed", owner: ana },
      { nodeId: "4", title: "d", stage: "blossom" },
      { nodeId: "5", title: "e", stage: "blossom" },
    ];
    expect(overloads(items)).toEqual([]);
  });

  it("flags a team whose models carry more than one blossom, whoever owns them", () => {
    const team = { id: "w3", name: "Grade 3 team" };
    const items: RadarItem[] = [
      { nodeId: "1", title: "a", stage: "blossom", owner: ana, team },
      { nodeId: "2", title: "b", stage: "blossom", owner: ben, team },
    ];
    expect(overloads(items).map((o) => `${o.kind}:${o.name}`)).toEqual(["team:Grade 3 team"]);
  });

  it("sorts activities into columns seed → compost, unsorted first", () => {
    const columns = radarColumns([
      { nodeId: "1", title: "a", stage: "compost" },
      { nodeId: "2", title: "b" },
      { nodeId: "3", title: "c", stage: "seed" },
    ]);
    expect(columns.map((c) => c.stage)).toEqual([
      null,
      "seed",
      "blossom",
      "fruit",
      "withering",
      "compost",
    ]);
    expect(columns.map((c) => c.items.map((i) => i.nodeId).join())).toEqual([
      "2",
      "3",
      "",
      "",
      "",
      "1",
    ]);
  });
});
