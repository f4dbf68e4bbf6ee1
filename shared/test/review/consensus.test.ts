import { describe, expect, it } from "vitest";
import {
  consensusFor,
  namesOfPeopleWhoTookPart,
  peopleWhoTookPart,
  QUORUM_MIN_SHARE,
  QUORUM_MIN_VOTES,
  quorumFor,
  quorumRuleText,
} from "../../src/review/consensus.ts";
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

describe("quorum for wide agreement", () => {
  it("needs at least three votes and half of the people who have taken part", () => {
    expect(quorumFor(2, 3).met).toBe(false); // fewer than three votes
    expect(quorumFor(3, 7).met).toBe(false); // 3 is less than half of 7
    expect(quorumFor(3, 6).met).toBe(true); // exactly half
    expect(quorumFor(4, 4).met).toBe(true);
    expect(quorumFor(1, 5)).toEqual({ met: false, votes: 1, people: 5 });
    expect(QUORUM_MIN_VOTES).toBe(3);
    expect(QUORUM_MIN_SHARE).toBe(0.5);
  });

  it("counts the voters when fewer people are known than voted", () => {
    expect(quorumFor(3, 0)).toEqual({ met: true, votes: 3, people: 3 });
  });

  it("is not wide agreement without a quorum, even when every vote supports", () => {
    const votes = [vote("Ana", 5), vote("Ben", 5)];
    const result = consensusFor("M1", votes, [], 3);
    expect(result.state).toBe("not-enough-votes");
    expect(result.quorum).toEqual({ met: false, votes: 2, people: 3 });
    const seven = consensusFor("M1", [...votes, vote("Cy", 4)], [], 7);
    expect(seven.state).toBe("not-enough-votes");
    const six = consensusFor("M1", [...votes, vote("Cy", 4)], [], 6);
    expect(six.state).toBe("wide-agreement");
  });

  it("finds the people who have taken part by id: thread and message authors, resolvers, voters", () => {
    const author = (name: string) => ({ id: `p-${name}`, name, role: "commenter" as const });
    const message = (name: string, deleted = false) => ({
      id: `m-${name}`,
      author: author(name),
      text: deleted ? "" : "hello",
      createdAt: at,
      ...(deleted ? { deleted: true } : {}),
    });
    const review = {
      threads: [
        {
          id: "t1",
          anchor: { kind: "model" as const },
          type: "question" as const,
          status: "resolved" as const,
          createdAt: at,
          author: author("Ana"),
          resolvedBy: author("Ben"),
          messages: [message("Ana"), message("Cy"), message("Gone", true)],
        },
      ],
      // A second "Ana" with another id is another person; Di only voted.
      votes: [vote("Di", 4), { ...vote("Ana", 3), author: { ...author("Ana"), id: "p-Ana2" } }],
    };
    expect(peopleWhoTookPart(review).sort()).toEqual(["p-Ana", "p-Ana2", "p-Ben", "p-Cy", "p-Di"]);
    expect(peopleWhoTookPart({ threads: [], votes: [] })).toEqual([]);
    // Their names, once each: the "not weighed in" list draws from the same people.
    expect(namesOfPeopleWhoTookPart(review)).toEqual(["Ana", "Ben", "Cy", "Di"]);
    expect(namesOfPeopleWhoTookPart({ threads: [], votes: [] })).toEqual([]);
  });

  it("says the rule without a contradiction before anyone took part", () => {
    expect(quorumRuleText(0)).toBe(
      "No votes yet. Wide agreement will need at least 3 votes, from at least 50% of the people who take part (started or answered a comment, or voted, in this model).",
    );
    expect(quorumRuleText(1)).toContain("50% of the 1 person who has taken part");
    expect(quorumRuleText(5)).toContain("50% of the 5 people who have taken part");
  });

  it("lists as not weighed in only the people who took part and did not vote on it", () => {
    const votes = [vote("Ana", 4)];
    const people = namesOfPeopleWhoTookPart({ threads: [], votes });
    expect(consensusFor("M1", votes, people).notYet).toEqual([]);
    expect(consensusFor("M1", [], []).notYet).toEqual([]);
    expect(consensusFor("M1", [], []).state).toBe("no-votes");
  });
});
