import type { Review, Vote } from "./schema.ts";

/**
 * Fist-to-five: 0 blocks, 1–2 hold reservations that need talking through, 3 can live with it,
 * 4–5 support it. Goal consensus is "wide agreement", not unanimity (seed 003): a goal has it
 * when at least WIDE_AGREEMENT_SHARE of the votes are 3 or more and nobody blocks.
 */
const SUPPORT_LEVEL = 3;
export const WIDE_AGREEMENT_SHARE = 0.8;
export const FIST_TO_FIVE_LABELS = [
  "Block: I cannot support this",
  "Serious reservations",
  "Reservations to discuss",
  "I can live with it",
  "I support it",
  "Full support, I will champion it",
] as const;

/**
 * Wide agreement among two people is not a team's agreement. A target's votes count only once
 * at least QUORUM_MIN_VOTES people voted on it, and at least QUORUM_MIN_SHARE of the people who
 * have taken part in the model's review (see `peopleWhoTookPart`).
 */
export const QUORUM_MIN_VOTES = 3;
export const QUORUM_MIN_SHARE = 0.5;

type ConsensusState = "wide-agreement" | "objections" | "mixed" | "not-enough-votes" | "no-votes";

export interface Quorum {
  met: boolean;
  votes: number;
  /** The people who have taken part: the "5" of "1 of 5". */
  people: number;
}

/** Whether `votes` votes make a quorum among `people` people who have taken part. */
export function quorumFor(votes: number, people: number): Quorum {
  const all = Math.max(people, votes);
  return { met: votes >= QUORUM_MIN_VOTES && votes >= all * QUORUM_MIN_SHARE, votes, people: all };
}

/**
 * The people who have taken part in a model, as far as its review document knows them: the
 * distinct authors (by their stable id, not their display name) of a thread, a message that is
 * not deleted, a resolution or a vote on anything in the model. Graph edits are not in the
 * review document, and a person who only looked has not taken part.
 */
export function peopleWhoTookPart(review: Pick<Review, "threads" | "votes">): string[] {
  return [...tookPart(review).keys()];
}

/**
 * The display names of the same people (`peopleWhoTookPart`), sorted: the "not weighed in" list
 * draws from them, so that it never names someone the "people who have taken part" count leaves
 * out (a person who is only looking now).
 */
export function namesOfPeopleWhoTookPart(review: Pick<Review, "threads" | "votes">): string[] {
  return [...new Set(tookPart(review).values())].sort((a, b) => a.localeCompare(b));
}

function tookPart(review: Pick<Review, "threads" | "votes">): Map<string, string> {
  const people = new Map<string, string>();
  const add = (person: { id: string; name: string }) => people.set(person.id, person.name);
  for (const thread of review.threads) {
    add(thread.author);
    if (thread.resolvedBy) add(thread.resolvedBy);
    for (const message of thread.messages) if (!message.deleted) add(message.author);
  }
  for (const vote of review.votes) add(vote.author);
  return people;
}

/**
 * The quorum rule in words, with the count it is measured against. Before anyone has taken part
 * there is nothing to measure: "at least 50% of the 0 people" would read as a contradiction.
 */
export function quorumRuleText(people: number): string {
  const share = `${Math.round(QUORUM_MIN_SHARE * 100)}%`;
  const how = "(started or answered a comment, or voted, in this model)";
  if (people === 0)
    return `No votes yet. Wide agreement will need at least ${QUORUM_MIN_VOTES} votes, from at least ${share} of the people who take part ${how}.`;
  const who = people === 1 ? "person who has" : "people who have";
  return `Wide agreement also needs at least ${QUORUM_MIN_VOTES} votes, from at least ${share} of the ${people} ${who} taken part ${how}.`;
}

export interface Consensus {
  target: string;
  /** distribution[level] = number of votes at that level, 0..5 */
  distribution: [number, number, number, number, number, number];
  votes: number;
  supportShare: number;
  blocks: number;
  state: ConsensusState;
  /** People with a vote below SUPPORT_LEVEL: the objections to talk through. */
  objectors: string[];
  /** Participants who have not voted on this target. */
  notYet: string[];
  quorum: Quorum;
}

/**
 * `people` is how many have taken part in the model (`peopleWhoTookPart`); without it, the
 * distinct voters among `votes` (all targets) stand for them.
 */
export function consensusFor(
  target: string,
  votes: readonly Vote[],
  participants: readonly string[] = [],
  people = new Set(votes.map((v) => v.author.id)).size,
): Consensus {
  const mine = votes.filter((v) => v.target === target);
  const distribution: Consensus["distribution"] = [0, 0, 0, 0, 0, 0];
  for (const vote of mine) distribution[vote.level] = (distribution[vote.level] ?? 0) + 1;
  const supporting = mine.filter((v) => v.level >= SUPPORT_LEVEL).length;
  const blocks = distribution[0];
  const supportShare = mine.length === 0 ? 0 : supporting / mine.length;
  const objectors = mine.filter((v) => v.level < SUPPORT_LEVEL).map((v) => v.author.name);
  const voted = new Set(mine.map((v) => v.author.name));
  const quorum = quorumFor(mine.length, people);
  let state: ConsensusState = "mixed";
  if (mine.length === 0) state = "no-votes";
  else if (!quorum.met) state = "not-enough-votes";
  else if (blocks === 0 && supportShare >= WIDE_AGREEMENT_SHARE) state = "wide-agreement";
  else if (blocks > 0 || objectors.length > 0) state = "objections";
  return {
    target,
    distribution,
    votes: mine.length,
    supportShare,
    blocks,
    state,
    objectors,
    notYet: participants.filter((name) => !voted.has(name)),
    quorum,
  };
}

/** One summary per target (the mastery goal and every goal node), in the order given. */
export function consensusSummary(
  targets: readonly string[],
  votes: readonly Vote[],
  participants: readonly string[],
  people?: number,
): Consensus[] {
  return targets.map((target) => consensusFor(target, votes, participants, people));
}
