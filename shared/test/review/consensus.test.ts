import { describe, expect, it } from "vitest";
import { consensusFor } from "../../src/review/consensus.ts";
import type { Vote } from "../../src/review/schema.ts";

const at = "2026-11-01T10:00:00.000Z";
function vote(name: string, level: number, target = "M1"): Vote {
  return { target, level, at, author: { id: `p-${name}`, name, role: "commenter" } };
}

describe("fist-to-five consensus", () => {
  it("finds wide agreement at 80% voting 3 or more with nobody blocking", () => {
    const votes = [vote("Ana", 5), vote("Ben", 4), vote("Cy", 3), vote("Di", 4), vote("Ed", 2)];
    const result = consensusFor("M1", votes, ["Ana", "Ben", "Cy", "Di", "Ed", "Flo"]);
    expect(result.distribution).toEqual([0, 0, 1, 1, 2, 1]);
    expect(result.supportShare).toBeCloseTo(0.8);
    expect(result.state).toBe("wide-agreement");
    expect(result.objectors).toEqual(["Ed"]);
    expect(result.notYet).toEqual(["Flo"]);
  });

  it("is not wide agreement when one person blocks, however many support it", () => {
    const votes = [
      ...["A", "B", "C", "D", "E", "F", "G", "H", "I"].map((n) => vote(n, 5)),
      vote("Jo", 0),
    ];
    const result = consensusFor("M1", votes);
    expect(result.supportShare).toBeCloseTo(0.9);
    expect(result.blocks).toBe(1);
    expect(result.state).toBe("objections");
  });

  it("is not wide agreement below 80% support", () => {
    const votes = [vote("A", 4), vote("B", 4), vote("C", 3), vote("D", 2), vote("E", 1)];
    expect(consensusFor("M1", votes).state).toBe("objections");
  });

  it("counts only the votes on its own target and reports no votes", () => {
    expect(consensusFor("M2", [vote("A", 5)]).state).toBe("no-votes");
    expect(consensusFor("M2", [vote("A", 5)]).votes).toBe(0);
  });
});
